import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { signInUrl } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { commonTexts } from '../../lib/texts';
import { eventTexts } from './texts';
import { type AnswerValues, type GuestValues, toAnswers, validateRegistration } from './registrationForm';
import type { EventView, Question, RegistrationView } from './types';

/** The QR image of a check-in code, as the API draws it (SVG), shown as an image. */
export function QrCode({ registration: r }: { registration: Pick<RegistrationView, 'code' | 'qrSvg'> }) {
  const text = eventTexts();
  if (!r.qrSvg) return null;
  const src = r.qrSvg.trimStart().startsWith('<') ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(r.qrSvg)}` : r.qrSvg;
  return <img className="qr" src={src} alt={text.qrOf(r.code)} width={192} height={192} />;
}

/** A registration as its registrant sees it: the status, the place on the waitlist, the code and its QR. */
function RegistrationDetails({ registration: r }: { registration: RegistrationView }) {
  const text = eventTexts();
  return (
    <>
      <p>
        <span className="badge" data-testid="my-registration-status">{r.statusLabel}</span>{' '}
        {r.status === 'WAITLISTED' && r.waitlistPosition !== null && r.waitlistPosition !== undefined && text.waitlistPosition(r.waitlistPosition)}
        {r.checkedInAt && text.checkedInAt(formatDateTime(r.checkedInAt))}
      </p>
      {r.status !== 'CANCELLED' && (
        <>
          <p>{text.myCode}: <span className="code-text" data-testid="my-code">{r.code}</span></p>
          <QrCode registration={r} />
          <p className="muted">{text.myCodeNote}</p>
        </>
      )}
    </>
  );
}

/** The signed-in person's registration for this event: what it is, and cancelling it. */
export function MyRegistration({ event: e, registrationId }: { event: EventView; registrationId: string }) {
  const text = eventTexts();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<unknown>();
  const [confirming, setConfirming] = useState(false);
  const query = useQuery({
    queryKey: ['event', e.id, 'registration', registrationId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/events/{id}/registrations/{registrationId}', { params: { path: { id: e.id, registrationId } } })),
  });
  const cancel = async () => {
    setProblem(undefined);
    try {
      unwrap(await api.DELETE('/api/v1/events/{id}/registrations/{registrationId}', { params: { path: { id: e.id, registrationId } } }));
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: ['event', e.id] });
      await queryClient.invalidateQueries({ queryKey: ['me', 'registrations'] });
    } catch (err) {
      setProblem(err);
    }
  };
  const r = query.data;
  const canCancel = r && (r.status === 'REGISTERED' || r.status === 'WAITLISTED') && e.status === 'PUBLISHED';
  return (
    <section aria-labelledby="my-registration-heading">
      <h2 id="my-registration-heading">{text.myRegistration}</h2>
      <ProblemMessage error={query.error ?? problem} />
      {r && <RegistrationDetails registration={r} />}
      {canCancel && !confirming && (
        <p><button type="button" className="secondary" onClick={() => setConfirming(true)}>{text.cancelRegistration}</button></p>
      )}
      {canCancel && confirming && (
        <div className="notice" role="group" aria-labelledby="confirm-cancel">
          <p id="confirm-cancel">{text.confirmCancelRegistration}</p>
          <button type="button" onClick={() => void cancel()}>{text.cancelRegistration}</button>{' '}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>{text.back}</button>
        </div>
      )}
    </section>
  );
}

/** The extra questions of an event as inputs, each with its error beside it. */
function QuestionInputs({ questions, values, errors, onChange }: {
  questions: readonly Question[];
  values: AnswerValues;
  errors: Record<string, string>;
  onChange: (key: string, value: AnswerValues[string]) => void;
}) {
  const common = commonTexts();
  return (
    <>
      {questions.map((q) => {
        const id = `answer-${q.key}`;
        const error = errors[`answer.${q.key}`];
        const described = error ? `${id}-error` : undefined;
        const label = <>{q.label}{q.required && <span className="muted"> （{common.required}）</span>}</>;
        switch (q.kind) {
          case 'TEXT':
            return (
              <div key={q.key}>
                <label htmlFor={id}>{label}</label>
                <textarea id={id} value={(values[q.key] as string | undefined) ?? ''} aria-invalid={error ? true : undefined}
                  aria-describedby={described} onChange={(ev) => onChange(q.key, ev.target.value)} />
                <FieldError id={`${id}-error`} message={error} />
              </div>
            );
          case 'CHECKBOX':
            return (
              <div key={q.key}>
                <label className="inline">
                  <input type="checkbox" id={id} checked={values[q.key] === true} aria-invalid={error ? true : undefined}
                    aria-describedby={described} onChange={(ev) => onChange(q.key, ev.target.checked)} />
                  {label}
                </label>
                <FieldError id={`${id}-error`} message={error} />
              </div>
            );
          default: {
            const multiple = q.kind === 'MULTIPLE_CHOICE';
            const chosen = values[q.key];
            return (
              <fieldset key={q.key} className="radios" aria-describedby={described}>
                <legend>{label}</legend>
                {(q.options ?? []).map((option, i) => (
                  <label key={option}>
                    <input
                      type={multiple ? 'checkbox' : 'radio'}
                      name={id}
                      id={`${id}-${i}`}
                      checked={multiple ? Array.isArray(chosen) && chosen.includes(option) : chosen === option}
                      onChange={(ev) => {
                        if (!multiple) return onChange(q.key, option);
                        const list = Array.isArray(chosen) ? chosen : [];
                        onChange(q.key, ev.target.checked ? [...list, option] : list.filter((o) => o !== option));
                      }}
                    />
                    {option}
                  </label>
                ))}
                <FieldError id={`${id}-error`} message={error} />
              </fieldset>
            );
          }
        }
      })}
    </>
  );
}

/**
 * Registering: a signed-in person answers the extra questions and chooses whether to show their
 * participation; where the event allows it, a guest gives a name and an e-mail instead of signing in.
 */
export function RegisterForm({ event: e, signedIn }: { event: EventView; signedIn: boolean }) {
  const common = commonTexts();
  const text = eventTexts();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<AnswerValues>({});
  const [guest, setGuest] = useState<GuestValues>({ name: '', email: '' });
  const [showPublicly, setShowPublicly] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // A guest has no account to find the registration by later: it is shown here once made.
  const [guestRegistration, setGuestRegistration] = useState<RegistrationView>();
  const asGuest = !signedIn;

  if (guestRegistration) {
    return (
      <section aria-labelledby="my-registration-heading">
        <h2 id="my-registration-heading">{text.myRegistration}</h2>
        <p role="status" className="notice">{guestRegistration.status === 'WAITLISTED'
          ? text.waitlisted(guestRegistration.waitlistPosition ?? 0)
          : text.registered}</p>
        <RegistrationDetails registration={guestRegistration} />
      </section>
    );
  }
  if (asGuest && !e.guestsAllowed) {
    return <p className="notice"><a href={signInUrl()}>{text.signInToRegister}</a></p>;
  }

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setProblem(undefined);
    const found = validateRegistration(e.questions, values, asGuest ? guest : undefined);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const saved = unwrap(await api.POST('/api/v1/events/{id}/registrations', {
        params: { path: { id: e.id } },
        body: {
          guest: asGuest ? { name: guest.name.trim(), email: guest.email.trim() } : undefined,
          answers: toAnswers(e.questions, values),
          showPublicly,
        },
      }));
      if (asGuest) setGuestRegistration(saved);
      await queryClient.invalidateQueries({ queryKey: ['event', e.id] });
      await queryClient.invalidateQueries({ queryKey: ['me', 'registrations'] });
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) setErrors(err.fieldErrors());
      setProblem(err);
    } finally {
      setBusy(false);
    }
  };
  const guestInput = (field: keyof GuestValues, label: string, type: string) => {
    const key = `guest.${field}`;
    return (
      <div>
        <label htmlFor={`guest-${field}`}>{label}<span className="muted"> （{common.required}）</span></label>
        <input id={`guest-${field}`} type={type} value={guest[field]} autoComplete={field === 'name' ? 'name' : 'email'}
          aria-invalid={errors[key] ? true : undefined} aria-describedby={errors[key] ? `guest-${field}-error` : undefined}
          onChange={(ev) => setGuest({ ...guest, [field]: ev.target.value })} />
        <FieldError id={`guest-${field}-error`} message={errors[key]} />
      </div>
    );
  };
  return (
    <section aria-labelledby="register-heading">
      <h2 id="register-heading">{asGuest ? text.registerAsGuest : text.registerHeading}</h2>
      {(e.counts.seatsLeft === 0) && <p className="notice">{text.full}</p>}
      {asGuest && <p><a href={signInUrl()}>{text.signInToRegister}</a></p>}
      <ProblemMessage error={problem} />
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        {asGuest && guestInput('name', text.guestName, 'text')}
        {asGuest && guestInput('email', text.guestEmail, 'email')}
        <QuestionInputs questions={e.questions} values={values} errors={errors}
          onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))} />
        {!asGuest && (
          <label className="inline">
            <input type="checkbox" checked={showPublicly} onChange={(ev) => setShowPublicly(ev.target.checked)} />
            {text.showPublicly}
          </label>
        )}
        <p><button type="submit" disabled={busy}>{text.register}</button></p>
      </form>
    </section>
  );
}
