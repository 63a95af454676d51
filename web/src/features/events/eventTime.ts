import { formatDayWithWeekday, formatTime, japanDay } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import { addDays } from './calendar';

/** When an event takes place: its start, its end (optional) and whether it covers whole days. */
export interface EventTimes {
  startsAt: string;
  endsAt?: string | null;
  allDay?: boolean;
}

const ALL_DAY = { ja: '終日', en: 'all day' } as const;

/**
 * When an event is, as a notice in Japan writes it, in Japan time: 令和7年6月14日(土) 13:30〜15:30,
 * an event over several days from one day to the other, an all-day event as 終日. English:
 * Sat, 14 June 2025, 13:30–15:30.
 */
export function formatEventWhen(event: EventTimes, language: Language): string {
  const dash = language === 'ja' ? '〜' : '–';
  const firstDay = japanDay(event.startsAt);
  const day = (d: string) => formatDayWithWeekday(d, language);
  const sep = language === 'ja' ? ' ' : ', ';
  if (event.allDay) {
    // An all-day event ends at the midnight after its last day.
    const lastDay = event.endsAt ? japanDay(new Date(new Date(event.endsAt).getTime() - 1)) : firstDay;
    return lastDay > firstDay
      ? `${day(firstDay)} ${dash} ${day(lastDay)}`
      : `${day(firstDay)}${sep}${ALL_DAY[language]}`;
  }
  const start = formatTime(event.startsAt);
  if (!event.endsAt) return `${day(firstDay)}${sep}${start}${dash}`;
  const lastDay = japanDay(event.endsAt);
  const end = formatTime(event.endsAt);
  if (lastDay === firstDay) return `${day(firstDay)}${sep}${start}${dash}${end}`;
  return `${day(firstDay)}${sep}${start} ${dash} ${day(lastDay)}${sep}${end}`;
}

/** Whether an event is over at a moment (its end, or its start when it has none). */
export function hasEnded(event: EventTimes, now: Date = new Date()): boolean {
  return new Date(event.endsAt ?? event.startsAt).getTime() <= now.getTime();
}

/**
 * A moment typed in a form (`<input type="datetime-local">`, read as Japan time wherever the
 * browser is) as the API takes it: 2025-06-14T13:30 → 2025-06-14T13:30:00+09:00.
 */
export function japanLocalToIso(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return undefined;
  return `${local}:00+09:00`;
}

/** A moment as a `datetime-local` input shows it, in Japan time: 2025-06-14T04:30:00Z → 2025-06-14T13:30. */
export function isoToJapanLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  return `${japanDay(iso)}T${formatTime(iso)}`;
}

/** A day typed in a form as the start of that day in Japan: 2025-06-14 → 2025-06-14T00:00:00+09:00. */
export function japanDayStart(day: string): string {
  return `${day}T00:00:00+09:00`;
}

/** The end of a day in Japan as the next midnight (an exclusive end). */
export function japanDayEnd(day: string): string {
  return `${addDays(day, 1)}T00:00:00+09:00`;
}
