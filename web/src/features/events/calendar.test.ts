import { describe, expect, it } from 'vitest';
import {
  addDays, daysOf, eventsByDay, monthGrid, monthRange, parseMonth, shiftMonth, todayInJapan, weekdayOrder, weekOf,
} from './calendar';

describe('the month calendar', () => {
  it('lays out June 2025 starting on Sunday: 1 June is a Sunday, five weeks', () => {
    const weeks = monthGrid({ year: 2025, month: 6 }, 'sun');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]![0]).toEqual({ date: '2025-06-01', day: 1, weekday: 0, inMonth: true });
    expect(weeks[4]![6]).toEqual({ date: '2025-07-05', day: 5, weekday: 6, inMonth: false });
  });

  it('lays out June 2025 starting on Monday: the week of 1 June begins on 26 May, six weeks', () => {
    const weeks = monthGrid({ year: 2025, month: 6 }, 'mon');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]!.map((d) => d.day)).toEqual([26, 27, 28, 29, 30, 31, 1]);
    expect(weeks[0]![0]!.inMonth).toBe(false);
    expect(weeks[5]!.map((d) => d.date)).toEqual(['2025-06-30', '2025-07-01', '2025-07-02', '2025-07-03', '2025-07-04', '2025-07-05', '2025-07-06']);
    expect(weekdayOrder('mon')).toEqual([1, 2, 3, 4, 5, 6, 0]);
  });

  it('knows February of a leap year and a February of exactly four weeks', () => {
    expect(monthRange({ year: 2024, month: 2 })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    // February 2026 begins on a Sunday and has 28 days.
    expect(monthGrid({ year: 2026, month: 2 }, 'sun')).toHaveLength(4);
  });

  it('moves across years and reads a month from the URL', () => {
    expect(shiftMonth({ year: 2025, month: 12 }, 1)).toEqual({ year: 2026, month: 1 });
    expect(shiftMonth({ year: 2025, month: 1 }, -1)).toEqual({ year: 2024, month: 12 });
    expect(parseMonth('2025-03')).toEqual({ year: 2025, month: 3 });
    expect(parseMonth('2025-13')).toBeUndefined();
    expect(parseMonth(null)).toBeUndefined();
  });

  it('finds this week in Japan, from Sunday or from Monday', () => {
    // 2025-06-14 is a Saturday.
    expect(weekOf('2025-06-14', 'sun')).toEqual({ from: '2025-06-08', to: '2025-06-14' });
    expect(weekOf('2025-06-14', 'mon')).toEqual({ from: '2025-06-09', to: '2025-06-15' });
    expect(weekOf('2025-06-15', 'mon')).toEqual({ from: '2025-06-09', to: '2025-06-15' });
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    // 23:30 UTC on 31 December is already New Year's Day in Japan.
    expect(todayInJapan(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
  });

  it('places an event on the days it covers in Japan time', () => {
    // 10:00 UTC on 14 June is 19:00 in Japan; 16:00 UTC is 01:00 on the 15th.
    expect(daysOf({ startsAt: '2025-06-14T10:00:00Z', endsAt: '2025-06-14T16:00:00Z' })).toEqual(['2025-06-14', '2025-06-15']);
    expect(daysOf({ startsAt: '2025-06-13T15:30:00Z' })).toEqual(['2025-06-14']);
    // An all-day event of two days ends at the midnight after its last day.
    expect(daysOf({ startsAt: '2025-06-14T00:00:00+09:00', endsAt: '2025-06-16T00:00:00+09:00' })).toEqual(['2025-06-14', '2025-06-15']);
    const byDay = eventsByDay([
      { id: 'a', startsAt: '2025-06-14T13:30:00+09:00', endsAt: '2025-06-14T15:30:00+09:00' },
      { id: 'b', startsAt: '2025-06-14T18:00:00+09:00', endsAt: null },
    ]);
    expect(byDay.get('2025-06-14')!.map((e) => e.id)).toEqual(['a', 'b']);
    expect(byDay.has('2025-06-15')).toBe(false);
  });
});
