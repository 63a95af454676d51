import { describe, expect, it } from 'vitest';
import { fiscalYearOf, fiscalYearTitle } from './fiscalYear';

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
