import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { MessageThread } from './MessageThread';
import { messageTexts } from './texts';

/** The messages the signed-in person sent to organisations, with the answers. */
export function MyMessages() {
  const text = messageTexts();
  const mine = useQuery({
    queryKey: ['messages', 'mine'],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/messages', { params: { query: { size: 50 } } })),
  });
  return (
    <section id="messages" aria-labelledby="my-messages">
      <h2 id="my-messages">{text.myMessages}</h2>
      <ProblemMessage error={mine.error} />
      {mine.data?.items?.length === 0 && <p className="muted">{text.noMessages}</p>}
      <ul className="cards">
        {mine.data?.items?.map((m) => <MessageThread key={m.id} message={m} showOrganization />)}
      </ul>
    </section>
  );
}
