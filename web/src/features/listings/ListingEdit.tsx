import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, ifMatch, type Schemas, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { commonTexts } from '../../lib/texts';
import { useAreas, useThemes } from '../../lib/vocabulary';
import { emptyListingForm, formFromListing, type ListingFormValues, toListingWrite, validateListing } from './listingForm';
import { listingTexts } from './texts';

/**
 * Post what an organisation has or needs (/organizations/:id/listings/new), or edit a listing
 * (/listings/:listingId/edit, with the ETag it was read with).
 */
export default function ListingEdit() {
  const common = commonTexts();
  const { id: organizationId, listingId } = useParams();
  const existing = useQuery({
    queryKey: ['listing', listingId],
    enabled: !!listingId,
    queryFn: async () => unwrap(await api.GET('/api/v1/listings/{id}', { params: { path: { id: listingId! } } })),
  });
  if (!listingId) return <ListingForm organizationId={organizationId!} />;
  if (existing.error) return <ProblemMessage error={existing.error} />;
  if (!existing.data) return <p>{common.loading}</p>;
  // The form keeps what the person types while the listing is read again in the background.
  return <ListingForm key={existing.data.id} organizationId={existing.data.organizationId} listing={existing.data} />;
}

function ListingForm({ organizationId, listing }: { organizationId: string; listing?: Schemas['Listing'] }) {
  const common = commonTexts();
  const text = listingTexts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organization = useQuery({
    queryKey: ['organization', organizationId],
    queryFn: async () => unwrap(await api.GET('/api/v1/organizations/{id}', { params: { path: { id: organizationId } } })),
  });
  const themes = useThemes();
  const areas = useAreas(organization.data?.municipalityCode ?? '');
  const [values, setValues] = useState<ListingFormValues>(() => (listing ? formFromListing(listing) : emptyListingForm));
  // The version the form was filled from: the one the save names in If-Match.
  const [version, setVersion] = useState(listing?.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const set = (field: keyof ListingFormValues, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const toggle = (field: 'themes' | 'areaIds', key: string) =>
    setValues((v) => ({ ...v, [field]: v[field].includes(key) ? v[field].filter((k) => k !== key) : [...v[field], key] }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const found = validateListing(values);
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      const saved = listing && version !== undefined
        ? unwrap(await api.PUT('/api/v1/listings/{id}', {
            params: { path: { id: listing.id }, header: ifMatch(version) },
            body: toListingWrite(values),
          }))
        : unwrap(await api.POST('/api/v1/organizations/{id}/listings', {
            params: { path: { id: organizationId } },
            body: toListingWrite(values),
          }));
      queryClient.setQueryData(['listing', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['listings'] });
      await navigate(`/listings/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && !err.stale) setErrors(err.fieldErrors());
      setProblem(err);
    } finally {
      setSaving(false);
    }
  };
  const reloadLatest = async () => {
    if (!listing) return;
    try {
      const latest = await queryClient.fetchQuery({
        queryKey: ['listing', listing.id],
        queryFn: async () => unwrap(await api.GET('/api/v1/listings/{id}', { params: { path: { id: listing.id } } })),
      });
      setValues(formFromListing(latest));
      setVersion(latest.version);
      setErrors({});
      setProblem(undefined);
    } catch (err) {
      setProblem(err);
    }
  };

  const input = (field: 'title' | 'quantity' | 'unit' | 'availableFrom' | 'availableUntil', label: string, type = 'text') => (
    <div>
      <label htmlFor={field}>{label}</label>
      <input id={field} type={type} value={values[field]} onChange={(e) => set(field, e.target.value)}
        aria-invalid={errors[field] ? true : undefined} aria-describedby={errors[field] ? `${field}-error` : undefined} />
      <FieldError id={`${field}-error`} message={errors[field]} />
    </div>
  );
  return (
    <>
      <h1>{organization.data?.name} — {listing ? common.edit : common.postListing}</h1>
      <ProblemMessage error={problem ?? organization.error} onReload={() => void reloadLatest()} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{text.kind}</legend>
          <div className="checkboxes">
            {(['NEED', 'HAVE'] as const).map((k) => (
              <label key={k}>
                <input type="radio" name="kind" value={k} checked={values.kind === k} onChange={() => set('kind', k)} />
                {k === 'HAVE' ? common.haveLong : common.needLong}
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor="category">{text.category}</label>
        <select id="category" value={values.category} onChange={(e) => set('category', e.target.value)}>
          {Object.entries(text.categories).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
        {input('title', `${text.title}（${common.required}）`)}
        <label htmlFor="description">{common.description}</label>
        <textarea id="description" value={values.description} onChange={(e) => set('description', e.target.value)}
          aria-invalid={errors.description ? true : undefined} aria-describedby={errors.description ? 'description-error' : undefined} />
        <FieldError id="description-error" message={errors.description} />
        {input('quantity', text.quantity)}
        {input('unit', text.unit)}
        {input('availableFrom', text.availableFrom, 'date')}
        {input('availableUntil', text.availableUntil, 'date')}
        <fieldset>
          <legend>{common.themes}</legend>
          <div className="checkboxes">
            {themes.data?.items.map((th) => (
              <label key={th.code}><input type="checkbox" checked={values.themes.includes(th.code)} onChange={() => toggle('themes', th.code)} />{th.label}</label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{common.activeAreas}（{text.cityWideIfNone}）</legend>
          <div className="checkboxes">
            {areas.data?.items.map((a) => (
              <label key={a.id}><input type="checkbox" checked={values.areaIds.includes(a.id)} onChange={() => toggle('areaIds', a.id)} />{a.name}</label>
            ))}
          </div>
        </fieldset>
        <p><button type="submit" disabled={saving}>{listing ? common.save : text.post}</button></p>
      </form>
    </>
  );
}
