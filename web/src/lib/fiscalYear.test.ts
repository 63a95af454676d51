import { describe, expect, it } from 'vitest';
import { fiscalYearLabel, fiscalYearOf, fiscalYearTitle } from './fiscalYear';

describe('fiscal years', () => {
  it('run from April to March and are named by their first year', () => {
    expect(fiscalYearOf(new Date(2025, 2, 31))).toBe(2024);
    expect(fiscalYearOf(new Date(2025, 3, 1))).toBe(2025);
    expect(fiscalYearOf(new Date(2024, 11, 31))).toBe(2024);
  });

  it('explain the Western span on hover', () => {
    expect(fiscalYearTitle(2024)).toBe('2024年4月〜2025年3月 (FY2024)');
  });
});

describe('fiscalYearLabel', () => {
  it('takes the era in effect on 1 October, 元年 for the first year', () => {
    expect(fiscalYearLabel(2024, 'ja')).toBe('令和6年度');
    expect(fiscalYearLabel(2019, 'ja')).toBe('令和元年度');
    expect(fiscalYearLabel(2018, 'ja')).toBe('平成30年度');
    expect(fiscalYearLabel(1989, 'ja')).toBe('平成元年度');
    expect(fiscalYearLabel(1988, 'ja')).toBe('昭和63年度');
    expect(fiscalYearLabel(1926, 'ja')).toBe('大正15年度');
    expect(fiscalYearLabel(1912, 'ja')).toBe('大正元年度');
    expect(fiscalYearLabel(1867, 'ja')).toBe('1867年度');
  });
  it('is FY2024 in English', () => {
    expect(fiscalYearLabel(2024, 'en')).toBe('FY2024');
  });
});
