import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { commonTexts } from '../../lib/texts';
import { matchTexts } from './texts';

type Action = 'acceptance' | 'declination' | 'withdrawal' | 'fulfilment';

/**
 * A match between a NEED and a HAVE: why it fits, where it stands, and what each side may do
 * next. Contact details appear only once both sides have agreed.
 */
export default function MatchPage() {
  const common = commonTexts();
  const text = matchTexts();
  const id = useParams().id!;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: ['match', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/matches/{id}', { params: { path: { id } } })),
  });
  const [note, setNote] = useState('');
  const act = useMutation({
    mutationFn: async (action: Action) => {
      const path = { params: { path: { id } } };
      switch (action) {
        case 'acceptance':
          return unwrap(await api.POST('/api/v1/matches/{id}/acceptance', { ...path, body: { note: note || undefined } }));
        case 'declination':
          return unwrap(await api.POST('/api/v1/matches/{id}/declination', { ...path, body: { note: note || undefined } }));
        case 'withdrawal':
          return unwrap(await api.POST('/api/v1/matches/{id}/withdrawal', path));
        case 'fulfilment':
          return unwrap(await api.POST('/api/v1/matches/{id}/fulfilment', path));
      }
    },
    onSuccess: (m) => {
      queryClient.setQueryData(['match', id], m);
      return queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
  if (query.error) return <ProblemMessage error={query.error} />;
  const m = query.data;
  if (!m) return <p>{common.loading}</p>;
  const mine = new Set(m.mySides ?? []);
  const broker = m.broker ?? null;
  // A brokered match: each side accepts for itself; the broker withdraws.
  const accepted = { NEED: !!m.needAcceptedAt, HAVE: !!m.haveAcceptedAt };
  const proposer = broker ? broker.mine : m.proposedSide ? mine.has(m.proposedSide as 'HAVE' | 'NEED') : false;
  const responder = m.status === 'PROPOSED' && mine.size > 0
    && (broker ? [...mine].some((side) => !accepted[side]) : !proposer);
  return (
    <article>
      <h1>{text.match}: {m.need?.title} × {m.have?.title}</h1>
      <p><span className="badge">{m.statusLabel}</span> <span className="muted">{common.score} {Math.round((m.score ?? 0) * 100)}</span></p>
      <ul className="chips" aria-label={common.reasons}>{m.reasons?.map((r) => <li className="chip" key={r.code}>{r.label}</li>)}</ul>
      {broker && (
        <p>
          <strong>{text.brokeredBy}:</strong> {broker.organization?.name ?? broker.kindLabel} ({broker.kindLabel})
          {m.status === 'PROPOSED' && <> — {text.acceptances(accepted.NEED ? text.acceptedMark : text.waitingMark, accepted.HAVE ? text.acceptedMark : text.waitingMark)}</>}
        </p>
      )}
      {m.message && <p><strong>{common.proposalMessage}:</strong> {m.message}</p>}
      <ul className="cards">
        <Side title={common.needLong} listing={m.need} organization={m.needOrganization} contact={m.needContact} />
        <Side title={common.haveLong} listing={m.have} organization={m.haveOrganization} contact={m.haveContact} />
      </ul>
      <ProblemMessage error={act.error} />
      {(responder || (m.status === 'ACCEPTED' && mine.size > 0) || (m.status === 'PROPOSED' && proposer)) && (
        <section>
          <h2>{text.nextStep}</h2>
          {responder && (
            <>
              <label htmlFor="note">{common.note}</label>
              <input id="note" value={note} onChange={(e) => setNote(e.target.value)} />
              <p>
                <button type="button" onClick={() => act.mutate('acceptance')} disabled={act.isPending}>{text.accept}</button>{' '}
                <button type="button" className="secondary" onClick={() => act.mutate('declination')} disabled={act.isPending}>{text.decline}</button>
              </p>
            </>
          )}
          {m.status === 'PROPOSED' && proposer && (
            <button type="button" className="secondary" onClick={() => act.mutate('withdrawal')} disabled={act.isPending}>{text.withdraw}</button>
          )}
          {m.status === 'ACCEPTED' && (
            <>
              <button type="button" onClick={() => act.mutate('fulfilment')} disabled={act.isPending}>{text.fulfil}</button>{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => void navigate(`/m/${m.municipalityCode}/projects/new?fromMatchId=${encodeURIComponent(m.id)}`)}
              >
                {text.startProject}
              </button>
            </>
          )}
        </section>
      )}
    </article>
  );
}

function Side({ title, listing, organization, contact }: {
  title: string;
  listing?: Schemas['Listing'];
  organization?: Schemas['MatchOrganization'];
  contact?: Schemas['Contact'] | null;
}) {
  const common = commonTexts();
  const text = matchTexts();
  return (
    <li className="card">
      <p className="muted" style={{ margin: 0 }}>{title}</p>
      <h2 style={{ margin: 0, fontSize: '1.05rem' }}><Link to={`/listings/${listing?.id}`}>{listing?.title}</Link></h2>
      <p style={{ margin: 0 }}><Link to={`/organizations/${organization?.id}`}>{organization?.name}</Link></p>
      {contact ? (
        <dl className="facts" data-testid="match-contact">
          {contact.name && (<><dt>{common.contactName}</dt><dd>{contact.name}</dd></>)}
          {contact.email && (<><dt>{common.email}</dt><dd><a href={`mailto:${contact.email}`}>{contact.email}</a></dd></>)}
          {contact.phone && (<><dt>{common.phone}</dt><dd>{contact.phone}</dd></>)}
        </dl>
      ) : (
        <p className="muted">{text.contactAfterAcceptance}</p>
      )}
    </li>
  );
}
