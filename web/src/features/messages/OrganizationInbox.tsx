import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { MessageThread } from './MessageThread';
import { messageTexts } from './texts';

/** The organisation's inbox, for its members and the municipality's staff. */
export function OrganizationInbox({ organizationId }: { organizationId: string }) {
  const text = messageTexts();
  const inbox = useQuery({
    queryKey: ['messages', 'organization', organizationId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/organizations/{id}/messages', { params: { path: { id: organizationId }, query: { size: 50 } } })),
  });
  return (
    <section id="messages" aria-labelledby="organization-inbox">
      <h2 id="organization-inbox">{text.organizationInbox}</h2>
      <ProblemMessage error={inbox.error} />
      {inbox.data?.items?.length === 0 && <p className="muted">{text.noMessages}</p>}
      <ul className="cards">
        {inbox.data?.items?.map((m) => <MessageThread key={m.id} message={m} />)}
      </ul>
    </section>
  );
}
