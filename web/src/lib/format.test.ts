import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatDayWithWeekday, formatMonth, formatPercent, formatTime, japanDay } from './format';

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

describe('days, months and times in Japan', () => {
  it('finds the day in Japan of a moment, whatever the zone it is written in', () => {
    expect(japanDay('2024-03-31T15:30:00Z')).toBe('2024-04-01');
    expect(japanDay('2024-03-31T14:59:59Z')).toBe('2024-03-31');
    expect(japanDay('2024-04-01T23:30:00+09:00')).toBe('2024-04-01');
    expect(japanDay(new Date('2025-01-01T00:00:00+09:00'))).toBe('2025-01-01');
  });

  it('writes a day with its weekday in the Japanese calendar, and plainly in English', () => {
    expect(formatDayWithWeekday('2025-06-14', 'ja')).toBe('令和7年6月14日(土)');
    expect(formatDayWithWeekday('2019-05-01', 'ja')).toBe('令和元年5月1日(水)');
    expect(formatDayWithWeekday('2025-06-14', 'en')).toBe('Sat, 14 June 2025');
  });

  it('names a month in its era, and the time on the 24-hour clock in Japan', () => {
    expect(formatMonth(2025, 6, 'ja')).toBe('令和7年6月');
    expect(formatMonth(2019, 4, 'ja')).toBe('平成31年4月');
    expect(formatMonth(2025, 6, 'en')).toBe('June 2025');
    expect(formatTime('2025-06-14T04:30:00Z')).toBe('13:30');
    expect(formatTime('2025-06-14T00:05:00+09:00')).toBe('00:05');
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
