import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { CheckInPanel } from './CheckInPanel';

describe('CheckInPanel', () => {
  it('checks in the typed code, confirms who it was, and is ready for the next person', async () => {
    const onCheckIn = vi.fn((code: string) => Promise.resolve({ name: '小野田 花子', code: code.toUpperCase()}));
    render(<CheckInPanel attended={3} registered={10} onCheckIn={onCheckIn} />);
    expect(screen.getByText('受付済み 3 / 申込 10')).toBeInTheDocument();
    const field = screen.getByLabelText(/受付コード/);
    await userEvent.type(field, 'abcd-2345');
    await userEvent.click(screen.getByRole('button', { name: '受付する' }));
    expect(onCheckIn).toHaveBeenCalledWith('abcd-2345');
    expect(await screen.findByRole('status')).toHaveTextContent('受付しました: 小野田 花子（ABCD-2345）');
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
  });

  it('asks for a code before sending anything, and shows what the API says about a wrong one', async () => {
    const onCheckIn = vi.fn(() => Promise.reject(new ApiError(404, { title: '受付コードが見つかりません', status: 404 })));
    render(<CheckInPanel attended={0} registered={1} onCheckIn={onCheckIn} />);
    await userEvent.click(screen.getByRole('button', { name: '受付する' }));
    expect(screen.getByText('受付コードを入力してください')).toBeInTheDocument();
    expect(screen.getByLabelText(/受付コード/)).toHaveAttribute('aria-invalid', 'true');
    expect(onCheckIn).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText(/受付コード/), 'ZZZZ-9999');
    await userEvent.click(screen.getByRole('button', { name: '受付する' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('受付コードが見つかりません');
    // What was typed stays, to be corrected.
    expect(screen.getByLabelText(/受付コード/)).toHaveValue('ZZZZ-9999');
  });

  it('offers the camera only where the browser reads barcodes', () => {
    const { unmount } = render(<CheckInPanel attended={0} registered={0} onCheckIn={vi.fn()} />);
    expect(screen.queryByRole('button', { name: /カメラ/ })).not.toBeInTheDocument();
    unmount();
    vi.stubGlobal('BarcodeDetector', class { detect = vi.fn(() => Promise.resolve([])); });
    vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getUserMedia: vi.fn() } });
    render(<CheckInPanel attended={0} registered={0} onCheckIn={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'カメラで QR コードを読む' })).toBeInTheDocument();
  });
});
