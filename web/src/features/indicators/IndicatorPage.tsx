import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChartConfiguration } from 'chart.js';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, ifMatch, unwrap } from '../../api/client';
import { Chart } from '../../components/Chart';
import { CsvImport } from '../../components/CsvImport';
import { EmbedSnippet } from '../../components/EmbedSnippet';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { isStaffOf, useMe } from '../../lib/auth';
import { fiscalYearTitle } from '../../lib/fiscalYear';
import { statusBadge } from '../../lib/indicatorStatus';
import { commonTexts } from '../../lib/texts';
import { useAreas } from '../../lib/vocabulary';
import { formatAchievement } from './indicatorDisplay';
import { indicatorTexts } from './texts';
import { toValueWrite, valueFormFor, type ValueFormValues } from './valueForm';

/**
 * An indicator: actuals against the target line as a chart and a table, achievement of each
 * target and the on-track badge; staff enter the actual of a fiscal year.
 */
export default function IndicatorPage() {
  const common = commonTexts();
  const text = indicatorTexts();
  const id = useParams().id!;
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const query = useQuery({
    queryKey: ['indicator', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/indicators/{id}', { params: { path: { id } } })),
  });
  const i = query.data;
  const areas = useAreas(i?.computed?.areaIds.length ? i.municipalityCode : '');
  const [form, setForm] = useState<ValueFormValues>({ fiscalYear: '', actual: '', target: '', note: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  const chart = useMemo<ChartConfiguration | undefined>(() => {
    if (!i) return undefined;
    const labels = i.series.map((y) => y.fiscalYearLabel);
    return {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: text.actual, data: i.series.map((y) => y.actual ?? y.baseline ?? null), borderColor: '#0b5394', backgroundColor: '#0b5394', spanGaps: true },
          { label: text.target, data: i.series.map((y) => y.target ?? null), borderColor: '#b45f06', backgroundColor: '#b45f06', showLine: false, pointStyle: 'rectRot', pointRadius: 7 },
          { label: text.expectedLine, data: i.series.map((y) => y.expected ?? null), borderColor: '#767676', borderDash: [6, 4], pointRadius: 0, spanGaps: true },
        ],
      },
    };
  }, [i, text]);

  if (query.error) return <ProblemMessage error={query.error} />;
  if (!i) return <p>{common.loading}</p>;
  const isStaff = isStaffOf(me, i.municipalityCode);
  const badge = statusBadge(i.status);
  const years = i.series;
  const c = i.computed;
  const names = new Map((areas.data?.items ?? []).map((a) => [a.id, a.name]));
  const areaNames = c && c.areaIds.every((a) => names.has(a)) ? c.areaIds.map((a) => names.get(a)).join('・') : undefined;

  const set = (field: keyof ValueFormValues) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const chooseYear = (fiscalYear: string) => setForm(valueFormFor(fiscalYear, i.values));
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['indicator', id] });
    await queryClient.invalidateQueries({ queryKey: ['indicators'] });
  };
  const reload = async () => {
    setProblem(undefined);
    await refresh();
  };
  const uploadCsv = async (file: File) =>
    unwrap(await api.PUT('/api/v1/indicators/{id}/values.csv', {
      params: { path: { id }, header: ifMatch(i.version) },
      // The file goes as it is (UTF-8 or Shift_JIS: the API detects which), typed as CSV.
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'text/csv' },
    }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setSaved(false);
    const { body, errors: found } = toValueWrite(form, { chooseYear: text.chooseYear, enterNumber: text.enterNumber }, !!i.computed);
    setErrors(found);
    if (!body) return;
    try {
      unwrap(await api.PUT('/api/v1/indicators/{id}/values/{fiscalYear}', {
        params: { path: { id, fiscalYear: form.fiscalYear }, header: ifMatch(i.version) },
        body,
      }));
      setSaved(true);
      await refresh();
    } catch (err) {
      if (err instanceof ApiError && !err.stale) setErrors(err.fieldErrors());
      setProblem(err);
    }
  };

  return (
    <article>
      <h1>{i.name}</h1>
      <p>
        <span className={badge.className} data-testid="indicator-status">{badge.symbol} {i.statusLabel}</span>{' '}
        <span className="muted">{i.directionLabel} ・ {i.sourceLabel} ・ {i.unit}</span>
      </p>
      {isStaff && <p><Link className="button secondary" to={`/indicators/${i.id}/edit`}>{text.edit}</Link></p>}
      {c && (
        <section aria-labelledby="computed-heading" className="notice">
          <p id="computed-heading">
            <span className="badge" data-testid="computed-badge">{text.computedBadge}</span>{' '}
            {text.computedCounts(
              c.measureLabel,
              c.kindLabels.length ? c.kindLabels.join('・') : text.everyKind,
              !c.areaIds.length ? text.everyArea : areaNames ?? text.areaCount(c.areaIds.length),
            )}
          </p>
          <p data-testid="running-value">
            {text.runningValue(c.runningFiscalYearLabel)}: <strong>{c.runningValue}</strong> {i.unit}
          </p>
        </section>
      )}
      {i.definition && <p>{i.definition}</p>}
      {chart && <Chart config={chart} label={`${i.name}: ${text.actual} / ${text.target}`} />}
      <h2>{text.figures}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{common.fiscalYear}</th>
              <th scope="col" className="num">{text.baseline}</th>
              <th scope="col" className="num">{text.target}</th>
              <th scope="col" className="num">{text.actual}</th>
              <th scope="col" className="num">{text.achievement}</th>
            </tr>
          </thead>
          <tbody>
            {years.filter((y) => y.baseline != null || y.target != null || y.actual != null).map((y) => (
              <tr key={y.fiscalYear}>
                <th scope="row" title={fiscalYearTitle(y.fiscalYear)}>{y.fiscalYearLabel}</th>
                <td className="num">{y.baseline ?? ''}</td>
                <td className="num">{y.target ?? ''}</td>
                <td className="num">{y.actual ?? ''}</td>
                <td className="num">{y.target != null ? formatAchievement(i.targets.find((tg) => tg.fiscalYear === y.fiscalYear)?.achievement) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <EmbedSnippet path={`/api/v1/embed/indicators/${i.id}`} title={i.name} height={640} />
      {isStaff && (
        <section aria-labelledby="figures-form-heading">
          <h2 id="figures-form-heading">{text.enterFigures}</h2>
          <p className="muted">{text.figuresHint}</p>
          {c && <p className="muted" id="actual-computed">{text.computedHint}</p>}
          <ProblemMessage error={problem} onReload={() => void reload()} />
          {saved && <p className="notice" role="status">{common.saved}</p>}
          <form onSubmit={(e) => void submit(e)} noValidate>
            <label htmlFor="fy">{common.fiscalYear}</label>
            <select id="fy" className="status" value={form.fiscalYear} onChange={(e) => chooseYear(e.target.value)}
              aria-invalid={errors.fiscalYear ? true : undefined} aria-describedby={errors.fiscalYear ? 'fy-error' : undefined}>
              <option value="">—</option>
              {years.map((y) => <option key={y.fiscalYear} value={y.fiscalYear} title={fiscalYearTitle(y.fiscalYear)}>{y.fiscalYearLabel}</option>)}
            </select>
            <FieldError id="fy-error" message={errors.fiscalYear} />
            <label htmlFor="actual">{text.actual}（{i.unit}）</label>
            <input id="actual" inputMode="decimal" value={form.actual} onChange={set('actual')} readOnly={!!c}
              aria-invalid={errors.actual ? true : undefined}
              aria-describedby={errors.actual ? 'actual-error' : c ? 'actual-computed' : undefined} />
            <FieldError id="actual-error" message={errors.actual} />
            <label htmlFor="target">{text.target}（{i.unit}）</label>
            <input id="target" inputMode="decimal" value={form.target} onChange={set('target')}
              aria-invalid={errors.target ? true : undefined} aria-describedby={errors.target ? 'target-error' : undefined} />
            <FieldError id="target-error" message={errors.target} />
            <label htmlFor="note">{common.note}</label>
            <input id="note" value={form.note} onChange={set('note')}
              aria-invalid={errors.note ? true : undefined} aria-describedby={errors.note ? 'note-error' : undefined} />
            <FieldError id="note-error" message={errors.note} />
            <p><button type="submit">{common.save}</button></p>
          </form>
        </section>
      )}
      <section aria-labelledby="indicator-csv-heading">
        <h2 id="indicator-csv-heading">{text.csv}</h2>
        <p><a className="button secondary" href={`/api/v1/indicators/${id}/values.csv`} download>⬇ {text.csvExport}</a></p>
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
