import type { Language } from './i18n';

/**
 * The eras (元号) a fiscal year is named by, newest first, with the day each began. The API
 * labels the years it sends (`fiscalYearLabel`); this rule names the years the web offers before
 * the API knows them (the span of a plan being created) and must read as the API writes them.
 */
const ERAS: ReadonlyArray<{ name: string; start: Date }> = [
  { name: '令和', start: new Date(Date.UTC(2019, 4, 1)) },
  { name: '平成', start: new Date(Date.UTC(1989, 0, 8)) },
  { name: '昭和', start: new Date(Date.UTC(1926, 11, 25)) },
  { name: '大正', start: new Date(Date.UTC(1912, 6, 30)) },
  { name: '明治', start: new Date(Date.UTC(1868, 9, 23)) },
];

/**
 * A fiscal year's label as the API writes it: the era in effect on 1 October of the year's first
 * calendar year, 元年 for an era's first year (2019 → 令和元年度, 1988 → 昭和63年度); FY2024 in English.
 */
export function fiscalYearLabel(fiscalYear: number, language: Language): string {
  if (language === 'en') return `FY${fiscalYear}`;
  const october = new Date(Date.UTC(fiscalYear, 9, 1));
  const era = ERAS.find((e) => october >= e.start);
  if (!era) return `${fiscalYear}年度`;
  const year = fiscalYear - era.start.getUTCFullYear() + 1;
  return `${era.name}${year === 1 ? '元' : year}年度`;
}

/** Fiscal years (年度) as the API labels them; the Western year is offered on hover. */
export function fiscalYearTitle(fiscalYear: number): string {
  return `${fiscalYear}年4月〜${fiscalYear + 1}年3月 (FY${fiscalYear})`;
}

/** The fiscal year a date falls in: April to March, named by the year it starts. */
export function fiscalYearOf(date: Date): number {
  return date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
}
