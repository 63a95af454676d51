import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { commonTexts } from '../../lib/texts';
import { savedSearchTexts } from './texts';

/** Where a saved search's page is, with its criteria in the URL. */
function searchUrl(s: Schemas['SavedSearch']): string {
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  if (s.kind) params.set('kind', s.kind);
  if (s.category) params.set('category', s.category);
  if (s.theme) params.set('theme', s.theme);
  if (s.areaId) params.set('area', s.areaId);
  const query = params.toString();
  return `/m/${s.municipalityCode}/${s.target === 'EVENT' ? 'events' : 'listings'}${query ? `?${query}` : ''}`;
}

/** My page: the searches I saved, each opening its search, each deletable. */
export function MySavedSearches() {
  const common = commonTexts();
  const text = savedSearchTexts();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>();
  const result = useQuery({
    queryKey: ['saved-searches'],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/saved-searches', { params: { query: { size: 50 } } })),
  });
  const remove = async (id: string) => {
    setError(undefined);
    try {
      unwrap(await api.DELETE('/api/v1/me/saved-searches/{id}', { params: { path: { id } } }));
      await queryClient.invalidateQueries({ queryKey: ['saved-searches'] });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="saved-searches">
      <h2 id="saved-searches">{text.mySavedSearches}</h2>
      <ProblemMessage error={result.error ?? error} />
      {result.isPending && <p>{common.loading}</p>}
      {result.data?.items.length === 0 && <p className="muted">{text.none}</p>}
      <ul>
        {result.data?.items.map((s) => (
          <li key={s.id}>
            <Link to={searchUrl(s)}>{s.name}</Link> <span className="muted">({s.targetLabel})</span>{' '}
            <button type="button" aria-label={text.removeNamed(s.name)} onClick={() => void remove(s.id)}>{text.remove}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
