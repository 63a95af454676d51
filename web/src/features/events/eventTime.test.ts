import { describe, expect, it } from 'vitest';
import { formatEventWhen, hasEnded, isoToJapanLocal, japanDayEnd, japanLocalToIso } from './eventTime';

describe('when an event is', () => {
  it('writes a same-day event in Japan time with its weekday in the Japanese calendar', () => {
    const event = { startsAt: '2025-06-14T04:30:00Z', endsAt: '2025-06-14T06:30:00Z' };
    expect(formatEventWhen(event, 'ja')).toBe('令和7年6月14日(土) 13:30〜15:30');
    expect(formatEventWhen(event, 'en')).toBe('Sat, 14 June 2025, 13:30–15:30');
  });

  it('writes an event without an end, over two days, and all day', () => {
    expect(formatEventWhen({ startsAt: '2025-06-14T18:00:00+09:00' }, 'ja')).toBe('令和7年6月14日(土) 18:00〜');
    expect(formatEventWhen({ startsAt: '2025-06-14T18:00:00+09:00', endsAt: '2025-06-15T12:00:00+09:00' }, 'ja'))
      .toBe('令和7年6月14日(土) 18:00 〜 令和7年6月15日(日) 12:00');
    expect(formatEventWhen({ startsAt: '2025-06-14T00:00:00+09:00', endsAt: '2025-06-15T00:00:00+09:00', allDay: true }, 'ja'))
      .toBe('令和7年6月14日(土) 終日');
    expect(formatEventWhen({ startsAt: '2025-06-14T00:00:00+09:00', endsAt: '2025-06-16T00:00:00+09:00', allDay: true }, 'en'))
      .toBe('Sat, 14 June 2025 – Sun, 15 June 2025');
  });

  it('names the era the day is in: 30 April 2019 is 平成, 1 May 2019 令和元年', () => {
    expect(formatEventWhen({ startsAt: '2019-04-30T10:00:00+09:00' }, 'ja')).toBe('平成31年4月30日(火) 10:00〜');
    expect(formatEventWhen({ startsAt: '2019-05-01T10:00:00+09:00' }, 'ja')).toBe('令和元年5月1日(水) 10:00〜');
  });

  it('knows when an event is over', () => {
    const now = new Date('2025-06-14T07:00:00Z');
    expect(hasEnded({ startsAt: '2025-06-14T04:30:00Z', endsAt: '2025-06-14T06:30:00Z' }, now)).toBe(true);
    expect(hasEnded({ startsAt: '2025-06-14T04:30:00Z', endsAt: '2025-06-14T08:30:00Z' }, now)).toBe(false);
  });

  it('reads the times of the form as Japan time, wherever the browser is', () => {
    expect(japanLocalToIso('2025-06-14T13:30')).toBe('2025-06-14T13:30:00+09:00');
    expect(japanLocalToIso('')).toBeUndefined();
    expect(isoToJapanLocal('2025-06-14T04:30:00Z')).toBe('2025-06-14T13:30');
    expect(isoToJapanLocal(null)).toBe('');
    expect(japanDayEnd('2025-06-30')).toBe('2025-07-01T00:00:00+09:00');
  });
});
