import type { Schemas } from '../../api/client';

type Statistic = Schemas['AreaStatistic'];
type Scenario = Schemas['ProjectionScenario'];

/** One row of the population pyramid: a band with its men (drawn to the left, negative) and women. */
export interface PyramidRow {
  band: string;
  label: string;
  male: number;
  female: number;
}

/** The latest survey of a series (they come oldest first), or undefined when there is none. */
export function latest(series: Statistic[]): Statistic | undefined {
  return series.length ? series[series.length - 1] : undefined;
}

/**
 * The pyramid of a survey: bands from the oldest (top) to the youngest (bottom), as a pyramid is
 * read; empty when the survey has no bands. A sex without figures counts 0.
 */
export function pyramid(s: Statistic | undefined): PyramidRow[] {
  if (!s) return [];
  return [...s.bands].reverse().map((b) => ({ band: b.band, label: b.label, male: b.male ?? 0, female: b.female ?? 0 }));
}

/** Whether the pyramid's bands add up to the survey's totals (the API refuses files where they do not). */
export function bandsMatchTotals(s: Statistic): boolean {
  if (!s.bands.length) return true;
  const male = s.bands.reduce((n, b) => n + (b.male ?? 0), 0);
  const female = s.bands.reduce((n, b) => n + (b.female ?? 0), 0);
  return (s.male == null || male === s.male) && (s.female == null || female === s.female);
}

/** A year's value of the trend and outlook chart: the survey's population, then each scenario. */
export interface TrendRow {
  year: number;
  actual: number | null;
  scenarios: (number | null)[];
}

/**
 * The trend (surveys, by year of the survey date; the later survey of a year wins) and the
 * outlook (each scenario's yearly values) on one year axis, in year order.
 */
export function trend(series: Statistic[], scenarios: Scenario[]): TrendRow[] {
  const years = new Set<number>();
  const actual = new Map<number, number>();
  for (const s of series) {
    const year = Number(s.surveyDate.slice(0, 4));
    years.add(year);
    actual.set(year, s.population);
  }
  const values = scenarios.map((sc) => new Map(sc.values.map((v) => [v.year, v.value] as const)));
  values.forEach((m) => m.forEach((_, y) => years.add(y)));
  return [...years].sort((a, b) => a - b).map((year) => ({
    year,
    actual: actual.get(year) ?? null,
    scenarios: values.map((m) => m.get(year) ?? null),
  }));
}

/** The share aged 65 or over of each survey that has it, for the table beside the pyramid. */
export function agedShares(series: Statistic[]): { surveyDate: string; share: number }[] {
  return series.filter((s) => s.aged65Share != null).map((s) => ({ surveyDate: s.surveyDate, share: Number(s.aged65Share) }));
}
