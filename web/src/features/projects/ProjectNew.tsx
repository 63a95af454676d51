import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { currentLanguage } from '../../lib/i18n';
import { signInUrl, useMe } from '../session/useMe';
import {
  collaborationForms,
  domainLabel,
  domains,
  emptyProjectForm,
  formLabel,
  type ProjectFormValues,
  toProjectCreate,
  validateProject,
} from './projectLogic';
import { tx } from './texts';

/** Start a co-creation project (/m/:code/projects/new), from scratch or from an accepted match (?fromMatchId=). */
export default function ProjectNew() {
  const code = useParams().code!;
  const [params] = useSearchParams();
  const fromMatchId = params.get('fromMatchId') ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const { data: me, isPending: mePending } = useMe();
  const isStaff = !!me && (!!me.admin || (me.staff ?? []).some((s) => s.municipalityCode === code));
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
    ? (municipalityOrganizations.data?.items ?? []).map((o) => ({ id: o.id!, name: o.name! }))
    : (me?.organizations ?? [])
        .filter((o) => o.municipalityCode === code && o.organizationStatus === 'ACTIVE')
        .map((o) => ({ id: o.organizationId!, name: o.organizationName! }));
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
        <h1>{tx('newProject')}</h1>
        <p><a href={signInUrl()}>{tx('signInToCreate')}</a></p>
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
    const found = validateProject(current, language);
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
      navigate(`/projects/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) setErrors(err.fieldErrors());
      setProblem(err);
    } finally {
      setSaving(false);
    }
  };

  const describedBy = (field: string) => (errors[field] ? `${field}-error` : undefined);
  const text = (field: 'title' | 'summary' | 'vision' | 'issue', label: string, multiline: boolean, required = false) => (
    <div>
      <label htmlFor={field}>{label}{required && <span className="muted"> （{tx('required')}）</span>}</label>
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
      <h1>{fromMatchId ? tx('fromMatch') : tx('newProject')}</h1>
      {fromMatchId && (
        <div className="notice">
          <p style={{ margin: 0 }}>{tx('fromMatchNotice')}</p>
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
      <form onSubmit={submit} noValidate>
        {text('title', tx('title'), false, true)}
        {text('summary', tx('summary'), true)}
        {text('vision', tx('vision'), true)}
        {text('issue', tx('issue'), true)}
        <label htmlFor="domain">{tx('domain')}<span className="muted"> （{tx('required')}）</span></label>
        <select id="domain" value={values.domain} aria-invalid={errors.domain ? true : undefined}
          aria-describedby={describedBy('domain')} onChange={(e) => set('domain', e.target.value)}>
          {domains.map((d) => <option key={d} value={d}>{domainLabel(d, language)}</option>)}
        </select>
        <FieldError id="domain-error" message={errors.domain} />
        <fieldset aria-describedby={describedBy('forms')}>
          <legend>{tx('forms')}</legend>
          <div className="checkboxes">
            {collaborationForms.map((f) => (
              <label key={f}>
                <input type="checkbox" checked={values.forms.includes(f)} onChange={() => toggleForm(f)} />
                {formLabel(f, language)}
              </label>
            ))}
          </div>
          <FieldError id="forms-error" message={errors.forms} />
        </fieldset>
        <fieldset>
          <legend>{tx('period')}</legend>
          <label htmlFor="startsOn">{tx('startsOn')}</label>
          <input id="startsOn" type="date" value={values.startsOn} aria-invalid={errors.startsOn ? true : undefined}
            aria-describedby={describedBy('startsOn')} onChange={(e) => set('startsOn', e.target.value)} />
          <FieldError id="startsOn-error" message={errors.startsOn} />
          <label htmlFor="endsOn">{tx('endsOn')}</label>
          <input id="endsOn" type="date" value={values.endsOn} aria-invalid={errors.endsOn ? true : undefined}
            aria-describedby={describedBy('endsOn')} onChange={(e) => set('endsOn', e.target.value)} />
          <FieldError id="endsOn-error" message={errors.endsOn} />
        </fieldset>
        {!fromMatchId && (
          <fieldset>
            <legend>{tx('leadOrganization')}</legend>
            {leadOptions.length === 0 && !municipalityOrganizations.isPending ? (
              <p className="muted">{tx('noOrganization')}</p>
            ) : null}
            <label htmlFor="organizationId">{tx('leadOrganization')}<span className="muted"> （{tx('required')}）</span></label>
            <select id="organizationId" value={organizationId} aria-invalid={errors.organizationId ? true : undefined}
              aria-describedby={describedBy('organizationId')} onChange={(e) => set('organizationId', e.target.value)}>
              <option value="">{tx('chooseOrganization')}</option>
              {leadOptions.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
            <FieldError id="organizationId-error" message={errors.organizationId} />
            <label htmlFor="contribution">{tx('leadContribution')}</label>
            <textarea id="contribution" value={values.contribution} aria-invalid={errors.contribution ? true : undefined}
              aria-describedby={describedBy('contribution')} onChange={(e) => set('contribution', e.target.value)} />
            <FieldError id="contribution-error" message={errors.contribution} />
          </fieldset>
        )}
        <label className="inline" htmlFor="published">
          <input id="published" type="checkbox" checked={values.published} onChange={(e) => set('published', e.target.checked)} />
          {tx('published')}
        </label>
        <p>
          <button type="submit" disabled={saving}>{tx('create')}</button>{' '}
          <button type="button" className="secondary" onClick={() => navigate(-1)}>{tx('cancel')}</button>
        </p>
      </form>
    </>
  );
}
