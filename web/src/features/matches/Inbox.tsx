import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { commonTexts } from '../../lib/texts';
import { matchTexts } from './texts';

/** The signed-in person's notifications: proposals, answers, strong suggestions. */
export default function Inbox() {
  const common = commonTexts();
  const text = matchTexts();
  const queryClient = useQueryClient();
  const inbox = useQuery({
    queryKey: ['notifications'],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/notifications', { params: { query: { size: 50 } } })),
  });
  const markRead = useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  return (
    <>
      <h1>{common.inbox}</h1>
      <ProblemMessage error={inbox.error ?? markRead.error} />
      {inbox.data?.items?.length === 0 && <p>{common.nothingFound}</p>}
      <ul className="cards">
        {inbox.data?.items?.map((n) => (
          <li className="card" key={n.id} style={n.read ? undefined : { borderColor: 'var(--brand)', borderWidth: 2 }}>
            <p style={{ margin: 0 }}>
              <span className="badge">{n.read ? text.read : text.unread}</span> <span className="muted">{n.kindLabel}</span>
            </p>
            <p>
              {n.matchId ? <Link to={`/matches/${n.matchId}`} onClick={() => !n.read && markRead.mutate(n.id)}>{n.message}</Link>
                : n.listingId ? <Link to={`/listings/${n.listingId}`}>{n.message}</Link>
                : n.kind === 'MESSAGE_RECEIVED' && n.organizationId
                  ? <Link to={`/organizations/${n.organizationId}#messages`} onClick={() => !n.read && markRead.mutate(n.id)}>{n.message}</Link>
                : n.kind === 'MESSAGE_REPLIED'
                  ? <Link to="/me#messages" onClick={() => !n.read && markRead.mutate(n.id)}>{n.message}</Link>
                : n.message}
            </p>
            {!n.read && (
              <button type="button" className="secondary" onClick={() => markRead.mutate(n.id)}>
                {text.markRead}<span className="skip">: {n.message}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
