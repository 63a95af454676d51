import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { useMe } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { commonTexts } from '../../lib/texts';
import { useAreas } from '../../lib/vocabulary';
import { useEvent } from './eventQueries';
import { mapUrl, organizerActions, seatsText } from './eventDisplay';
import { formatEventWhen } from './eventTime';
import { MyRegistration, RegisterForm } from './Registration';
import { eventTexts } from './texts';
import type { EventView } from './types';

/**
 * An event: when and where (Japan time), the fee and seats, who organises it, what it is for,
 * and registering — or, once registered, my code and its QR, and cancelling. Organisers also get
 * their tools: edit, publish, registrations, check-in, cancel with a reason, close with a report.
 */
export default function EventPage() {
  const common = commonTexts();
  const text = eventTexts();
  const id = useParams().id!;
  const query = useEvent(id);
  const { data: me } = useMe();
  const e = query.data;
  const areas = useAreas(e?.municipalityCode ?? '');
  if (query.error) return <ProblemMessage error={query.error} />;
  if (!e) return <p>{common.loading}</p>;
  const areaName = (areaId: string) => areas.data?.items.find((a) => a.id === areaId)?.name ?? areaId;
  const map = mapUrl(e.venue);
  return (
    <article>
      <p className="event-meta">
        <span className="badge">{e.kindLabel}</span> <span className="badge">{e.statusLabel}</span>{' '}
        <span className="muted">{e.fiscalYearLabel}</span>
      </p>
      <h1>{e.title}</h1>
      {e.titleKana && <p className="muted">{e.titleKana}</p>}
      {e.status === 'CANCELLED' && <p className="alert">{text.cancelledBecause(e.cancellationReason ?? '')}</p>}
      <dl className="facts">
        <dt>{text.when}</dt>
        <dd className="event-when">{formatEventWhen(e, currentLanguage())}</dd>
        {e.mode !== 'ONLINE' && e.venue && (
          <>
            <dt>{text.where}</dt>
            <dd>
              {e.venue.name}
              {e.venue.address && <><br />{e.venue.address}{e.venue.addressDetail && ` ${e.venue.addressDetail}`}</>}
              {map && <><br /><a href={map} rel="noopener noreferrer">{text.map}</a></>}
            </dd>
            {e.venue.access && <><dt>{text.access}</dt><dd>{e.venue.access}</dd></>}
            {e.venue.parking && <><dt>{text.parking}</dt><dd>{e.venue.parking}</dd></>}
          </>
        )}
        {e.mode !== 'IN_PERSON' && (
          <>
            <dt>{text.online}</dt>
            <dd>{e.onlineUrl ? <a href={e.onlineUrl} rel="noopener noreferrer">{e.onlineUrl}</a> : <span className="muted">{text.onlineHidden}</span>}</dd>
          </>
        )}
        <dt>{text.fee}</dt>
        <dd>{e.fee.free ? text.free : text.yen(e.fee.amountYen ?? 0)}{e.fee.note && `（${e.fee.note}）`}</dd>
        <dt>{text.capacity}</dt>
        <dd>{seatsText(e)}</dd>
        <dt>{text.organizer}</dt>
        <dd>{e.organizationId ? <Link to={`/organizations/${e.organizationId}`}>{e.organizerName}</Link> : e.organizerName}</dd>
        {e.coOrganizers.length > 0 && (
          <>
            <dt>{text.coOrganizers}</dt>
            <dd>{e.coOrganizers.map((o, i) => <span key={o.id}>{i > 0 && '、'}<Link to={`/organizations/${o.id}`}>{o.name}</Link></span>)}</dd>
          </>
        )}
        {(e.registrationOpensAt || e.registrationClosesAt) && (
          <>
            <dt>{text.registrationPeriod}</dt>
            <dd>{formatDateTime(e.registrationOpensAt)} 〜 {formatDateTime(e.registrationClosesAt)}</dd>
          </>
        )}
        {e.themeLabels.length > 0 && (
          <>
            <dt>{common.themes}</dt>
            <dd><ul className="chips">{e.themeLabels.map((t) => <li className="chip" key={t}>{t}</li>)}</ul></dd>
          </>
        )}
        <dt>{text.area}</dt>
        <dd>{e.areaIds.length ? e.areaIds.map(areaName).join('、') : text.cityWide}</dd>
        {e.contact && (e.contact.name || e.contact.phone) && (
          <>
            <dt>{text.contact}</dt>
            <dd>
              {e.contact.name} {e.contact.phone}
              {e.contact.extension && `（${text.extension} ${e.contact.extension}）`}
            </dd>
          </>
        )}
      </dl>
      {e.description && <p className="pre-line">{e.description}</p>}
      <p><a href={`/api/v1/events/${e.id}.ics`} download>{text.addToCalendar}</a></p>

      {(e.projects.length > 0 || e.planItems.length > 0) && (
        <>
          {e.projects.length > 0 && (
            <>
              <h2>{text.projects}</h2>
              <ul>{e.projects.map((p) => <li key={p.id}><Link to={`/projects/${p.id}`}>{p.title}</Link></li>)}</ul>
            </>
          )}
          {e.planItems.length > 0 && (
            <>
              <h2>{text.planItems}</h2>
              <ul>{e.planItems.map((p) => <li key={p.id}>{p.title}</li>)}</ul>
            </>
          )}
        </>
      )}

      {e.report && <Report event={e} />}
      {e.publicParticipants.length > 0 && (
        <>
          <h2>{text.publicParticipants}</h2>
          <p>{e.publicParticipants.join('、')}</p>
        </>
      )}

      <RegistrationSection event={e} signedIn={!!me} />
      {e.organizer && <OrganizerTools event={e} />}
    </article>
  );
}

function Report({ event: e }: { event: EventView }) {
  const text = eventTexts();
  const r = e.report!;
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{text.report}</h2>
      <dl className="facts">
        <dt>{text.attendees}</dt><dd>{text.people(r.attendeeCount)}</dd>
        <dt>{text.walkIns}</dt><dd>{text.people(r.walkIns)}</dd>
        <dt>{text.totalParticipants}</dt><dd>{text.people(r.totalParticipants)}</dd>
        {r.organizations.length > 0 && (
          <>
            <dt>{text.participatingOrganizations}</dt>
            <dd>{r.organizations.map((o, i) => <span key={o.id}>{i > 0 && '、'}<Link to={`/organizations/${o.id}`}>{o.name}</Link></span>)}</dd>
          </>
        )}
        {r.followUpProjects.length > 0 && (
          <>
            <dt>{text.followUpProjects}</dt>
            <dd>{r.followUpProjects.map((p, i) => <span key={p.id}>{i > 0 && '、'}<Link to={`/projects/${p.id}`}>{p.title}</Link></span>)}</dd>
          </>
        )}
      </dl>
      {r.publicSummary && <p className="pre-line">{r.publicSummary}</p>}
      {r.summary && (
        <>
          <h3>{text.summary}</h3>
          <p className="pre-line">{r.summary}</p>
        </>
      )}
    </section>
  );
}

function RegistrationSection({ event: e, signedIn }: { event: EventView; signedIn: boolean }) {
  const text = eventTexts();
  if (e.myRegistrationId) return <MyRegistration event={e} registrationId={e.myRegistrationId} />;
  if (e.status !== 'PUBLISHED') return null;
  if (!e.registrationOpen) return <p className="notice">{text.registrationClosed}</p>;
  return <RegisterForm event={e} signedIn={signedIn} />;
}

function OrganizerTools({ event: e }: { event: EventView }) {
  const text = eventTexts();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const can = organizerActions(e);
  const [problem, setProblem] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const refresh = async (saved?: EventView) => {
    if (saved) queryClient.setQueryData(['event', e.id], saved);
    await queryClient.invalidateQueries({ queryKey: ['event', e.id] });
    await queryClient.invalidateQueries({ queryKey: ['events'] });
  };
  const run = async (action: () => Promise<EventView | undefined>, message: string) => {
    setProblem(undefined);
    setDone(undefined);
    setBusy(true);
    try {
      await refresh(await action());
      setDone(message);
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(false);
    }
  };
  const publish = () =>
    run(async () => unwrap(await api.POST('/api/v1/events/{id}/publication', { params: { path: { id: e.id } } })), text.published);
  const cancel = (ev: FormEvent) => {
    ev.preventDefault();
    if (reason.trim() === '') {
      setReasonError(text.enterReason);
      return;
    }
    setReasonError(undefined);
    void run(async () => unwrap(await api.POST('/api/v1/events/{id}/cancellation', {
      params: { path: { id: e.id } },
      body: { reason: reason.trim() },
    })), text.eventCancelled);
  };
  const deleteDraft = async () => {
    setProblem(undefined);
    try {
      unwrap(await api.DELETE('/api/v1/events/{id}', { params: { path: { id: e.id }, header: { 'If-Match': `"${e.version}"` } } }));
      await queryClient.invalidateQueries({ queryKey: ['events'] });
      await navigate(`/m/${e.municipalityCode}/events`);
    } catch (err) {
      setProblem(err);
    }
  };
  return (
    <section aria-labelledby="organizer-heading">
      <h2 id="organizer-heading">{text.organizerTools}</h2>
      <div role="status">{done && <p className="notice">{done}</p>}</div>
      <ProblemMessage error={problem} />
      <p className="view-switch">
        {can.edit && <Link className="button secondary" to={`/events/${e.id}/edit`}>{text.editEvent}</Link>}
        {can.registrations && <Link className="button secondary" to={`/events/${e.id}/registrations`}>{text.registrations}</Link>}
        {can.checkIn && <Link className="button secondary" to={`/events/${e.id}/check-in`}>{text.checkIn}</Link>}
        {can.close && <Link className="button" to={`/events/${e.id}/close`}>{text.closeEvent}</Link>}
        {can.publish && <button type="button" disabled={busy} onClick={() => void publish()}>{text.publish}</button>}
        {can.deleteDraft && <button type="button" className="secondary" onClick={() => void deleteDraft()}>{text.deleteDraft}</button>}
      </p>
      {can.cancel && (
        <form onSubmit={cancel} noValidate>
          <h3>{text.cancelEvent}</h3>
          <label htmlFor="cancel-reason">{text.cancelReason}</label>
          <textarea
            id="cancel-reason"
            value={reason}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? 'cancel-reason-error' : undefined}
            onChange={(ev) => setReason(ev.target.value)}
          />
          <FieldError id="cancel-reason-error" message={reasonError} />
          <p><button type="submit" className="secondary" disabled={busy}>{text.confirmCancelEvent}</button></p>
        </form>
      )}
    </section>
  );
}
