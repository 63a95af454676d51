import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { ListingCard } from '../../components/ListingCard';
import { ProblemMessage } from '../../components/Problem';
import { useMunicipality } from '../../lib/municipality';
import { hasNextPage, resultCount } from '../../lib/paging';
import { commonTexts } from '../../lib/texts';
import { SaveSearchButton } from '../savedsearches';
import { listingTexts } from './texts';

type Query = NonNullable<paths['/api/v1/municipalities/{code}/listings']['get']['parameters']['query']>;

/** What organisations have and need (有る・無い) in a municipality, with Japanese search. */
export default function ListingBoard() {
  const common = commonTexts();
  const text = listingTexts();
  const code = useParams().code!;
  const municipality = useMunicipality(code);
  const [params, setParams] = useSearchParams();
  const criteria = {
    q: params.get('q') ?? '', kind: params.get('kind') ?? '', category: params.get('category') ?? '', area: params.get('area') ?? '',
  };
  const [draft, setDraft] = useState(criteria);
  const page = Number(params.get('page') ?? '0');
  const result = useQuery({
    queryKey: ['listings', code, criteria, page],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/listings', {
        params: {
          path: { code },
          query: {
            q: criteria.q || undefined,
            kind: (criteria.kind || undefined) as Query['kind'],
            category: (criteria.category || undefined) as Query['category'],
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
  const nextPage = () => {
    const next = new URLSearchParams(params);
    next.set('page', String(page + 1));
    setParams(next);
  };
  return (
    <>
      <h1>{municipality.data?.name} {common.listings}</h1>
      <form role="search" className="filters" onSubmit={submit}>
        <div>
          <label htmlFor="q">{common.keyword}</label>
          <input id="q" type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </div>
        <div>
          <label htmlFor="kind">{text.kind}</label>
          <select id="kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
            <option value="">{common.all}</option>
            <option value="HAVE">{text.have}</option>
            <option value="NEED">{text.need}</option>
          </select>
        </div>
        <div>
          <label htmlFor="category">{text.category}</label>
          <select id="category" value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })}>
            <option value="">{common.all}</option>
            {Object.entries(text.categories).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <div><button type="submit">{common.search}</button></div>
      </form>
      <SaveSearchButton criteria={{
        target: 'LISTING', municipalityCode: code, q: criteria.q || undefined, kind: criteria.kind || undefined,
        category: (criteria.category || undefined) as Query['category'],
      }} />
      <ProblemMessage error={result.error} />
      <p aria-live="polite" className="muted">{result.isPending ? common.loading : resultCount(result.data)}</p>
      <ul className="cards">{result.data?.items.map((l) => <ListingCard key={l.id} listing={l} />)}</ul>
      {hasNextPage(result.data, page) && (
        <nav className="pager" aria-label={common.pages}>
          <button type="button" className="secondary" onClick={nextPage}>{common.next}</button>
        </nav>
      )}
    </>
  );
}
