import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { commonTexts } from '../../lib/texts';
import { useEvent } from './eventQueries';
import { type ReportFormValues, reportFormFor, toReportWrite, validateReport } from './reportForm';
import { eventTexts } from './texts';
import type { EventView } from './types';

/** Closing an event with its report (/events/:id/close): attendance pre-filled from the check-ins. */
export default function EventClose() {
  const common = commonTexts();
  const id = useParams().id!;
  const event = useEvent(id);
  if (event.error) return <ProblemMessage error={event.error} />;
  if (!event.data) return <p>{common.loading}</p>;
  return <ReportForm key={event.data.id} event={event.data} />;
}

function ReportForm({ event: e }: { event: EventView }) {
  const common = commonTexts();
  const text = eventTexts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const code = e.municipalityCode;
  const [values, setValues] = useState<ReportFormValues>(() => reportFormFor(e));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const organizations = useQuery({
    queryKey: ['organizations', code, 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/organizations', { params: { path: { code }, query: { size: 100 } } })),
  });
  const projects = useQuery({
    queryKey: ['projects', code, 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/projects', { params: { path: { code }, query: { size: 100 } } })),
  });
  const toggle = (field: 'organizationIds' | 'followUpProjectIds', key: string) =>
    setValues((v) => ({ ...v, [field]: v[field].includes(key) ? v[field].filter((k) => k !== key) : [...v[field], key] }));
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setProblem(undefined);
    const found = validateReport(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const saved = unwrap(await api.POST('/api/v1/events/{id}/closure', {
        params: { path: { id: e.id } },
        body: { report: toReportWrite(values) },
      }));
      queryClient.setQueryData(['event', e.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['events'] });
      await queryClient.invalidateQueries({ queryKey: ['participation'] });
      await navigate(`/events/${e.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) {
        const byField = err.fieldErrors();
        // The API names the report's fields under report.
        setErrors(Object.fromEntries(Object.entries(byField).map(([k, v]) => [k.replace(/^report\./, ''), v])));
      }
      setProblem(err);
    } finally {
      setSaving(false);
    }
  };
  const number = (field: 'attendeeCount' | 'walkIns', label: string) => (
    <div>
      <label htmlFor={field}>{label}</label>
      <input id={field} inputMode="numeric" value={values[field]} aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `${field}-error` : undefined}
        onChange={(ev) => setValues({ ...values, [field]: ev.target.value })} />
      <FieldError id={`${field}-error`} message={errors[field]} />
    </div>
  );
  const area = (field: 'summary' | 'publicSummary', label: string) => (
    <div>
      <label htmlFor={field}>{label}</label>
      <textarea id={field} value={values[field]} aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `${field}-error` : undefined}
        onChange={(ev) => setValues({ ...values, [field]: ev.target.value })} />
      <FieldError id={`${field}-error`} message={errors[field]} />
    </div>
  );
  return (
    <>
      <p><Link to={`/events/${e.id}`}>{e.title}</Link></p>
      <h1>{text.closeHeading}</h1>
      <p>{text.attendedOf(e.counts.attended, e.counts.registered)}</p>
      <ProblemMessage error={problem} />
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        {number('attendeeCount', text.attendeeCountField)}
        {number('walkIns', text.walkInsField)}
        {area('publicSummary', text.publicSummaryField)}
        {area('summary', text.summaryField)}
        <fieldset>
          <legend>{text.organizationsField}</legend>
          <div className="checkboxes">
            {organizations.data?.items.map((o) => (
              <label key={o.id}>
                <input type="checkbox" checked={values.organizationIds.includes(o.id)} onChange={() => toggle('organizationIds', o.id)} />
                {o.name}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{text.followUpProjectsField}</legend>
          <div className="checkboxes">
            {projects.data?.items.map((p) => (
              <label key={p.id}>
                <input type="checkbox" checked={values.followUpProjectIds.includes(p.id)} onChange={() => toggle('followUpProjectIds', p.id)} />
                {p.title}
              </label>
            ))}
          </div>
        </fieldset>
        <p>
          <button type="submit" disabled={saving}>{text.closeButton}</button>{' '}
          <button type="button" className="secondary" onClick={() => void navigate(-1)}>{common.cancel}</button>
        </p>
      </form>
    </>
  );
}
