/** Dates and figures the way Japanese municipal documents write them, and plainly in English. */
import { currentLanguage, type Language } from './i18n';

// Japanese dates go in the Japanese calendar (令和6年4月1日, 元年 for an era's first year). A
// calendar date (2024-04-01) is that day wherever one reads it; a moment (a version published, a
// message sent) is told in Japan's time, where the municipality is.
const JAPAN = 'Asia/Tokyo';
const dateIn = (timeZone: string) => ({
  ja: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { dateStyle: 'long', timeZone }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone }),
});
const CALENDAR_DATE = dateIn('UTC');
const DATE_OF_MOMENT = dateIn(JAPAN);
const DATE_TIME = {
  ja: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { dateStyle: 'long', timeStyle: 'short', timeZone: JAPAN }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: JAPAN }),
};

/** A date, or the day of a moment: 令和6年4月1日, or 1 April 2024. */
export function formatDate(iso: string | null | undefined, language: Language = currentLanguage()): string {
  if (!iso) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? CALENDAR_DATE[language].format(new Date(`${iso}T00:00:00Z`))
    : DATE_OF_MOMENT[language].format(new Date(iso));
}

/** A moment: 令和6年4月1日 9:30, or 1 April 2024 at 09:30 (Japan time). */
export function formatDateTime(iso: string | null | undefined, language: Language = currentLanguage()): string {
  if (!iso) return '';
  return DATE_TIME[language].format(new Date(iso));
}

const DAY_WITH_WEEKDAY = {
  ja: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const MONTH = {
  ja: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: JAPAN });
// en-CA writes dates as ISO does (2024-04-01).
const ISO_DAY = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: JAPAN });

/** The calendar date in Japan of a moment (2024-03-31T15:30:00Z → 2024-04-01). */
export function japanDay(moment: string | Date): string {
  return ISO_DAY.format(typeof moment === 'string' ? new Date(moment) : moment);
}

/** A calendar date with its weekday, as event notices write it: 令和6年4月1日(月), or Mon, 1 April 2024. */
export function formatDayWithWeekday(day: string, language: Language = currentLanguage()): string {
  return DAY_WITH_WEEKDAY[language].format(new Date(`${day}T00:00:00Z`));
}

/** A month of a calendar: 令和6年4月, or April 2024. */
export function formatMonth(year: number, month: number, language: Language = currentLanguage()): string {
  return MONTH[language].format(new Date(Date.UTC(year, month - 1, 1)));
}

/** The time of a moment in Japan, on the 24-hour clock: 09:30. */
export function formatTime(moment: string): string {
  return TIME.format(new Date(moment));
}

/** Thousands separators as in municipal statistics: 12,345 人. */
export function formatCount(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined) return '—';
  return `${value.toLocaleString('ja-JP')}${unit ? ` ${unit}` : ''}`;
}

/** A share in percent with one decimal: 33.4%. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value.toFixed(1)}%`;
}
