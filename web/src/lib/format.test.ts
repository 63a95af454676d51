import { describe, expect, it } from 'vitest';
import { formatCount, formatJapaneseDate, formatPercent } from './format';

describe('formatJapaneseDate', () => {
  it('uses the era of the date, 元年 for year one', () => {
    expect(formatJapaneseDate('2024-03-31')).toBe('令和6年3月31日');
    expect(formatJapaneseDate('2019-05-01')).toBe('令和元年5月1日');
    expect(formatJapaneseDate('2019-04-30')).toBe('平成31年4月30日');
    expect(formatJapaneseDate('1989-01-07')).toBe('昭和64年1月7日');
    expect(formatJapaneseDate('1989-01-08')).toBe('平成元年1月8日');
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
