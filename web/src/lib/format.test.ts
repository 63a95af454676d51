import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatPercent } from './format';

describe('formatDate', () => {
  it('writes Japanese dates in the era of the date, 元年 for year one', () => {
    expect(formatDate('2024-04-01', 'ja')).toBe('令和6年4月1日');
    expect(formatDate('2024-03-31', 'ja')).toBe('令和6年3月31日');
    expect(formatDate('2019-05-01', 'ja')).toBe('令和元年5月1日');
    expect(formatDate('2019-04-30', 'ja')).toBe('平成31年4月30日');
    expect(formatDate('1989-01-07', 'ja')).toBe('昭和64年1月7日');
    expect(formatDate('1989-01-08', 'ja')).toBe('平成元年1月8日');
  });

  it('writes English dates plainly, and the day of a moment as it is in Japan', () => {
    expect(formatDate('2024-04-01', 'en')).toBe('1 April 2024');
    expect(formatDate('2024-03-31T15:30:00Z', 'ja')).toBe('令和6年4月1日');
    expect(formatDate('2024-04-01T23:30:00+09:00', 'en')).toBe('1 April 2024');
    expect(formatDate(undefined, 'ja')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('tells a moment in Japan time', () => {
    expect(formatDateTime('2024-04-01T00:30:00Z', 'ja')).toBe('令和6年4月1日 9:30');
    expect(formatDateTime('2024-04-01T00:30:00Z', 'en')).toBe('1 April 2024 at 09:30');
    expect(formatDateTime(null, 'en')).toBe('');
  });
});

describe('figures', () => {
  it('formats counts and shares as municipal statistics do', () => {
    expect(formatCount(12345, '人')).toBe('12,345 人');
    expect(formatCount(null)).toBe('—');
    expect(formatPercent(33.45)).toBe('33.5%');
    expect(formatPercent(undefined)).toBe('—');
  });
});
