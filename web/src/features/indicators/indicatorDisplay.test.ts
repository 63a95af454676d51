import { describe, expect, it } from 'vitest';
import { formatAchievement, parseFigure } from './indicatorDisplay';

describe('indicator display', () => {
  it('shows achievement with one decimal, and a dash when there is none', () => {
    expect(formatAchievement(66.66)).toBe('66.7%');
    expect(formatAchievement(-12.5)).toBe('-12.5%');
    expect(formatAchievement(null)).toBe('—');
  });

  it('reads figures as people type them', () => {
    expect(parseFigure('１，２３４．５')).toBe(1234.5);
    expect(parseFigure('▲3')).toBe(-3);
    expect(parseFigure('  ')).toBeNull();
    expect(parseFigure('abc')).toBe('invalid');
  });
});
