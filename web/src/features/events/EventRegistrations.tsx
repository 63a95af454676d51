import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { formatDateTime } from '../../lib/format';
import { commonTexts } from '../../lib/texts';
import { useEvent, useRegistrations } from './eventQueries';
import { eventTexts } from './texts';
import type { Answer, EventView, RegistrationView } from './types';

/** What a registrant answered, as one line: 年代: 20代 / 写真撮影に同意する: ✓ */
export function answersText(event: Pick<EventView, 'questions'>, answers: readonly Answer[]): string {
  return answers
    .map((a) => {
      const label = event.questions.find((q) => q.key === a.key)?.label ?? a.key;
      const value = a.text ?? (a.choices?.length ? a.choices.join('、') : a.checked === true ? '✓' : a.checked === false ? '—' : '');
      return `${label}: ${value}`;
    })
    .join(' / ');
}

/**
 * An event's registrations, for its organisers: who holds a seat, the waitlist in the order it
 * is promoted, checking someone in by hand, and the list as CSV for Excel.
 */
export default function EventRegistrations() {
  const common = commonTexts();
  const text = eventTexts();
  const id = useParams().id!;
  const event = useEvent(id);
  const registrations = useRegistrations(id, event.data?.organizer === true);
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<unknown>();
  const e = event.data;
  if (event.error) return <ProblemMessage error={event.error} />;
  if (!e) return <p>{common.loading}</p>;
  const all = registrations.data?.items ?? [];
  const holders = all.filter((r) => r.status === 'REGISTERED' || r.status === 'ATTENDED');
  const waitlist = all.filter((r) => r.status === 'WAITLISTED').sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const cancelled = all.filter((r) => r.status === 'CANCELLED');
  const markAttended = async (r: RegistrationView) => {
    setProblem(undefined);
    try {
      unwrap(await api.POST('/api/v1/events/{id}/check-ins', { params: { path: { id } }, body: { registrationId: r.id } }));
      await queryClient.invalidateQueries({ queryKey: ['event', id] });
    } catch (err) {
      setProblem(err);
    }
  };
  const table = (rows: RegistrationView[], withPosition: boolean, caption: string) => (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {withPosition && <th scope="col">{text.position}</th>}
            <th scope="col">{text.name}</th>
            <th scope="col">{common.status}</th>
            <th scope="col">{text.code}</th>
            <th scope="col">{text.answers}</th>
            <th scope="col">{text.registeredAt}</th>
            {!withPosition && <th scope="col"><span className="visually-hidden">{text.checkIn}</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="registration">
              {withPosition && <td className="num">{r.waitlistPosition}</td>}
              <td>{r.name ?? '—'}{r.guest && <> <span className="badge">{text.guest}</span></>}{r.email && <><br /><span className="muted">{r.email}</span></>}</td>
              <td>{r.statusLabel}{r.checkedInAt && <><br /><span className="muted">{formatDateTime(r.checkedInAt)}</span></>}</td>
              <td className="nowrap">{r.code}</td>
              <td>{answersText(e, r.answers)}</td>
              <td className="nowrap">{formatDateTime(r.createdAt)}</td>
              {!withPosition && (
                <td>
                  {r.status === 'REGISTERED' && e.status === 'PUBLISHED' && (
                    <button type="button" className="secondary" onClick={() => void markAttended(r)}>
                      {text.markAttended}<span className="visually-hidden">: {r.name ?? r.code}</span>
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      <p><Link to={`/events/${id}`}>{e.title}</Link></p>
      <h1>{text.registrations}</h1>
      <p>
        {text.registeredCount(e.counts.registered, e.counts.waitlisted)}・{text.attendedOf(e.counts.attended, e.counts.registered)}
      </p>
      <p className="view-switch">
        <a className="button secondary" href={`/api/v1/events/${id}/registrations.csv`} download>{text.downloadCsv}</a>
        {e.status === 'PUBLISHED' && <Link className="button secondary" to={`/events/${id}/check-in`}>{text.checkIn}</Link>}
      </p>
      <ProblemMessage error={registrations.error ?? problem} />
      <h2>{text.seatHolders}</h2>
      {holders.length === 0 ? <p className="muted">{text.noRegistrants}</p> : table(holders, false, text.seatHolders)}
      <h2>{text.waitlist}</h2>
      {waitlist.length === 0 ? <p className="muted">{text.noWaitlist}</p> : table(waitlist, true, text.waitlist)}
      {cancelled.length > 0 && (
        <>
          <h2>{text.registrationStatuses.CANCELLED}</h2>
          {table(cancelled, false, text.registrationStatuses.CANCELLED)}
        </>
      )}
    </>
  );
}
