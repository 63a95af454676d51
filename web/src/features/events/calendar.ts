import { japanDay } from '../../lib/format';

/**
 * The month calendar of the events page, as pure date arithmetic on calendar days in Japan
 * ('2025-06-14'): Japanese wall calendars start the week on Sunday (日曜始まり) or on Monday
 * (月曜始まり), so both are offered. Days are computed in UTC, where a calendar day has no zone.
 */
export type WeekStart = 'sun' | 'mon';

export interface CalendarDay {
  /** 2025-06-14 */
  date: string;
  day: number;
  /** 0 Sunday … 6 Saturday */
  weekday: number;
  inMonth: boolean;
}

export interface Month {
  year: number;
  /** 1 … 12 */
  month: number;
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

/** The day n days after (or before) a day. */
export function addDays(day: string, n: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + n);
  return toDay(d);
}

/** Today in Japan, where the municipality is. */
export function todayInJapan(now: Date = new Date()): string {
  return japanDay(now);
}

export function monthOf(day: string): Month {
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

/** The month n months after (or before) a month. */
export function shiftMonth({ year, month }: Month, n: number): Month {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** A month as the URL writes it: 2025-06. */
export function monthKey({ year, month }: Month): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** A month from the URL (2025-06), or undefined when it is not one. */
export function parseMonth(key: string | null | undefined): Month | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(key ?? '');
  if (!m) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : undefined;
}

/** The weekdays in the order the calendar shows them (0 Sunday … 6 Saturday). */
export function weekdayOrder(weekStart: WeekStart): number[] {
  return weekStart === 'sun' ? [0, 1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5, 6, 0];
}

/** The first day of the week a day falls in. */
export function startOfWeek(day: string, weekStart: WeekStart): string {
  const weekday = toDate(day).getUTCDay();
  const back = weekStart === 'sun' ? weekday : (weekday + 6) % 7;
  return addDays(day, -back);
}

/** The week a day falls in, first and last day ("this week" of the events page). */
export function weekOf(day: string, weekStart: WeekStart): { from: string; to: string } {
  const from = startOfWeek(day, weekStart);
  return { from, to: addDays(from, 6) };
}

/** The first and last day of a month. */
export function monthRange({ year, month }: Month): { from: string; to: string } {
  const first = `${monthKey({ year, month })}-01`;
  return { from: first, to: addDays(`${monthKey(shiftMonth({ year, month }, 1))}-01`, -1) };
}

/** The weeks of a month as a wall calendar shows them: whole weeks, days of the months around greyed. */
export function monthGrid(month: Month, weekStart: WeekStart): CalendarDay[][] {
  const { from, to } = monthRange(month);
  const weeks: CalendarDay[][] = [];
  for (let start = startOfWeek(from, weekStart); start <= to; start = addDays(start, 7)) {
    weeks.push(
      Array.from({ length: 7 }, (_, i) => {
        const date = addDays(start, i);
        const d = toDate(date);
        return { date, day: d.getUTCDate(), weekday: d.getUTCDay(), inMonth: date >= from && date <= to };
      }),
    );
  }
  return weeks;
}

/** What the calendar needs of an event: when it starts and ends. */
export interface Dated {
  startsAt: string;
  endsAt?: string | null;
}

/** The days in Japan an event covers: from its start to its end (an end at midnight ends the day before). */
export function daysOf(event: Dated): string[] {
  const first = japanDay(event.startsAt);
  if (!event.endsAt) return [first];
  // An end at 00:00 closes the day before (an all-day event ends at the next midnight).
  const last = japanDay(new Date(new Date(event.endsAt).getTime() - 1));
  const days = [first];
  for (let d = addDays(first, 1); d <= last && days.length < 62; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The events of each day, in the order given (the API's: by start). */
export function eventsByDay<T extends Dated>(events: readonly T[]): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  for (const event of events) {
    for (const day of daysOf(event)) {
      const list = byDay.get(day) ?? [];
      list.push(event);
      byDay.set(day, list);
    }
  }
  return byDay;
}
