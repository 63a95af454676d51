import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client';
import { ListingCard } from '../../components/ListingCard';
import { ProblemMessage } from '../../components/Problem';
import { useMe } from '../../lib/auth';
import { commonTexts } from '../../lib/texts';
import { listingTexts } from './texts';

/**
 * A listing and its ranked counterparts: a NEED sees HAVEs and the reverse, each with its
 * score and the reasons as a person reads them. Members of either side propose a match.
 */
export default function ListingPage() {
  const common = commonTexts();
  const text = listingTexts();
  const id = useParams().id!;
  const navigate = useNavigate();
  const { data: me } = useMe();
  const listing = useQuery({
    queryKey: ['listing', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/listings/{id}', { params: { path: { id } } })),
  });
  const suggestions = useQuery({
    queryKey: ['listing', id, 'matches'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/listings/{id}/matches', { params: { path: { id }, query: { limit: 10 } } })),
  });
  const [message, setMessage] = useState('');
  const propose = useMutation({
    mutationFn: async (counterpart: Schemas['Listing']) => {
      const mine = listing.data!;
      const [needId, haveId] = mine.kind === 'NEED' ? [mine.id, counterpart.id] : [counterpart.id, mine.id];
      return unwrap(await api.POST('/api/v1/matches', { body: { needId, haveId, message: message.trim() || undefined } }));
    },
    onSuccess: (match) => navigate(`/matches/${match.id}`),
  });
  const queryClient = useQueryClient();
  const openOrClose = useMutation({
    mutationFn: async (close: boolean) =>
      close
        ? unwrap(await api.POST('/api/v1/listings/{id}/closure', { params: { path: { id } } }))
        : unwrap(await api.POST('/api/v1/listings/{id}/reopening', { params: { path: { id } } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(['listing', id], updated);
      return queryClient.invalidateQueries({ queryKey: ['listings'] });
    },
  });
  if (listing.error) return <ProblemMessage error={listing.error} />;
  const l = listing.data;
  if (!l) return <p>{common.loading}</p>;
  const memberOf = (organizationId?: string) => !!me?.organizations?.some((o) => o.organizationId === organizationId);
  const canPropose = (counterpart: Schemas['Listing']) => memberOf(l.organizationId) || memberOf(counterpart.organizationId);
  return (
    <article>
      <p>
        <span className={`badge ${l.kind === 'HAVE' ? 'badge-on-track' : 'badge-behind'}`}>{l.kindLabel}</span>{' '}
        <span className="muted">{l.categoryLabel} ・ {l.statusLabel}</span>
      </p>
      <h1>{l.title}</h1>
      <p className="muted"><Link to={`/organizations/${l.organizationId}`}>{l.organizationName}</Link></p>
      {l.description && <p>{l.description}</p>}
      {l.quantity != null && <p>{text.quantity}: {l.quantityRemaining ?? l.quantity} / {l.quantity} {l.unit ?? ''}</p>}
      {memberOf(l.organizationId) && (
        <p>
          <Link className="button secondary" to={`/listings/${id}/edit`}>{common.edit}</Link>{' '}
          {l.status === 'OPEN' && (
            <button type="button" className="secondary" onClick={() => openOrClose.mutate(true)} disabled={openOrClose.isPending}>{text.closeListing}</button>
          )}
          {l.status === 'CLOSED' && (
            <button type="button" className="secondary" onClick={() => openOrClose.mutate(false)} disabled={openOrClose.isPending}>{text.reopenListing}</button>
          )}
        </p>
      )}
      <ProblemMessage error={openOrClose.error} />
      <h2>{l.kind === 'NEED' ? text.matchingHaves : text.matchingNeeds}</h2>
      <ProblemMessage error={suggestions.error ?? propose.error} />
      {suggestions.data?.items?.length === 0 && <p>{common.nothingFound}</p>}
      {(suggestions.data?.items?.length ?? 0) > 0 && me && (
        <>
          <label htmlFor="proposal-message">{common.proposalMessage}</label>
          <textarea id="proposal-message" value={message} onChange={(e) => setMessage(e.target.value)} />
        </>
      )}
      <ol className="cards" aria-label={text.suggestions}>
        {suggestions.data?.items?.map((s) => (
          <ListingCard key={s.listing?.id} listing={s.listing}>
            <p style={{ margin: '.25rem 0' }}>
              <strong>{common.score} {Math.round((s.score ?? 0) * 100)}</strong>
              <meter min={0} max={1} value={s.score} aria-label={common.score} style={{ marginLeft: '.5rem' }} />
            </p>
            <ul className="chips" aria-label={common.reasons}>
              {s.reasons?.map((r) => <li className="chip" key={r.code}>{r.label}</li>)}
            </ul>
            {canPropose(s.listing) && (
              <button type="button" onClick={() => propose.mutate(s.listing)} disabled={propose.isPending}>
                {text.propose}<span className="skip">: {s.listing?.title}</span>
              </button>
            )}
          </ListingCard>
        ))}
      </ol>
    </article>
  );
}
