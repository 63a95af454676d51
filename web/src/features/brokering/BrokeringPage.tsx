import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { isStaffOf, signInUrl, useMe } from '../../lib/auth';
import { useMunicipality } from '../../lib/municipality';
import { commonTexts } from '../../lib/texts';
import { brokeringTexts } from './texts';

/** The broker's screen: propose a need × have of two organisations, the liaison queue, progress, coordinators. */
export default function BrokeringPage() {
  const common = commonTexts();
  const text = brokeringTexts();
  const code = useParams().code!;
  const municipality = useMunicipality(code);
  const { data: me, isPending } = useMe();
  const staff = isStaffOf(me, code);
  const coordinators = useQuery({
    queryKey: ['coordinators', code],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/coordinators', { params: { path: { code }, query: { size: 100 } } })),
  });
  const coordinatorIds = new Set(coordinators.data?.items.map((c) => c.organization.id));
  const coordinator = (me?.organizations ?? []).some((o) => coordinatorIds.has(o.organizationId));
  if (isPending || coordinators.isPending) return <p>{common.loading}</p>;
  if (!me) return <p><a href={signInUrl()}>{common.signIn}</a></p>;
  return (
    <>
      <h1>{municipality.data?.name} {text.title}</h1>
      <p>{text.intro}</p>
      {!staff && !coordinator ? <p>{text.notBroker}</p> : (
        <>
          <ProposeForm code={code} />
          {staff && <Queue code={code} />}
          <Brokered code={code} />
          {staff && <Coordinators code={code} approved={coordinators.data?.items ?? []} />}
        </>
      )}
    </>
  );
}

function useOpenListings(code: string, kind: 'NEED' | 'HAVE') {
  return useQuery({
    queryKey: ['listings', code, { kind, status: 'OPEN' }, 'broker'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/listings', {
        params: { path: { code }, query: { kind, status: 'OPEN', size: 100 } },
      })),
  });
}

function ProposeForm({ code }: { code: string }) {
  const text = brokeringTexts();
  const queryClient = useQueryClient();
  const needs = useOpenListings(code, 'NEED');
  const haves = useOpenListings(code, 'HAVE');
  const [needId, setNeedId] = useState('');
  const [haveId, setHaveId] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>();
  const [made, setMade] = useState<Schemas['Match']>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setMade(undefined);
    try {
      setMade(unwrap(await api.POST('/api/v1/matches', { body: { needId, haveId, message: message || undefined } })));
      setMessage('');
      await queryClient.invalidateQueries({ queryKey: ['brokered', code] });
    } catch (err) {
      setError(err);
    }
  };
  const label = (l: Schemas['Listing']) => `${l.title}（${l.organizationName}）`;
  return (
    <section aria-labelledby="propose">
      <h2 id="propose">{text.propose}</h2>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <label htmlFor="broker-need">{text.need}</label>
        <select id="broker-need" required value={needId} onChange={(e) => setNeedId(e.target.value)}>
          <option value="">{text.choose}</option>
          {needs.data?.items.map((l) => <option key={l.id} value={l.id}>{label(l)}</option>)}
        </select>
        <label htmlFor="broker-have">{text.have}</label>
        <select id="broker-have" required value={haveId} onChange={(e) => setHaveId(e.target.value)}>
          <option value="">{text.choose}</option>
          {haves.data?.items.map((l) => <option key={l.id} value={l.id}>{label(l)}</option>)}
        </select>
        <label htmlFor="broker-message">{text.note}</label>
        <textarea id="broker-message" maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} />
        <p><button type="submit">{text.submit}</button></p>
      </form>
      <ProblemMessage error={error} />
      <p aria-live="polite">{made && <>{text.proposed}: <Link to={`/matches/${made.id}`}>{text.openMatch}</Link></>}</p>
    </section>
  );
}

function Queue({ code }: { code: string }) {
  const common = commonTexts();
  const text = brokeringTexts();
  const queryClient = useQueryClient();
  const [mine, setMine] = useState(false);
  const queue = useQuery({
    queryKey: ['brokering-queue', code, mine],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/brokering-queue', {
        params: { path: { code }, query: { mine: mine || undefined, size: 20 } },
      })),
  });
  const propose = useMutation({
    mutationFn: async (item: Schemas['BrokeringItem']) =>
      unwrap(await api.POST('/api/v1/matches', { body: { needId: item.need.id, haveId: item.have.id } })),
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: ['brokering-queue', code] }),
      queryClient.invalidateQueries({ queryKey: ['brokered', code] }),
    ]),
  });
  return (
    <section aria-labelledby="queue">
      <h2 id="queue">{text.queue}</h2>
      <p className="muted">{text.queueIntro}</p>
      <p>
        <input id="queue-mine" type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />{' '}
        <label htmlFor="queue-mine">{text.onlyMine}</label>
      </p>
      <ProblemMessage error={queue.error ?? propose.error} />
      {queue.data?.items.length === 0 && <p className="muted">{common.nothingFound}</p>}
      <ul className="cards">
        {queue.data?.items.map((item) => (
          <li className="card" key={item.matchId}>
            <p>
              <Link to={`/listings/${item.need.id}`}>{item.need.title}</Link>（{item.needOrganization.name}）
              {' × '}
              <Link to={`/listings/${item.have.id}`}>{item.have.title}</Link>（{item.haveOrganization.name}）
            </p>
            <p className="muted">{text.score(Math.round(item.score * 100))} ・ {text.waitingDays(item.daysWaiting)}</p>
            <button type="button" onClick={() => propose.mutate(item)} disabled={propose.isPending}>{text.proposeThis}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Brokered({ code }: { code: string }) {
  const common = commonTexts();
  const text = brokeringTexts();
  const brokered = useQuery({
    queryKey: ['brokered', code],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/brokered-matches', { params: { path: { code }, query: { size: 50 } } })),
  });
  const mark = (at: string | null | undefined) => (at ? text.accepted : text.waiting);
  return (
    <section aria-labelledby="brokered">
      <h2 id="brokered">{text.brokered}</h2>
      <ProblemMessage error={brokered.error} />
      {brokered.data?.items.length === 0 && <p className="muted">{common.nothingFound}</p>}
      <ul className="cards">
        {brokered.data?.items.map((item) => (
          <li className="card" key={item.matchId}>
            <p><Link to={`/matches/${item.matchId}`}>{item.need.title} × {item.have.title}</Link></p>
            <p>{item.needOrganization.name} × {item.haveOrganization.name}</p>
            <p><span className="badge">{item.statusLabel}</span>{' '}
              {item.status === 'PROPOSED' && text.acceptedBy(mark(item.needAcceptedAt), mark(item.haveAcceptedAt))}
            </p>
            <p className="muted">{item.broker?.organization?.name ?? item.broker?.kindLabel}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Coordinators({ code, approved }: { code: string; approved: Schemas['Coordinator'][] }) {
  const text = brokeringTexts();
  const queryClient = useQueryClient();
  const candidates = useQuery({
    queryKey: ['organizations', code, 'INTERMEDIARY'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/organizations', {
        params: { path: { code }, query: { type: 'INTERMEDIARY', size: 100 } },
      })),
  });
  const change = useMutation({
    mutationFn: async ({ id, approve }: { id: string; approve: boolean }) => approve
      ? unwrap(await api.PUT('/api/v1/organizations/{id}/coordinator', { params: { path: { id } } }))
      : unwrap(await api.DELETE('/api/v1/organizations/{id}/coordinator', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['coordinators', code] }),
  });
  const approvedIds = new Set(approved.map((c) => c.organization.id));
  return (
    <section aria-labelledby="coordinators">
      <h2 id="coordinators">{text.coordinators}</h2>
      <p className="muted">{text.coordinatorsIntro}</p>
      <ProblemMessage error={candidates.error ?? change.error} />
      <ul>
        {approved.map((c) => (
          <li key={c.organization.id}>
            <Link to={`/organizations/${c.organization.id}`}>{c.organization.name}</Link> <span className="badge">{text.approved}</span>{' '}
            <button type="button" className="secondary" onClick={() => change.mutate({ id: c.organization.id, approve: false })}>
              {text.revoke(c.organization.name)}
            </button>
          </li>
        ))}
      </ul>
      <h3>{text.candidates}</h3>
      <ul>
        {candidates.data?.items.filter((o) => !approvedIds.has(o.id)).map((o) => (
          <li key={o.id}>
            <Link to={`/organizations/${o.id}`}>{o.name}</Link>{' '}
            <button type="button" onClick={() => change.mutate({ id: o.id, approve: true })}>{text.approve(o.name)}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
