import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, ifMatch, type Schemas, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { signInUrl, useMe } from '../../lib/auth';
import { commonTexts } from '../../lib/texts';
import { useAreas, useThemes } from '../../lib/vocabulary';
import {
  emptyOrganizationForm,
  formFromOrganization,
  type OrganizationFormValues,
  toOrganizationWrite,
  validateOrganization,
} from './organizationForm';
import { organizationTexts } from './texts';

/** Register an organisation (/m/:code/organizations/new) or edit one (/organizations/:id/edit). */
export default function OrganizationEdit() {
  const common = commonTexts();
  const { code, id } = useParams();
  const { data: me, isPending: mePending } = useMe();
  const existing = useQuery({
    queryKey: ['organization', id],
    enabled: !!id,
    queryFn: async () => unwrap(await api.GET('/api/v1/organizations/{id}', { params: { path: { id: id! } } })),
  });
  if (!mePending && !me) return <p><a href={signInUrl()}>{common.signIn}</a></p>;
  if (!id) return <OrganizationForm code={code!} />;
  if (existing.error) return <ProblemMessage error={existing.error} />;
  if (!existing.data) return <p>{common.loading}</p>;
  // The form keeps what the person types while the organisation is read again in the background.
  return <OrganizationForm key={existing.data.id} code={existing.data.municipalityCode} organization={existing.data} />;
}

type PublishField = 'publishName' | 'publishEmail' | 'publishPhone';

function OrganizationForm({ code, organization }: { code: string; organization?: Schemas['Organization'] }) {
  const common = commonTexts();
  const text = organizationTexts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const themes = useThemes();
  const areas = useAreas(code);
  const [values, setValues] = useState<OrganizationFormValues>(() =>
    organization ? formFromOrganization(organization) : emptyOrganizationForm,
  );
  // The version the form was filled from: the one the save names in If-Match.
  const [version, setVersion] = useState(organization?.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  const set = (field: keyof OrganizationFormValues) => (value: string | string[] | boolean) =>
    setValues((v) => ({ ...v, [field]: value }));
  const flip = (field: PublishField) => setValues((v) => ({ ...v, [field]: !v[field] }));
  const publish = (field: PublishField, what: string) => (
    <label className="inline">
      <input type="checkbox" id={field} checked={values[field]} onChange={() => flip(field)} />
      {text.publish}<span className="skip">: {what}</span>
    </label>
  );
  const toggle = (field: 'themes' | 'areaIds', key: string) =>
    setValues((v) => ({ ...v, [field]: v[field].includes(key) ? v[field].filter((k) => k !== key) : [...v[field], key] }));

  const reloadLatest = async () => {
    if (!organization) return;
    try {
      const latest = await queryClient.fetchQuery({
        queryKey: ['organization', organization.id],
        queryFn: async () => unwrap(await api.GET('/api/v1/organizations/{id}', { params: { path: { id: organization.id } } })),
      });
      setValues(formFromOrganization(latest));
      setVersion(latest.version);
      setErrors({});
      setProblem(undefined);
    } catch (err) {
      setProblem(err);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const found = validateOrganization(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const body = toOrganizationWrite(values);
      const saved = organization && version !== undefined
        ? unwrap(await api.PUT('/api/v1/organizations/{id}', {
            params: { path: { id: organization.id }, header: ifMatch(version) },
            body,
          }))
        : unwrap(await api.POST('/api/v1/municipalities/{code}/organizations', { params: { path: { code } }, body }));
      queryClient.setQueryData(['organization', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['organizations'] });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await navigate(`/organizations/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && !err.stale && err.problem.errors?.length) setErrors(err.fieldErrors());
      setProblem(err);
    } finally {
      setSaving(false);
    }
  };

  const input = (
    field: 'name' | 'nameKana' | 'website' | 'contactName' | 'contactEmail' | 'contactPhone',
    label: string,
    options: { type?: string; required?: boolean; errorKey?: string } = {},
  ) => {
    const errorKey = options.errorKey ?? field;
    return (
      <div>
        <label htmlFor={field}>{label}{options.required && <span className="muted"> （{common.required}）</span>}</label>
        <input
          id={field}
          type={options.type ?? 'text'}
          value={values[field]}
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
      <h1>{organization ? `${organization.name} ${common.edit}` : text.registerOrganization}</h1>
      <ProblemMessage error={problem} onReload={() => void reloadLatest()} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        {input('name', common.name, { required: true })}
        {input('nameKana', common.nameKana)}
        <label htmlFor="type">{text.type}</label>
        <select id="type" value={values.type} onChange={(e) => set('type')(e.target.value)}>
          {Object.entries(text.types).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
        <label htmlFor="bond">{text.bond}</label>
        <select id="bond" value={values.bond} onChange={(e) => set('bond')(e.target.value)}>
          {Object.entries(text.bonds).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
        <label htmlFor="description">{common.description}</label>
        <textarea
          id="description"
          value={values.description}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? 'description-error' : undefined}
          onChange={(e) => set('description')(e.target.value)}
        />
        <FieldError id="description-error" message={errors.description} />
        {input('website', text.website, { type: 'url' })}
        <fieldset>
          <legend>{common.themes}</legend>
          <div className="checkboxes">
            {themes.data?.items.map((th) => (
              <label key={th.code}>
                <input type="checkbox" checked={values.themes.includes(th.code)} onChange={() => toggle('themes', th.code)} />
                {th.label}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{common.activeAreas}</legend>
          <div className="checkboxes">
            {areas.data?.items.map((a) => (
              <label key={a.id}>
                <input type="checkbox" checked={values.areaIds.includes(a.id)} onChange={() => toggle('areaIds', a.id)} />
                {a.name}
              </label>
            ))}
          </div>
          <FieldError id="areaIds-error" message={errors.areaIds} />
        </fieldset>
        <fieldset>
          <legend>{text.contact}</legend>
          <p className="muted">{text.contactPublishNote}</p>
          {input('contactName', common.contactName, { errorKey: 'contact.name' })}
          {publish('publishName', common.contactName)}
          {input('contactEmail', common.email, { type: 'email', errorKey: 'contact.email' })}
          {publish('publishEmail', common.email)}
          {input('contactPhone', common.phone, { type: 'tel', errorKey: 'contact.phone' })}
          {publish('publishPhone', common.phone)}
        </fieldset>
        <p>
          <button type="submit" disabled={saving}>{common.save}</button>{' '}
          <button type="button" className="secondary" onClick={() => void navigate(-1)}>{common.cancel}</button>
        </p>
      </form>
    </>
  );
}
