import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { ProblemMessage } from '../../components/Problem';
import { useMe } from '../../lib/auth';
import { useMunicipality } from '../../lib/municipality';
import { hasNextPage, pageCount, resultCount } from '../../lib/paging';
import { commonTexts } from '../../lib/texts';
import { useAreas, useThemes } from '../../lib/vocabulary';
import { OrganizationCard } from './OrganizationCard';
import { organizationTexts } from './texts';

type SearchQuery = NonNullable<paths['/api/v1/municipalities/{code}/organizations']['get']['parameters']['query']>;

/** The organisation directory: Japanese search and filters; the query lives in the URL. */
export default function OrganizationDirectory() {
  const common = commonTexts();
  const text = organizationTexts();
  const code = useParams().code!;
  const [params, setParams] = useSearchParams();
  const municipality = useMunicipality(code);
  const themes = useThemes();
  const areas = useAreas(code);
  const { data: me } = useMe();
  const page = Number(params.get('page') ?? '0');
  const criteria = {
    q: params.get('q') ?? '',
    type: params.get('type') ?? '',
    theme: params.get('theme') ?? '',
    area: params.get('area') ?? '',
  };
  const [draft, setDraft] = useState(criteria);
  const result = useQuery({
    queryKey: ['organizations', code, criteria, page],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/organizations', {
        params: {
          path: { code },
          query: {
            q: criteria.q || undefined,
            type: (criteria.type || undefined) as SearchQuery['type'],
            theme: (criteria.theme || undefined) as SearchQuery['theme'],
            area: criteria.area || undefined,
            page,
            size: 12,
          },
        },
      })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    Object.entries(draft).forEach(([k, v]) => v && next.set(k, v));
    setParams(next);
  };
  const goTo = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    setParams(next);
  };
  const data = result.data;
  return (
    <>
      <h1>{municipality.data?.name} {common.organizations}</h1>
      {me && <p><Link className="button" to={`/m/${code}/organizations/new`}>{text.registerOrganization}</Link></p>}
      <form role="search" className="filters" onSubmit={submit}>
        <div>
          <label htmlFor="q">{common.keyword}</label>
          <input id="q" type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </div>
        <div>
          <label htmlFor="type">{text.type}</label>
          <select id="type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })}>
            <option value="">{common.all}</option>
            {Object.entries(text.types).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="theme">{text.theme}</label>
          <select id="theme" value={draft.theme} onChange={(e) => setDraft({ ...draft, theme: e.target.value })}>
            <option value="">{common.all}</option>
            {themes.data?.items?.map((th) => <option key={th.code} value={th.code}>{th.label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="area">{text.area}</label>
          <select id="area" value={draft.area} onChange={(e) => setDraft({ ...draft, area: e.target.value })}>
            <option value="">{common.all}</option>
            {areas.data?.items?.map((a) => (
              <option key={a.id} value={a.id}>{'\u3000'.repeat(a.depth ?? 0)}{a.name}</option>
            ))}
          </select>
        </div>
        <div><button type="submit">{common.search}</button></div>
      </form>
      <ProblemMessage error={result.error} />
      <p aria-live="polite" className="muted">
        {result.isPending ? common.loading : resultCount(data)}
      </p>
      {data && data.items?.length === 0 && <p>{common.nothingFound}</p>}
      <ul className="cards">{data?.items?.map((o) => <OrganizationCard key={o.id} organization={o} />)}</ul>
      {(page > 0 || hasNextPage(data, page)) && (
        <nav className="pager" aria-label={common.pages}>
          <button type="button" className="secondary" disabled={page <= 0} onClick={() => goTo(page - 1)}>{common.previous}</button>
          <span>{page + 1} / {pageCount(data)}</span>
          <button type="button" className="secondary" disabled={!hasNextPage(data, page)} onClick={() => goTo(page + 1)}>{common.next}</button>
        </nav>
      )}
    </>
  );
}
