import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, ifMatch, unwrap, type Schemas } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { isStaffOf, useMe } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { commonTexts } from '../../lib/texts';
import { openDataTexts } from './texts';

/** The staff's form for the licence and the sites allowed to frame the embeds. */
function SettingsForm({ code, settings }: { code: string; settings: Schemas['OpenDataSettings'] }) {
  const text = openDataTexts();
  const queryClient = useQueryClient();
  const [name, setName] = useState(settings.defaultLicense ? '' : settings.license.name);
  const [url, setUrl] = useState(settings.defaultLicense ? '' : settings.license.url ?? '');
  const [origins, setOrigins] = useState(settings.embedOrigins.join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setErrors({});
    setSaved(false);
    try {
      unwrap(await api.PUT('/api/v1/municipalities/{code}/open-data/settings', {
        params: { path: { code }, header: ifMatch(settings.version) },
        body: {
          licenseName: name.trim() || null,
          licenseUrl: url.trim() || null,
          embedOrigins: origins.split('\n').map((o) => o.trim()).filter(Boolean),
        },
      }));
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['open-data', code] });
    } catch (err) {
      if (err instanceof ApiError && !err.stale) {
        const found = err.fieldErrors();
        const originError = Object.entries(found).find(([k]) => k.startsWith('embedOrigins'));
        setErrors(originError ? { ...found, embedOrigins: originError[1] } : found);
      }
      setProblem(err);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="card">
      <h2>{text.settings}</h2>
      <ProblemMessage error={problem} onReload={() => void queryClient.invalidateQueries({ queryKey: ['open-data', code] })} />
      <label htmlFor="od-license-name">{text.licenseName}</label>
      <input id="od-license-name" value={name} onChange={(e) => setName(e.target.value)}
        aria-invalid={errors.licenseName ? true : undefined} aria-describedby={errors.licenseName ? 'od-license-name-error' : undefined} />
      <FieldError id="od-license-name-error" message={errors.licenseName} />
      <label htmlFor="od-license-url">{text.licenseUrl}</label>
      <input id="od-license-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)}
        aria-invalid={errors.licenseUrl ? true : undefined} aria-describedby={errors.licenseUrl ? 'od-license-url-error' : undefined} />
      <FieldError id="od-license-url-error" message={errors.licenseUrl} />
      <label htmlFor="od-origins">{text.origins}</label>
      <textarea id="od-origins" rows={3} value={origins} onChange={(e) => setOrigins(e.target.value)}
        aria-invalid={errors.embedOrigins ? true : undefined}
        aria-describedby={errors.embedOrigins ? 'od-origins-hint od-origins-error' : 'od-origins-hint'} />
      <p id="od-origins-hint" className="muted">{text.originsHint}</p>
      <FieldError id="od-origins-error" message={errors.embedOrigins} />
      <p><button type="submit">{text.save}</button> {saved && <span role="status">{text.saved}</span>}</p>
    </form>
  );
}

/** A municipality's open data: each dataset with its licence, last update and download links. */
export default function OpenDataPage() {
  const common = commonTexts();
  const text = openDataTexts();
  const code = useParams().code!;
  const { data: me } = useMe();
  const catalog = useQuery({
    queryKey: ['open-data', code, 'catalog'],
    queryFn: async () => unwrap(await api.GET('/api/v1/municipalities/{code}/open-data', { params: { path: { code } } })),
  });
  const settings = useQuery({
    queryKey: ['open-data', code, 'settings'],
    queryFn: async () => unwrap(await api.GET('/api/v1/municipalities/{code}/open-data/settings', { params: { path: { code } } })),
    enabled: isStaffOf(me, code),
  });
  if (catalog.error) return <ProblemMessage error={catalog.error} />;
  if (!catalog.data) return <p>{common.loading}</p>;
  return (
    <>
      <h1>{text.title(catalog.data.publisher)}</h1>
      <p>{text.intro}</p>
      {catalog.data.items.map((d) => (
        <section key={d.id} className="card" aria-labelledby={`dataset-${d.id}`}>
          <h2 id={`dataset-${d.id}`}>{d.title}</h2>
          <p>{d.description}</p>
          <dl>
            <dt>{text.license}</dt>
            <dd>{d.license.url ? <a href={d.license.url} rel="license noopener" target="_blank">{d.license.name}</a> : d.license.name}</dd>
            <dt>{text.modified}</dt>
            <dd>{d.modified ? formatDateTime(d.modified) : text.never}</dd>
          </dl>
          <ul>
            {d.distributions.map((x) => (
              <li key={x.url}><a href={x.url} download>{text.download(x.format, d.title)}</a></li>
            ))}
          </ul>
        </section>
      ))}
      <p>
        <a href={`/api/v1/municipalities/${code}/open-data.jsonld`}>{text.harvest}</a>{' '}
        <span className="muted">{text.harvestHint}</span>
      </p>
      {settings.data && <SettingsForm key={settings.data.version} code={code} settings={settings.data} />}
    </>
  );
}
