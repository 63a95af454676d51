/** Formatting the way Japanese municipal documents do it. */

const ERAS: ReadonlyArray<{ name: string; start: Date }> = [
  { name: '令和', start: new Date(Date.UTC(2019, 4, 1)) },
  { name: '平成', start: new Date(Date.UTC(1989, 0, 8)) },
  { name: '昭和', start: new Date(Date.UTC(1926, 11, 25)) },
];

/** 2024-03-31 → 令和6年3月31日 (元年 for the first year of an era). */
export function formatJapaneseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const era = ERAS.find((e) => date >= e.start);
  if (!era) return `${y}年${m}月${d}日`;
  const year = y - era.start.getUTCFullYear() + 1;
  return `${era.name}${year === 1 ? '元' : year}年${m}月${d}日`;
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
