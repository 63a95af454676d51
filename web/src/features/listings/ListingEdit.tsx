import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { currentLanguage, t } from '../../lib/i18n';
import { useQuery } from '@tanstack/react-query';
import { useAreas, useThemes } from '../organizations/useVocabulary';
import { categories, categoryLabel } from './labels';
import { emptyListingForm, formFromListing, type ListingFormValues, toListingWrite, validateListing } from './listingForm';

/**
 * Post what an organisation has or needs (/organizations/:id/listings/new), or edit a listing
 * (/listings/:listingId/edit, with the ETag it was read with).
 */
export default function ListingEdit() {
  const { id: organizationParam, listingId } = useParams();
  const existing = useQuery({
    queryKey: ['listing', listingId],
    enabled: !!listingId,
    queryFn: async () => unwrap(await api.GET('/api/v1/listings/{id}', { params: { path: { id: listingId! } } })),
  });
  const organizationId = organizationParam ?? existing.data?.organizationId ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const organization = useQuery({
    queryKey: ['organization', organizationId],
    enabled: !!organizationId,
    queryFn: async () => unwrap(await api.GET('/api/v1/organizations/{id}', { params: { path: { id: organizationId } } })),
  });
  const themes = useThemes();
  const areas = useAreas(organization.data?.municipalityCode ?? '');
  const [values, setValues] = useState<ListingFormValues>(emptyListingForm);
  const [loadedVersion, setLoadedVersion] = useState<number | undefined>();
  useEffect(() => {
    if (existing.data && loadedVersion === undefined) {
      setValues(formFromListing(existing.data));
      setLoadedVersion(existing.data.version);
    }
  }, [existing.data, loadedVersion]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const set = (field: keyof ListingFormValues, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const toggle = (field: 'themes' | 'areaIds', key: string) =>
    setValues((v) => ({ ...v, [field]: v[field].includes(key) ? v[field].filter((k) => k !== key) : [...v[field], key] }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const found = validateListing(values, language);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const saved = listingId
        ? unwrap(await api.PUT('/api/v1/listings/{id}', {
            params: { path: { id: listingId }, header: { 'If-Match': `"${loadedVersion}"` } },
            body: toListingWrite(values),
          }))
        : unwrap(await api.POST('/api/v1/organizations/{id}/listings', {
            params: { path: { id: organizationId } },
            body: toListingWrite(values),
          }));
      queryClient.setQueryData(['listing', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['listings'] });
      navigate(`/listings/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        setProblem(new Error(t('staleEdit')));
        return;
      }
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setProblem(err);
    }
  };
  const text = (field: keyof ListingFormValues, label: string, type = 'text') => (
    <div>
      <label htmlFor={field}>{label}</label>
      <input id={field} type={type} value={values[field] as string} onChange={(e) => set(field, e.target.value)}
        aria-invalid={errors[field] ? true : undefined} aria-describedby={errors[field] ? `${field}-error` : undefined} />
      <FieldError id={`${field}-error`} message={errors[field]} />
    </div>
  );
  return (
    <>
      <h1>{organization.data?.name} — {listingId ? t('edit') : t('postListing')}</h1>
      <ProblemMessage error={problem ?? organization.error} />
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('kind')}</legend>
          <div className="checkboxes">
            {(['NEED', 'HAVE'] as const).map((k) => (
              <label key={k}>
                <input type="radio" name="kind" value={k} checked={values.kind === k} onChange={() => set('kind', k)} />
                {k === 'HAVE' ? t('haveLong') : t('needLong')}
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor="category">{t('category')}</label>
        <select id="category" value={values.category} onChange={(e) => set('category', e.target.value)}>
          {categories.map((c) => <option key={c} value={c}>{categoryLabel(c, language)}</option>)}
        </select>
        {text('title', `${t('title')}（${t('required')}）`)}
        <label htmlFor="description">{t('description')}</label>
        <textarea id="description" value={values.description} onChange={(e) => set('description', e.target.value)}
          aria-invalid={errors.description ? true : undefined} aria-describedby={errors.description ? 'description-error' : undefined} />
        <FieldError id="description-error" message={errors.description} />
        {text('quantity', t('quantity'))}
        {text('unit', t('unit'))}
        {text('availableFrom', t('availableFrom'), 'date')}
        {text('availableUntil', t('availableUntil'), 'date')}
        <fieldset>
          <legend>{t('themes')}</legend>
          <div className="checkboxes">
            {themes.data?.items?.map((th) => (
              <label key={th.code}><input type="checkbox" checked={values.themes.includes(th.code!)} onChange={() => toggle('themes', th.code!)} />{th.label}</label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('activeAreas')}（{t('cityWideIfNone')}）</legend>
          <div className="checkboxes">
            {areas.data?.items?.map((a) => (
              <label key={a.id}><input type="checkbox" checked={values.areaIds.includes(a.id!)} onChange={() => toggle('areaIds', a.id!)} />{a.name}</label>
            ))}
          </div>
        </fieldset>
        <p><button type="submit">{listingId ? t('save') : t('post')}</button></p>
      </form>
    </>
  );
}
