import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { isStaffOf, signInUrl, useMe } from '../../lib/auth';
import { commonTexts } from '../../lib/texts';
import {
  collaborationForms,
  domains,
  emptyProjectForm,
  type ProjectFormValues,
  toProjectCreate,
  validateProject,
} from './projectLogic';
import { projectTexts } from './texts';

/** Start a co-creation project (/m/:code/projects/new), from scratch or from an accepted match (?fromMatchId=). */
export default function ProjectNew() {
  const common = commonTexts();
  const text = projectTexts();
  const code = useParams().code!;
  const [params] = useSearchParams();
  const fromMatchId = params.get('fromMatchId') ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me, isPending: mePending } = useMe();
  const isStaff = isStaffOf(me, code);
  const match = useQuery({
    queryKey: ['match', fromMatchId],
    enabled: !!fromMatchId,
    queryFn: async () => unwrap(await api.GET('/api/v1/matches/{id}', { params: { path: { id: fromMatchId } } })),
  });
  const municipalityOrganizations = useQuery({
    queryKey: ['organizations', code, 'ACTIVE', 'all'],
    enabled: isStaff && !fromMatchId,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/organizations', {
        params: { path: { code }, query: { status: 'ACTIVE', size: 100 } },
      })),
  });
  const leadOptions = isStaff
    ? (municipalityOrganizations.data?.items ?? []).map((o) => ({ id: o.id, name: o.name }))
    : (me?.organizations ?? [])
        .filter((o) => o.municipalityCode === code && o.organizationStatus === 'ACTIVE')
        .map((o) => ({ id: o.organizationId, name: o.organizationName }));
  const [values, setValues] = useState<ProjectFormValues>(() => ({
    ...emptyProjectForm,
    fromMatchId,
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  if (!mePending && !me) {
    return (
      <>
        <h1>{text.newProject}</h1>
        <p><a href={signInUrl()}>{text.signInToCreate}</a></p>
      </>
    );
  }
  const organizationId = values.organizationId || (leadOptions.length === 1 ? (leadOptions[0]?.id ?? '') : '');
  const set = <K extends keyof ProjectFormValues>(field: K, value: ProjectFormValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const toggleForm = (f: string) =>
    setValues((v) => ({ ...v, forms: v.forms.includes(f) ? v.forms.filter((x) => x !== f) : [...v.forms, f] }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const current = { ...values, organizationId };
    const found = validateProject(current);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const saved = unwrap(await api.POST('/api/v1/municipalities/{code}/projects', {
        params: { path: { code } },
        body: toProjectCreate(current),
      }));
      queryClient.setQueryData(['project', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
      await navigate(`/projects/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) setErrors(err.fieldErrors());
      setProblem(err);
    } finally {
      setSaving(false);
    }
  };

  const describedBy = (field: string) => (errors[field] ? `${field}-error` : undefined);
  const textField = (field: 'title' | 'summary' | 'vision' | 'issue', label: string, multiline: boolean, required = false) => (
    <div>
      <label htmlFor={field}>{label}{required && <span className="muted"> （{common.required}）</span>}</label>
      {multiline ? (
        <textarea id={field} value={values[field]} aria-invalid={errors[field] ? true : undefined}
          aria-describedby={describedBy(field)} onChange={(e) => set(field, e.target.value)} />
      ) : (
        <input id={field} type="text" value={values[field]} required={required} aria-invalid={errors[field] ? true : undefined}
          aria-describedby={describedBy(field)} onChange={(e) => set(field, e.target.value)} />
      )}
      <FieldError id={`${field}-error`} message={errors[field]} />
    </div>
  );

  return (
    <>
      <h1>{fromMatchId ? text.fromMatch : text.newProject}</h1>
      {fromMatchId && (
        <div className="notice">
          <p style={{ margin: 0 }}>{text.fromMatchNotice}</p>
          {match.data && (
            <p style={{ margin: '.5rem 0 0' }}>
              <Link to={`/matches/${fromMatchId}`}>{match.data.need?.title} × {match.data.have?.title}</Link>
              {' '}<span className="badge">{match.data.statusLabel}</span>
            </p>
          )}
        </div>
      )}
      <ProblemMessage error={problem ?? match.error} />
      <FieldError id="fromMatchId-error" message={errors.fromMatchId} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        {textField('title', text.title, false, true)}
        {textField('summary', text.summary, true)}
        {textField('vision', text.vision, true)}
        {textField('issue', text.issue, true)}
        <label htmlFor="domain">{text.domain}<span className="muted"> （{common.required}）</span></label>
        <select id="domain" value={values.domain} aria-invalid={errors.domain ? true : undefined}
          aria-describedby={describedBy('domain')} onChange={(e) => set('domain', e.target.value)}>
          {domains.map((d) => <option key={d} value={d}>{text.domains[d]}</option>)}
        </select>
        <FieldError id="domain-error" message={errors.domain} />
        <fieldset aria-describedby={describedBy('forms')}>
          <legend>{text.forms}</legend>
          <div className="checkboxes">
            {collaborationForms.map((f) => (
              <label key={f}>
                <input type="checkbox" checked={values.forms.includes(f)} onChange={() => toggleForm(f)} />
                {text.formLabels[f]}
              </label>
            ))}
          </div>
          <FieldError id="forms-error" message={errors.forms} />
        </fieldset>
        <fieldset>
          <legend>{text.period}</legend>
          <label htmlFor="startsOn">{text.startsOn}</label>
          <input id="startsOn" type="date" value={values.startsOn} aria-invalid={errors.startsOn ? true : undefined}
            aria-describedby={describedBy('startsOn')} onChange={(e) => set('startsOn', e.target.value)} />
          <FieldError id="startsOn-error" message={errors.startsOn} />
          <label htmlFor="endsOn">{text.endsOn}</label>
          <input id="endsOn" type="date" value={values.endsOn} aria-invalid={errors.endsOn ? true : undefined}
            aria-describedby={describedBy('endsOn')} onChange={(e) => set('endsOn', e.target.value)} />
          <FieldError id="endsOn-error" message={errors.endsOn} />
        </fieldset>
        {!fromMatchId && (
          <fieldset>
            <legend>{text.leadOrganization}</legend>
            {leadOptions.length === 0 && !municipalityOrganizations.isPending ? (
              <p className="muted">{text.noOrganization}</p>
            ) : null}
            <label htmlFor="organizationId">{text.leadOrganization}<span className="muted"> （{common.required}）</span></label>
            <select id="organizationId" value={organizationId} aria-invalid={errors.organizationId ? true : undefined}
              aria-describedby={describedBy('organizationId')} onChange={(e) => set('organizationId', e.target.value)}>
              <option value="">{text.chooseOrganization}</option>
              {leadOptions.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
            <FieldError id="organizationId-error" message={errors.organizationId} />
            <label htmlFor="contribution">{text.leadContribution}</label>
            <textarea id="contribution" value={values.contribution} aria-invalid={errors.contribution ? true : undefined}
              aria-describedby={describedBy('contribution')} onChange={(e) => set('contribution', e.target.value)} />
            <FieldError id="contribution-error" message={errors.contribution} />
          </fieldset>
        )}
        <label className="inline" htmlFor="published">
          <input id="published" type="checkbox" checked={values.published} onChange={(e) => set('published', e.target.checked)} />
          {text.published}
        </label>
        <p>
          <button type="submit" disabled={saving}>{text.create}</button>{' '}
          <button type="button" className="secondary" onClick={() => void navigate(-1)}>{common.cancel}</button>
        </p>
      </form>
    </>
  );
}
