import { useQuery } from '@tanstack/react-query';
import type { ChartConfiguration } from 'chart.js';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Chart } from '../../components/Chart';
import { ProblemMessage } from '../../components/Problem';
import { fiscalYearTitle } from '../../lib/fiscalYear';
import { formatCount } from '../../lib/format';
import { useMunicipality } from '../../lib/municipality';
import { commonTexts } from '../../lib/texts';
import { useAreas } from '../../lib/vocabulary';
import { eventKinds } from './eventSearch';
import { barWidth, funnelSteps } from './participation';
import { eventTexts } from './texts';
import type { EventKind, ParticipationFigures, ParticipationYear } from './types';

/**
 * The participation dashboard (/m/:code/participation): what events start, per fiscal year — a
 * chart and its table, the funnel from registering to stepping up, and the chosen year by area
 * (with rates per 1,000 residents) and by kind. Aggregates only: no person is ever shown.
 */
export default function ParticipationDashboard() {
  const common = commonTexts();
  const text = eventTexts();
  const code = useParams().code!;
  const municipality = useMunicipality(code);
  const areas = useAreas(code);
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? '';
  const kind = params.get('kind') ?? '';
  const result = useQuery({
    queryKey: ['participation', code, area, kind],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/participation', {
        params: { path: { code }, query: { area: area || undefined, kind: (kind || undefined) as EventKind | undefined } },
      })),
  });
  const years = useMemo(() => result.data?.years ?? [], [result.data]);
  const [chosen, setChosen] = useState<number>();
  const year = years.find((y) => y.fiscalYear === chosen) ?? years.at(-1);
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };

  const chart = useMemo<ChartConfiguration | undefined>(() => {
    if (years.length === 0) return undefined;
    return {
      type: 'bar',
      data: {
        labels: years.map((y) => y.fiscalYearLabel),
        datasets: [
          { label: text.registrationsCount, data: years.map((y) => y.total.registrations), backgroundColor: '#9fc5e8' },
          { label: text.attendeesCount, data: years.map((y) => y.total.attendees), backgroundColor: '#0b5394' },
          { label: text.firstTime, data: years.map((y) => y.total.firstTimeAttendees), backgroundColor: '#b45f06' },
          { label: text.steppedUp, data: years.map((y) => y.total.steppedUp), backgroundColor: '#38761d' },
        ],
      },
    };
  }, [years, text]);

  const figureHeaders = (
    <>
      <th scope="col" className="num">{text.eventsHeld}</th>
      <th scope="col" className="num">{text.registrationsCount}</th>
      <th scope="col" className="num">{text.attendeesCount}</th>
      <th scope="col" className="num">{text.firstTime}</th>
      <th scope="col" className="num">{text.repeat}</th>
      <th scope="col" className="num">{text.steppedUp}</th>
      <th scope="col" className="num">{text.headcount}</th>
    </>
  );
  const figureCells = (f: ParticipationFigures) => (
    <>
      <td className="num">{formatCount(f.eventsHeld)}</td>
      <td className="num">{formatCount(f.registrations)}</td>
      <td className="num">{formatCount(f.attendees)}</td>
      <td className="num">{formatCount(f.firstTimeAttendees)}</td>
      <td className="num">{formatCount(f.repeatAttendees)}</td>
      <td className="num">{formatCount(f.steppedUp)}</td>
      <td className="num">{formatCount(f.headcount)}</td>
    </>
  );

  return (
    <>
      <p><Link to={`/m/${code}/events`}>{municipality.data?.name} {text.events}</Link></p>
      <h1>{text.participationHeading}</h1>
      <p>{text.participationIntro}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="p-area">{text.area}</label>
          <select id="p-area" value={area} onChange={(e) => setFilter('area', e.target.value)}>
            <option value="">{common.all}</option>
            {areas.data?.items.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="p-kind">{text.kind}</label>
          <select id="p-kind" value={kind} onChange={(e) => setFilter('kind', e.target.value)}>
            <option value="">{common.all}</option>
            {eventKinds.map((k) => <option key={k} value={k}>{text.kinds[k]}</option>)}
          </select>
        </div>
      </form>
      <ProblemMessage error={result.error} />
      {result.isPending && <p>{common.loading}</p>}
      {result.data && years.length === 0 && <p className="muted">{text.noEvents}</p>}
      {result.data && years.length > 0 && year && (
        <>
          <h2>{text.byFiscalYear}</h2>
          {chart && <Chart config={chart} label={`${text.byFiscalYear}: ${text.registrationsCount} / ${text.attendeesCount} / ${text.steppedUp}`} />}
          <div className="table-wrap">
            <table data-testid="participation-years">
              <caption className="visually-hidden">{text.byFiscalYear}</caption>
              <thead><tr><th scope="col">{common.fiscalYear}</th>{figureHeaders}</tr></thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.fiscalYear}>
                    <th scope="row" title={fiscalYearTitle(y.fiscalYear)}>{y.fiscalYearLabel}</th>
                    {figureCells(y.total)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <div className="filters">
            <div>
              <label htmlFor="p-year">{text.fiscalYearField}</label>
              <select id="p-year" value={year.fiscalYear} onChange={(e) => setChosen(Number(e.target.value))}>
                {years.map((y) => <option key={y.fiscalYear} value={y.fiscalYear}>{y.fiscalYearLabel}</option>)}
              </select>
            </div>
          </div>
          <Funnel year={year} months={result.data.months} />
          <AreaTable year={year} headers={figureHeaders} cells={figureCells} />
          <h2>{text.byKind}（{year.fiscalYearLabel}）</h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{text.byKind}</caption>
              <thead><tr><th scope="col">{text.kind}</th>{figureHeaders}</tr></thead>
              <tbody>
                {year.kinds.map((k) => (
                  <tr key={k.kind}><th scope="row">{k.kindLabel}</th>{figureCells(k.figures)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

function Funnel({ year, months }: { year: ParticipationYear; months: number }) {
  const text = eventTexts();
  const steps = funnelSteps(year.total);
  const widest = Math.max(...steps.map((s) => s.value));
  const label = { registrations: text.registrationsCount, attendees: text.attendeesCount, firstTimeAttendees: text.firstTime, steppedUp: text.steppedUp };
  return (
    <section aria-labelledby="funnel-heading">
      <h2 id="funnel-heading">{text.funnel}（{year.fiscalYearLabel}）</h2>
      <ol className="funnel" data-testid="funnel">
        {steps.map((s) => (
          <li key={s.key}>
            <span className="funnel-label">{label[s.key]}</span>
            <span className="funnel-bar" aria-hidden="true"><span style={{ width: `${barWidth(s.value, widest)}%` }} /></span>
            <span className="funnel-value" data-testid={`funnel-${s.key}`}>{text.people(s.value)}</span>
            {s.share !== undefined && <span className="muted">（{s.share}%）</span>}
          </li>
        ))}
      </ol>
      <p className="muted">{text.steppedUp}: {text.steppedUpWithin(months)}</p>
    </section>
  );
}

function AreaTable({ year, headers, cells }: {
  year: ParticipationYear;
  headers: React.ReactNode;
  cells: (f: ParticipationFigures) => React.ReactNode;
}) {
  const text = eventTexts();
  return (
    <>
      <h2>{text.byArea}（{year.fiscalYearLabel}）</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{text.byArea}</caption>
          <thead><tr><th scope="col">{text.area}</th>{headers}<th scope="col" className="num">{text.per1000}（{text.attendeesCount}）</th></tr></thead>
          <tbody>
            {year.areas.map((a) => (
              <tr key={a.areaId ?? 'city-wide'}>
                <th scope="row">{a.cityWide ? text.cityWide : a.areaName}</th>
                {cells(a.figures)}
                <td className="num">{a.per1000 ? String(a.per1000.attendees) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
