import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { api, ifMatch, unwrap } from '../../api/client';
import { Chart } from '../../components/Chart';
import { CsvImport } from '../../components/CsvImport';
import { ProblemMessage } from '../../components/Problem';
import { isStaffOf, useMe } from '../../lib/auth';
import { formatCount, formatDate, formatPercent } from '../../lib/format';
import { commonTexts } from '../../lib/texts';
import { AreaActivity } from './AreaActivity';
import { agedShares, latest, pyramid, trend } from './profileFigures';
import { profileTexts } from './profileTexts';

const SCENARIO_COLOURS = ['#b45f06', '#38761d', '#741b47', '#767676'];

/**
 * An area's profile (地域カルテ): the population pyramid of the latest survey, the population
 * over time with the city's projections, the share aged 65 or over; staff import the standard
 * CSV. Every chart has its figures in a table too; the page prints on A4.
 */
export default function AreaProfilePage() {
  const common = commonTexts();
  const text = profileTexts();
  const { code, id } = useParams() as { code: string; id: string };
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const stats = useQuery({
    queryKey: ['area-statistics', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/areas/{id}/statistics', { params: { path: { id } } })),
  });
  const city = useQuery({
    queryKey: ['municipality-statistics', code],
    queryFn: async () => unwrap(await api.GET('/api/v1/municipalities/{code}/statistics', { params: { path: { code } } })),
  });
  const projections = useQuery({
    queryKey: ['projections', code],
    queryFn: async () => unwrap(await api.GET('/api/v1/municipalities/{code}/statistics/projections', { params: { path: { code } } })),
  });
  const series = useMemo(() => stats.data?.series ?? [], [stats.data]);
  const scenarios = useMemo(() => projections.data?.scenarios ?? [], [projections.data]);
  const last = latest(series);
  const rows = useMemo(() => pyramid(last), [last]);
  const years = useMemo(() => trend(series, scenarios), [series, scenarios]);

  const pyramidChart = useMemo<ChartConfiguration | undefined>(() => rows.length ? {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        { label: text.male, data: rows.map((r) => -r.male), backgroundColor: '#0b5394' },
        { label: text.female, data: rows.map((r) => r.female), backgroundColor: '#b45f06' },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: { x: { stacked: true, ticks: { callback: (v) => Math.abs(Number(v)).toLocaleString() } }, y: { stacked: true } },
    },
  } : undefined, [rows, text]);

  const trendChart = useMemo<ChartConfiguration | undefined>(() => years.length ? {
    type: 'line',
    data: {
      labels: years.map((y) => String(y.year)),
      datasets: [
        { label: text.actual, data: years.map((y) => y.actual), borderColor: '#0b5394', backgroundColor: '#0b5394', spanGaps: true },
        ...scenarios.map((s, i) => ({
          label: `${s.name}（${text.wholeCity}）`, data: years.map((y) => y.scenarios[i] ?? null),
          borderColor: SCENARIO_COLOURS[i % SCENARIO_COLOURS.length], backgroundColor: SCENARIO_COLOURS[i % SCENARIO_COLOURS.length],
          borderDash: [6, 4], spanGaps: true,
        })),
      ],
    },
  } : undefined, [years, scenarios, text]);

  if (stats.error) return <ProblemMessage error={stats.error} />;
  if (!stats.data) return <p>{common.loading}</p>;
  const area = stats.data;
  const isStaff = isStaffOf(me, area.municipalityCode);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['area-statistics'] });
    await queryClient.invalidateQueries({ queryKey: ['municipality-statistics', code] });
  };
  const uploadCsv = async (file: File) =>
    unwrap(await api.PUT('/api/v1/municipalities/{code}/statistics/population.csv', {
      params: { path: { code }, header: ifMatch(city.data?.version ?? 0) },
      // The file goes as it is (UTF-8 or Shift_JIS: the API detects which), typed as CSV.
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'text/csv' },
    }));
  const shares = agedShares(series);

  return (
    <article className="area-profile">
      <p className="no-print"><Link to={`/m/${code}/areas`}>{text.back}</Link></p>
      <h1>{text.title(area.areaName)}</h1>
      {last ? (
        <p>
          {text.population} {formatCount(last.population)} ・ {text.households} {formatCount(last.households)} ・{' '}
          {text.aged65} {formatPercent(last.aged65Share)} <span className="muted">（{text.latestSurvey(formatDate(last.surveyDate))}）</span>
        </p>
      ) : <p>{text.noStatistics}</p>}
      <p className="no-print"><button type="button" onClick={() => window.print()}>{text.print}</button></p>

      <section className="print-block">
        <h2>{text.pyramid}</h2>
        {pyramidChart ? <Chart config={pyramidChart} label={text.pyramidLabel(area.areaName)} /> : <p>{text.noBands}</p>}
        {rows.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{text.band}</th><th scope="col" className="num">{text.male}</th><th scope="col" className="num">{text.female}</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.band}><th scope="row">{r.label}</th><td className="num">{formatCount(r.male)}</td><td className="num">{formatCount(r.female)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="print-block">
        <h2>{text.trend}</h2>
        {trendChart && <Chart config={trendChart} label={text.trendLabel(area.areaName)} />}
        {scenarios.length > 0 && <p className="muted">{text.scenarioNote}</p>}
        {years.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{text.year}</th>
                  <th scope="col" className="num">{text.actual}</th>
                  {scenarios.map((s) => <th key={s.name} scope="col" className="num">{s.name}</th>)}
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    <td className="num">{formatCount(y.actual)}</td>
                    {y.scenarios.map((v, i) => <td key={scenarios[i]?.name ?? i} className="num">{formatCount(v)}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {scenarios.map((s) => (
          <p key={s.name} className="muted">{s.name}: {s.source}{s.note ? `（${s.note}）` : ''}</p>
        ))}
      </section>

      {shares.length > 0 && (
        <section className="print-block">
          <h2>{text.aged65}</h2>
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{text.surveyDate}</th><th scope="col" className="num">{text.aged65}</th></tr></thead>
              <tbody>
                {shares.map((s) => (
                  <tr key={s.surveyDate}><th scope="row">{formatDate(s.surveyDate)}</th><td className="num">{formatPercent(s.share)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <AreaActivity code={code} areaId={id} />

      <section className="no-print">
        <h2>{text.csvHeading}</h2>
        <p><a href={`/api/v1/municipalities/${code}/statistics/population.csv`} download>{text.csvExport}</a></p>
        {isStaff && (
          <CsvImport
            labels={{ heading: text.csvImport, file: text.csvFile, button: text.csvImport, hint: text.csvHint }}
            upload={uploadCsv}
            refresh={refresh}
          />
        )}
      </section>
    </article>
  );
}
