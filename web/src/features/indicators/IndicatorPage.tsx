import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChartConfiguration } from 'chart.js';
import { type FormEvent, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { Chart } from '../../components/Chart';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { fiscalYearTitle } from '../../lib/fiscalYear';
import { t } from '../../lib/i18n';
import { CsvImport } from '../plans/CsvImport';
import { useMe } from '../session/useMe';
import { formatAchievement, type IndicatorStatus, statusBadge } from './indicatorDisplay';
import { itx } from './texts';
import { toValueWrite, valueFormFor, type ValueFormValues } from './valueForm';

/**
 * An indicator: actuals against the target line as a chart and a table, achievement of each
 * target and the on-track badge; staff enter the actual of a fiscal year.
 */
export default function IndicatorPage() {
  const id = useParams().id!;
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const query = useQuery({
    queryKey: ['indicator', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/indicators/{id}', { params: { path: { id } } })),
  });
  const i = query.data;
  const [form, setForm] = useState<ValueFormValues>({ fiscalYear: '', actual: '', target: '', note: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  const chart = useMemo<ChartConfiguration | undefined>(() => {
    if (!i?.series) return undefined;
    const labels = i.series.map((y) => y.fiscalYearLabel ?? '');
    return {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: t('actual'), data: i.series.map((y) => y.actual ?? y.baseline ?? null), borderColor: '#0b5394', backgroundColor: '#0b5394', spanGaps: true },
          { label: t('target'), data: i.series.map((y) => y.target ?? null), borderColor: '#b45f06', backgroundColor: '#b45f06', showLine: false, pointStyle: 'rectRot', pointRadius: 7 },
          { label: t('expectedLine'), data: i.series.map((y) => y.expected ?? null), borderColor: '#767676', borderDash: [6, 4], pointRadius: 0, spanGaps: true },
        ],
      },
    };
  }, [i]);

  if (query.error) return <ProblemMessage error={query.error} />;
  if (!i) return <p>{t('loading')}</p>;
  const isStaff = me?.admin || me?.staff?.some((s) => s.municipalityCode === i.municipalityCode);
  const badge = statusBadge(i.status as IndicatorStatus);
  const years = i.series ?? [];

  const set = (field: keyof ValueFormValues) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const chooseYear = (fiscalYear: string) => setForm(valueFormFor(fiscalYear, i.values));
  const invalidate = async () => {
    await queryClient.invalidateQueries({ queryKey: ['indicator', id] });
    await queryClient.invalidateQueries({ queryKey: ['indicators'] });
  };
  const uploadCsv = async (file: File) =>
    unwrap(await api.PUT('/api/v1/indicators/{id}/values.csv', {
      params: { path: { id }, header: { 'If-Match': `"${i.version}"` } },
      // The file goes as it is (UTF-8 or Shift_JIS: the API detects which), typed as CSV.
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'text/csv' },
    }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setSaved(false);
    const { body, errors: found } = toValueWrite(form, { chooseYear: itx.chooseYear(), enterNumber: itx.enterNumber() });
    setErrors(found);
    if (!body) return;
    try {
      unwrap(await api.PUT('/api/v1/indicators/{id}/values/{fiscalYear}', {
        params: { path: { id, fiscalYear: form.fiscalYear }, header: { 'If-Match': `"${i.version}"` } },
        body,
      }));
      setSaved(true);
      await invalidate();
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        setProblem(new Error(t('staleEdit')));
        await queryClient.invalidateQueries({ queryKey: ['indicator', id] });
        return;
      }
      if (err instanceof ApiError) setErrors(err.fieldErrors());
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
      {i.definition && <p>{i.definition}</p>}
      {chart && <Chart config={chart} label={`${i.name}: ${t('actual')} / ${t('target')}`} />}
      <h2>{t('figures')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('fiscalYear')}</th>
              <th scope="col" className="num">{t('baseline')}</th>
              <th scope="col" className="num">{t('target')}</th>
              <th scope="col" className="num">{t('actual')}</th>
              <th scope="col" className="num">{t('achievement')}</th>
            </tr>
          </thead>
          <tbody>
            {years.filter((y) => y.baseline != null || y.target != null || y.actual != null).map((y) => (
              <tr key={y.fiscalYear}>
                <th scope="row" title={fiscalYearTitle(y.fiscalYear!)}>{y.fiscalYearLabel}</th>
                <td className="num">{y.baseline ?? ''}</td>
                <td className="num">{y.target ?? ''}</td>
                <td className="num">{y.actual ?? ''}</td>
                <td className="num">{y.target != null ? formatAchievement(i.targets?.find((tg) => tg.fiscalYear === y.fiscalYear)?.achievement) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isStaff && (
        <section aria-labelledby="figures-form-heading">
          <h2 id="figures-form-heading">{itx.enterFigures()}</h2>
          <p className="muted">{itx.figuresHint()}</p>
          <ProblemMessage error={problem} />
          {saved && <p className="notice" role="status">{t('saved')}</p>}
          <form onSubmit={submit} noValidate>
            <label htmlFor="fy">{t('fiscalYear')}</label>
            <select id="fy" className="status" value={form.fiscalYear} onChange={(e) => chooseYear(e.target.value)}
              aria-invalid={errors.fiscalYear ? true : undefined} aria-describedby={errors.fiscalYear ? 'fy-error' : undefined}>
              <option value="">—</option>
              {years.map((y) => <option key={y.fiscalYear} value={y.fiscalYear} title={fiscalYearTitle(y.fiscalYear!)}>{y.fiscalYearLabel}</option>)}
            </select>
            <FieldError id="fy-error" message={errors.fiscalYear} />
            <label htmlFor="actual">{t('actual')}（{i.unit}）</label>
            <input id="actual" inputMode="decimal" value={form.actual} onChange={set('actual')}
              aria-invalid={errors.actual ? true : undefined} aria-describedby={errors.actual ? 'actual-error' : undefined} />
            <FieldError id="actual-error" message={errors.actual} />
            <label htmlFor="target">{t('target')}（{i.unit}）</label>
            <input id="target" inputMode="decimal" value={form.target} onChange={set('target')}
              aria-invalid={errors.target ? true : undefined} aria-describedby={errors.target ? 'target-error' : undefined} />
            <FieldError id="target-error" message={errors.target} />
            <label htmlFor="note">{t('note')}</label>
            <input id="note" value={form.note} onChange={set('note')}
              aria-invalid={errors.note ? true : undefined} aria-describedby={errors.note ? 'note-error' : undefined} />
            <FieldError id="note-error" message={errors.note} />
            <p><button type="submit">{t('save')}</button></p>
          </form>
        </section>
      )}
      <section aria-labelledby="indicator-csv-heading">
        <h2 id="indicator-csv-heading">{itx.csv()}</h2>
        <p><a className="button secondary" href={`/api/v1/indicators/${id}/values.csv`} download>⬇ {itx.csvExport()}</a></p>
        {isStaff && (
          <CsvImport
            labels={{ heading: itx.csvImport(), file: itx.csvFile(), button: itx.csvImport(), hint: itx.csvHint() }}
            upload={uploadCsv}
            onImported={invalidate}
          />
        )}
      </section>
    </article>
  );
}
