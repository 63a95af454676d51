import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { MonthCalendar } from './MonthCalendar';

const events = [
  { id: 'e-seminar', title: 'PPP実践セミナー', startsAt: '2025-06-14T04:30:00Z', endsAt: '2025-06-14T06:30:00Z' },
  // 23:30 on 30 June in Japan is still June there, though it is 14:30 UTC.
  { id: 'e-late', title: '夜の対話', startsAt: '2025-06-30T14:30:00Z', endsAt: null },
  { id: 'e-cancelled', title: '地区ワークショップ', startsAt: '2025-06-21T10:00:00+09:00', status: 'CANCELLED' },
];

const show = (weekStart: 'sun' | 'mon', language: 'ja' | 'en' = 'ja') =>
  render(
    <MemoryRouter>
      <MonthCalendar month={{ year: 2025, month: 6 }} weekStart={weekStart} events={events} today="2025-06-14" language={language} />
    </MemoryRouter>,
  );

describe('MonthCalendar', () => {
  it('shows the month in its era with Sunday first, each event on its day in Japan time with a link', () => {
    show('sun');
    const table = screen.getByRole('table', { name: '令和7年6月' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers[0]).toBe('日日曜日');
    expect(headers[6]).toBe('土土曜日');
    const saturday = table.querySelector('td[data-date="2025-06-14"]')!;
    expect(saturday).toHaveAttribute('aria-current', 'date');
    expect(within(saturday as HTMLElement).getByRole('link', { name: /13:30 PPP実践セミナー/ })).toHaveAttribute('href', '/events/e-seminar');
    expect(saturday.textContent).toContain('令和7年6月14日(土)');
    const lastDay = table.querySelector('td[data-date="2025-06-30"]')!;
    expect(within(lastDay as HTMLElement).getByRole('link', { name: /23:30 夜の対話/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /地区ワークショップ \(中止\)/ })).toBeInTheDocument();
  });

  it('starts the week on Monday when asked, and speaks English', () => {
    show('mon', 'en');
    const table = screen.getByRole('table', { name: 'June 2025' });
    expect(within(table).getAllByRole('columnheader')[0]!.textContent).toBe('MonMonday');
    const firstRow = within(table).getAllByRole('row')[1]!;
    expect(firstRow.querySelector('td')).toHaveAttribute('data-date', '2025-05-26');
    expect(firstRow.querySelector('td')).toHaveClass('other-month');
  });
});
