import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { agedShares, bandsMatchTotals, latest, pyramid, trend } from './profileFigures';

const BANDS = Array.from({ length: 18 }, (_, i) => (i === 17 ? '85+' : `${i * 5}-${i * 5 + 4}`));

function survey(date: string, male: number, female: number, share: number | null = null): Schemas['AreaStatistic'] {
  return {
    areaId: 'a', areaCode: null, areaName: '本山地区', surveyDate: date, population: 18 * (male + female),
    male: 18 * male, female: 18 * female, households: null, aged65Share: share, note: null,
    bands: BANDS.map((band, i) => ({ band, label: i === 17 ? '85歳以上' : `${band}歳`, male, female })),
  };
}

describe('the area profile figures', () => {
  it('draws the pyramid oldest band on top, and its bands sum to the totals', () => {
    const s = survey('2024-03-31', 10, 12);
    const rows = pyramid(s);
    expect(rows).toHaveLength(18);
    expect(rows[0]).toMatchObject({ label: '85歳以上' });
    expect(rows[17]).toMatchObject({ band: '0-4' });
    expect(rows.reduce((n, r) => n + r.male, 0)).toBe(s.male);
    expect(rows.reduce((n, r) => n + r.female, 0)).toBe(s.female);
    expect(bandsMatchTotals(s)).toBe(true);
    expect(bandsMatchTotals({ ...s, male: 1 })).toBe(false);
    expect(pyramid(undefined)).toEqual([]);
  });

  it('puts surveys and scenarios on one year axis', () => {
    const series = [survey('2015-10-01', 10, 10), survey('2020-10-01', 9, 9, 33.5)];
    const rows = trend(series, [
      { name: '社人研推計', source: null, note: null, values: [{ year: 2020, value: 320 }, { year: 2030, value: 300 }] },
      { name: '本市の展望', source: null, note: null, values: [{ year: 2030, value: 310 }] },
    ]);
    expect(rows.map((r) => r.year)).toEqual([2015, 2020, 2030]);
    expect(rows[0]).toEqual({ year: 2015, actual: 360, scenarios: [null, null] });
    expect(rows[1]).toMatchObject({ scenarios: [320, null] });
    expect(rows[2]).toEqual({ year: 2030, actual: null, scenarios: [300, 310] });
    expect(latest(series)?.surveyDate).toBe('2020-10-01');
    expect(agedShares(series)).toEqual([{ surveyDate: '2020-10-01', share: 33.5 }]);
  });
});
