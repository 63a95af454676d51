import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { commonTexts } from '../../lib/texts';
import { CheckInPanel } from './CheckInPanel';
import { useEvent } from './eventQueries';
import { formatEventWhen } from './eventTime';
import { currentLanguage } from '../../lib/i18n';
import { eventTexts } from './texts';

/** The check-in desk of an event (/events/:id/check-in), made for an organiser's phone at the door. */
export default function EventCheckIn() {
  const common = commonTexts();
  const text = eventTexts();
  const id = useParams().id!;
  const event = useEvent(id);
  const queryClient = useQueryClient();
  const e = event.data;
  if (event.error) return <ProblemMessage error={event.error} />;
  if (!e) return <p>{common.loading}</p>;
  const checkIn = async (code: string) => {
    const r = unwrap(await api.POST('/api/v1/events/{id}/check-ins', { params: { path: { id } }, body: { code } }));
    await queryClient.invalidateQueries({ queryKey: ['event', id] });
    // Someone already checked in is the API's 409 ("既に受付済みです"), shown as the problem.
    return { name: r.name ?? r.code, code: r.code };
  };
  return (
    <>
      <p><Link to={`/events/${id}`}>{e.title}</Link></p>
      <h1>{text.checkInHeading}</h1>
      <p className="muted">{formatEventWhen(e, currentLanguage())}</p>
      <CheckInPanel attended={e.counts.attended} registered={e.counts.registered} onCheckIn={checkIn} />
      <p><Link to={`/events/${id}/registrations`}>{text.registrations}</Link></p>
    </>
  );
}
