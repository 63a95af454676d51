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
