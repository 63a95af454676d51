import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { currentLanguage, t } from '../../lib/i18n';
import { signInUrl, useMe } from '../session/useMe';
import { bondLabel, bonds, organizationTypes, typeLabel } from './labels';
import {
  emptyOrganizationForm,
  formFromOrganization,
  type OrganizationFormValues,
  toOrganizationWrite,
  validateOrganization,
} from './organizationForm';
import { useAreas, useThemes } from './useVocabulary';

/** Register an organisation (/m/:code/organizations/new) or edit one (/organizations/:id/edit). */
export default function OrganizationEdit() {
  const { code: codeParam, id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const { data: me, isPending: mePending } = useMe();
  const existing = useQuery({
    queryKey: ['organization', id],
    enabled: !!id,
    queryFn: async () => unwrap(await api.GET('/api/v1/organizations/{id}', { params: { path: { id: id! } } })),
  });
  const code = codeParam ?? existing.data?.municipalityCode ?? '';
  const themes = useThemes();
  const areas = useAreas(code);
  const [values, setValues] = useState<OrganizationFormValues>(emptyOrganizationForm);
  const [version, setVersion] = useState<number | undefined>();
  const [loaded, setLoaded] = useState(!id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (existing.data && !loaded) {
      setValues(formFromOrganization(existing.data));
      setVersion(existing.data.version);
      setLoaded(true);
    }
  }, [existing.data, loaded]);

  if (!mePending && !me) {
    return <p><a href={signInUrl()}>{t('signIn')}</a></p>;
  }
  if (id && existing.error) return <ProblemMessage error={existing.error} />;

  const set = (field: keyof OrganizationFormValues) => (value: string | string[] | boolean) =>
    setValues((v) => ({ ...v, [field]: value }));
  const flip = (field: 'publishName' | 'publishEmail' | 'publishPhone') =>
    setValues((v) => ({ ...v, [field]: !v[field] }));
  const publish = (field: 'publishName' | 'publishEmail' | 'publishPhone', what: string) => (
    <label className="inline">
      <input type="checkbox" id={field} checked={values[field]} onChange={() => flip(field)} />
      {t('publish')}<span className="skip">: {what}</span>
    </label>
  );
  const toggle = (field: 'themes' | 'areaIds', key: string) =>
    setValues((v) => ({ ...v, [field]: v[field].includes(key) ? v[field].filter((k) => k !== key) : [...v[field], key] }));

  const reloadLatest = async () => {
    const latest = await queryClient.fetchQuery({
      queryKey: ['organization', id],
      queryFn: async () => unwrap(await api.GET('/api/v1/organizations/{id}', { params: { path: { id: id! } } })),
    });
    setValues(formFromOrganization(latest));
    setVersion(latest.version);
    setStale(false);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setStale(false);
    const found = validateOrganization(values, language);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const body = toOrganizationWrite(values);
      const saved = id
        ? unwrap(await api.PUT('/api/v1/organizations/{id}', {
            params: { path: { id }, header: { 'If-Match': `"${version}"` } },
            body,
          }))
        : unwrap(await api.POST('/api/v1/municipalities/{code}/organizations', { params: { path: { code } }, body }));
      queryClient.setQueryData(['organization', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['organizations'] });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      navigate(`/organizations/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) setStale(true);
      else if (err instanceof ApiError && err.status === 400 && err.problem.errors?.length) setErrors(err.fieldErrors());
      setProblem(err);
    } finally {
      setSaving(false);
    }
  };

  const input = (field: keyof OrganizationFormValues, label: string, options: { type?: string; required?: boolean; errorKey?: string } = {}) => {
    const errorKey = options.errorKey ?? field;
    return (
      <div>
        <label htmlFor={field}>{label}{options.required && <span className="muted"> （{t('required')}）</span>}</label>
        <input
          id={field}
          type={options.type ?? 'text'}
          value={values[field] as string}
          required={options.required}
          aria-invalid={errors[errorKey] ? true : undefined}
          aria-describedby={errors[errorKey] ? `${field}-error` : undefined}
          onChange={(e) => set(field)(e.target.value)}
        />
        <FieldError id={`${field}-error`} message={errors[errorKey]} />
      </div>
    );
  };

  return (
    <>
      <h1>{id ? `${existing.data?.name ?? ''} ${t('edit')}` : t('registerOrganization')}</h1>
      {stale && (
        <div className="alert" role="alert">
          <p>{t('staleEdit')}</p>
          <button type="button" className="secondary" onClick={reloadLatest}>{t('reloadLatest')}</button>
        </div>
      )}
      {!stale && <ProblemMessage error={problem} />}
      <form onSubmit={submit} noValidate>
        {input('name', t('name'), { required: true })}
        {input('nameKana', t('nameKana'))}
        <label htmlFor="type">{t('type')}</label>
        <select id="type" value={values.type} onChange={(e) => set('type')(e.target.value)}>
          {organizationTypes.map((k) => <option key={k} value={k}>{typeLabel(k, language)}</option>)}
        </select>
        <label htmlFor="bond">{t('bond')}</label>
        <select id="bond" value={values.bond} onChange={(e) => set('bond')(e.target.value)}>
          {bonds.map((k) => <option key={k} value={k}>{bondLabel(k, language)}</option>)}
        </select>
        <label htmlFor="description">{t('description')}</label>
        <textarea
          id="description"
          value={values.description}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? 'description-error' : undefined}
          onChange={(e) => set('description')(e.target.value)}
        />
        <FieldError id="description-error" message={errors.description} />
        {input('website', t('website'), { type: 'url' })}
        <fieldset>
          <legend>{t('themes')}</legend>
          <div className="checkboxes">
            {themes.data?.items?.map((th) => (
              <label key={th.code}>
                <input type="checkbox" checked={values.themes.includes(th.code!)} onChange={() => toggle('themes', th.code!)} />
                {th.label}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('activeAreas')}</legend>
          <div className="checkboxes">
            {areas.data?.items?.map((a) => (
              <label key={a.id}>
                <input type="checkbox" checked={values.areaIds.includes(a.id!)} onChange={() => toggle('areaIds', a.id!)} />
                {a.name}
              </label>
            ))}
          </div>
          <FieldError id="areaIds-error" message={errors.areaIds} />
        </fieldset>
        <fieldset>
          <legend>{t('contact')}</legend>
          <p className="muted">{t('contactPublishNote')}</p>
          {input('contactName', t('contactName'), { errorKey: 'contact.name' })}
          {publish('publishName', t('contactName'))}
          {input('contactEmail', t('email'), { type: 'email', errorKey: 'contact.email' })}
          {publish('publishEmail', t('email'))}
          {input('contactPhone', t('phone'), { type: 'tel', errorKey: 'contact.phone' })}
          {publish('publishPhone', t('phone'))}
        </fieldset>
        <p>
          <button type="submit" disabled={saving}>{t('save')}</button>{' '}
          <button type="button" className="secondary" onClick={() => navigate(-1)}>{t('cancel')}</button>
        </p>
      </form>
    </>
  );
}
