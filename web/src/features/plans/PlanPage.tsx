import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChartConfiguration } from 'chart.js';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { api, ifMatch, type Schemas, unwrap } from '../../api/client';
import { Chart } from '../../components/Chart';
import { EmbedSnippet } from '../../components/EmbedSnippet';
import { ProblemMessage } from '../../components/Problem';
import { fiscalYearTitle } from '../../lib/fiscalYear';
import { formatPercent } from '../../lib/format';
import { commonTexts } from '../../lib/texts';
import { EventsSection } from '../events';
import { AddItemForm } from './AddItemForm';
import { PlanCsv } from './PlanCsv';
import { PlanReviews } from './PlanReviews';
import { PlanVersions } from './PlanVersions';
import { planTexts } from './texts';

type ItemStatus = Schemas['ItemStatus'];
const STATUS_COLOURS: Record<ItemStatus, string> = {
  NOT_STARTED: '#9e9e9e',
  UNDER_STUDY: '#f6b26b',
  PARTLY_DONE: '#6fa8dc',
  ONGOING: '#0b5394',
  DONE: '#38761d',
};

/**
 * A plan: its vision, the progress table (per policy row, counts and shares per status, like a
 * municipal report), the trend over the plan's years, and the item tree whose statuses editors
 * set for a fiscal year in one save.
 */
export default function PlanPage() {
  const common = commonTexts();
  const text = planTexts();
  const id = useParams().id!;
  const queryClient = useQueryClient();
  const plan = useQuery({
    queryKey: ['plan', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/plans/{id}', { params: { path: { id } } })),
  });
  const years = plan.data?.fiscalYears ?? [];
  const [chosenYear, setYear] = useState<number | undefined>();
  const year = chosenYear ?? years.at(-1)?.fiscalYear;
  // A published version being looked at (read-only); undefined for what the caller reads now.
  const [viewing, setViewing] = useState<number | undefined>();
  const progress = useQuery({
    queryKey: ['plan', id, 'progress', year, viewing],
    enabled: year !== undefined,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/plans/{id}/progress', { params: { path: { id }, query: { fiscalYear: year === undefined ? undefined : String(year), version: viewing } } })),
  });
  const items = useQuery({
    queryKey: ['plan', id, 'items', viewing],
    queryFn: async () => unwrap(await api.GET('/api/v1/plans/{id}/items', { params: { path: { id }, query: { version: viewing } } })),
  });
  const [edits, setEdits] = useState<Record<string, ItemStatus>>({});
  const [saveError, setSaveError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const legend = progress.data?.statuses ?? [];
  const trend = useMemo<ChartConfiguration | undefined>(() => {
    if (!progress.data) return undefined;
    const { series, statuses } = progress.data;
    return {
      type: 'bar',
      data: {
        labels: series.map((y) => y.fiscalYearLabel),
        datasets: statuses.map((l) => ({
          label: l.label,
          data: series.map((y) => (y.overall.percents as Record<string, number>)[l.status] ?? 0),
          backgroundColor: STATUS_COLOURS[l.status],
        })),
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, max: 100, ticks: { callback: (v) => `${v}%` } } } },
    };
  }, [progress.data]);

  if (plan.error) return <ProblemMessage error={plan.error} />;
  const p = plan.data;
  if (!p) return <p>{common.loading}</p>;
  const editable = p.canEdit === true && viewing === undefined && p.status !== 'ARCHIVED';
  const statusLabel = (status: string | null | undefined) =>
    status ? legend.find((l) => l.status === status)?.label ?? status : text.none;
  const view = (version: number | undefined) => {
    setViewing(version);
    setEdits({});
    setSaved(false);
  };

  const statusOf = (item: Schemas['PlanItem']) =>
    edits[item.id] ?? (item.statuses?.find((s) => s.fiscalYear === year)?.status as ItemStatus | null | undefined) ?? null;

  // Someone else saved first: read the plan again (its new version); the edits stay to save again.
  const reload = async () => {
    setSaveError(undefined);
    await queryClient.invalidateQueries({ queryKey: ['plan', id] });
  };

  const saveStatuses = async () => {
    setSaveError(undefined);
    setSaved(false);
    setSaving(true);
    try {
      unwrap(await api.PUT('/api/v1/plans/{id}/statuses', {
        params: { path: { id }, header: ifMatch(p.version) },
        body: { statuses: Object.entries(edits).map(([itemId, status]) => ({ itemId, fiscalYear: year!, status })) },
      }));
      setEdits({});
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['plan', id] });
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <article>
      <h1>{p.title}</h1>
      <p className="muted">
        {p.ownerName}{p.areaName ? ` ・ ${p.areaName}` : ''} ・ {p.statusLabel} ・{' '}
        <span title={fiscalYearTitle(p.startFiscalYear)}>{p.startFiscalYearLabel}</span>〜
        <span title={fiscalYearTitle(p.endFiscalYear)}>{p.endFiscalYearLabel}</span>
      </p>
      {p.vision && (<><h2>{text.vision}</h2><p>{p.vision}</p></>)}

      <PlanVersions plan={p} viewing={viewing} onView={view} statusLabel={statusLabel} />

      <h2>{text.progressTable}{viewing !== undefined ? `（${text.versionNumber(viewing)}）` : ''}</h2>

      <label htmlFor="fiscal-year">{common.fiscalYear}</label>
      <select id="fiscal-year" className="status" value={year ?? ''} onChange={(e) => { setYear(Number(e.target.value)); setEdits({}); }}>
        {years.map((y) => (
          <option key={y.fiscalYear} value={y.fiscalYear} title={fiscalYearTitle(y.fiscalYear)}>{y.fiscalYearLabel}</option>
        ))}
      </select>
      <ProblemMessage error={progress.error} />
      {progress.data && (
        <div className="table-wrap">
          <table aria-describedby="progress-caption">
            <caption id="progress-caption" className="muted" style={{ textAlign: 'left' }}>
              {progress.data.fiscalYearLabel} — {text.countAndShare}
            </caption>
            <thead>
              <tr>
                <th scope="col">{text.item}</th>
                <th scope="col" className="num">{text.total}</th>
                {legend.map((l) => <th scope="col" className="num" key={l.status}>{l.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {progress.data.nodes?.filter((n) => !n.leaf).map((n) => (
                <tr key={n.itemId}>
                  <th scope="row" style={{ paddingLeft: `${0.5 + (n.depth ?? 0)}rem`, fontWeight: n.depth ? 400 : 600 }}>
                    {n.code} {n.title}
                  </th>
                  <td className="num">{n.total}</td>
                  {legend.map((l) => (
                    <td className="num" key={l.status}>
                      {(n.counts as Record<string, number>)[l.status]}（{formatPercent((n.percents as Record<string, number>)[l.status])}）
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{text.overall}</th>
                <td className="num">{progress.data.overall?.total}</td>
                {legend.map((l) => (
                  <td className="num" key={l.status} data-status={l.status}>
                    {(progress.data.overall?.counts as Record<string, number>)[l.status]}（{formatPercent((progress.data.overall?.percents as Record<string, number>)[l.status])}）
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {p.latestVersion != null && <EmbedSnippet path={`/api/v1/embed/plans/${p.id}/progress`} title={p.title} />}

      <h2>{text.trend}</h2>
      {trend && <Chart config={trend} label={text.trend} />}

      <h2>{text.items}</h2>
      <ProblemMessage error={items.error ?? saveError} onReload={() => void reload()} />
      {saved && <p className="notice" role="status">{common.saved}</p>}
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">{text.item}</th><th scope="col">{common.status}（{progress.data?.fiscalYearLabel ?? ''}）</th></tr></thead>
          <tbody>
            {items.data?.items?.map((item) => (
              <tr key={item.id}>
                <th scope="row" style={{ paddingLeft: `${0.5 + (item.depth ?? 0)}rem`, fontWeight: item.leaf ? 400 : 600 }}>
                  {item.code} {item.title}
                </th>
                <td>
                  {item.leaf && (editable ? (
                    <select
                      className="status"
                      aria-label={`${item.code} ${common.status}`}
                      value={statusOf(item) ?? 'NOT_STARTED'}
                      onChange={(e) => setEdits({ ...edits, [item.id]: e.target.value as ItemStatus })}
                    >
                      {legend.map((l) => <option key={l.status} value={l.status}>{l.label}</option>)}
                    </select>
                  ) : (
                    legend.find((l) => l.status === (statusOf(item) ?? 'NOT_STARTED'))?.label
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable && (
        <p>
          <button type="button" onClick={() => void saveStatuses()} disabled={saving || Object.keys(edits).length === 0}>
            {text.saveStatuses}（{Object.keys(edits).length}）
          </button>
        </p>
      )}
      {editable && <AddItemForm planId={id} items={items.data?.items ?? []} />}

      <EventsSection municipalityCode={p.municipalityCode} planItemIds={items.data?.items.map((item) => item.id) ?? []} />
      <PlanReviews plan={p} />
      <PlanCsv plan={p} viewing={viewing} />
    </article>
  );
}
