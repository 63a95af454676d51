import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { currentLanguage } from '../../lib/i18n';
import { formatEventWhen } from './eventTime';
import { eventTexts } from './texts';

/** The events I registered for, on my page: when, what, and where I stand (registered, waitlisted, attended). */
export function MyRegistrations() {
  const text = eventTexts();
  const registrations = useQuery({
    queryKey: ['me', 'registrations'],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/registrations', { params: { query: { size: 50 } } })),
  });
  return (
    <section aria-labelledby="my-registrations-heading">
      <h2 id="my-registrations-heading">{text.myRegistrations}</h2>
      <ProblemMessage error={registrations.error} />
      {registrations.data?.items.length === 0 && <p className="muted">{text.noRegistrations}</p>}
      <ul>
        {registrations.data?.items.map((r) => (
          <li key={r.id}>
            <Link to={`/events/${r.eventId}`}>{r.eventTitle}</Link>{' '}
            <span className="muted">{formatEventWhen({ startsAt: r.eventStartsAt }, currentLanguage())}</span>{' '}
            <span className="badge">{r.statusLabel}</span>
            {r.status === 'WAITLISTED' && r.waitlistPosition && <> {text.waitlistPosition(r.waitlistPosition)}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
