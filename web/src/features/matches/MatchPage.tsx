import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { t } from '../../lib/i18n';
import { tx } from '../projects/texts';

type Action = 'acceptance' | 'declination' | 'withdrawal' | 'fulfilment';

/**
 * A match between a NEED and a HAVE: why it fits, where it stands, and what each side may do
 * next. Contact details appear only once both sides have agreed.
 */
export default function MatchPage() {
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
      queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
  if (query.error) return <ProblemMessage error={query.error} />;
  const m = query.data;
  if (!m) return <p>{t('loading')}</p>;
  const mine = new Set(m.mySides ?? []);
  const proposer = m.proposedSide ? mine.has(m.proposedSide as 'HAVE' | 'NEED') : false;
  const responder = m.status === 'PROPOSED' && mine.size > 0 && !proposer;
  return (
    <article>
      <h1>{t('match')}: {m.need?.title} × {m.have?.title}</h1>
      <p><span className="badge">{m.statusLabel}</span> <span className="muted">{t('score')} {Math.round((m.score ?? 0) * 100)}</span></p>
      <ul className="chips" aria-label={t('reasons')}>{m.reasons?.map((r) => <li className="chip" key={r.code}>{r.label}</li>)}</ul>
      {m.message && <p><strong>{t('proposalMessage')}:</strong> {m.message}</p>}
      <ul className="cards">
        <Side title={t('needLong')} listing={m.need} organization={m.needOrganization} contact={m.needContact} />
        <Side title={t('haveLong')} listing={m.have} organization={m.haveOrganization} contact={m.haveContact} />
      </ul>
      <ProblemMessage error={act.error} />
      {(responder || (m.status === 'ACCEPTED' && mine.size > 0) || (m.status === 'PROPOSED' && proposer)) && (
        <section>
          <h2>{t('nextStep')}</h2>
          {responder && (
            <>
              <label htmlFor="note">{t('note')}</label>
              <input id="note" value={note} onChange={(e) => setNote(e.target.value)} />
              <p>
                <button type="button" onClick={() => act.mutate('acceptance')} disabled={act.isPending}>{t('accept')}</button>{' '}
                <button type="button" className="secondary" onClick={() => act.mutate('declination')} disabled={act.isPending}>{t('decline')}</button>
              </p>
            </>
          )}
          {m.status === 'PROPOSED' && proposer && (
            <button type="button" className="secondary" onClick={() => act.mutate('withdrawal')} disabled={act.isPending}>{t('withdraw')}</button>
          )}
          {m.status === 'ACCEPTED' && (
            <>
              <button type="button" onClick={() => act.mutate('fulfilment')} disabled={act.isPending}>{t('fulfil')}</button>{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => navigate(`/m/${m.municipalityCode}/projects/new?fromMatchId=${encodeURIComponent(m.id!)}`)}
              >
                {tx('fromMatch')}
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
  return (
    <li className="card">
      <p className="muted" style={{ margin: 0 }}>{title}</p>
      <h2 style={{ margin: 0, fontSize: '1.05rem' }}><Link to={`/listings/${listing?.id}`}>{listing?.title}</Link></h2>
      <p style={{ margin: 0 }}><Link to={`/organizations/${organization?.id}`}>{organization?.name}</Link></p>
      {contact ? (
        <dl className="facts" data-testid="match-contact">
          {contact.name && (<><dt>{t('contactName')}</dt><dd>{contact.name}</dd></>)}
          {contact.email && (<><dt>{t('email')}</dt><dd><a href={`mailto:${contact.email}`}>{contact.email}</a></dd></>)}
          {contact.phone && (<><dt>{t('phone')}</dt><dd>{contact.phone}</dd></>)}
        </dl>
      ) : (
        <p className="muted">{t('contactAfterAcceptance')}</p>
      )}
    </li>
  );
}
