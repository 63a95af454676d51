import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { FieldError, ProblemMessage } from './Problem';

describe('ProblemMessage', () => {
  it("shows an RFC 9457 problem's title and detail as an alert", () => {
    render(<ProblemMessage error={new ApiError(409, { title: 'Conflict', status: 409, detail: '承認済みの団体です' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('エラー Conflict: 承認済みの団体です');
  });

  it('says that someone else saved first and offers to reload', async () => {
    const onReload = vi.fn();
    render(<ProblemMessage error={new ApiError(412, { title: 'Precondition Failed', status: 412 })} onReload={onReload} />);
    expect(screen.getByRole('alert')).toHaveTextContent('他の人が先に更新しました。入力内容は残っています。最新を読み込んでから保存し直してください。');
    await userEvent.setup().click(screen.getByRole('button', { name: '最新を読み込む' }));
    expect(onReload).toHaveBeenCalledOnce();
  });

  it('speaks English when asked, and shows nothing without an error', () => {
    localStorage.setItem('kyoso.language', 'en');
    const { container } = render(<ProblemMessage error={undefined} />);
    expect(container).toBeEmptyDOMElement();
    render(<ProblemMessage error={new ApiError(412, { title: 'Precondition Failed', status: 412 })} onReload={() => {}} />);
    expect(screen.getByRole('button', { name: 'Reload the latest' })).toBeInTheDocument();
  });
});

describe('FieldError', () => {
  it('is the description of its field', () => {
    render(<><input aria-label="名称" aria-describedby="name-error" /><FieldError id="name-error" message="名称を入力してください" /></>);
    expect(screen.getByLabelText('名称')).toHaveAccessibleDescription('名称を入力してください');
  });
});
