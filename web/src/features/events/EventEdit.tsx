import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, ifMatch, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { isStaffOf, signInUrl, useMe } from '../../lib/auth';
import { commonTexts } from '../../lib/texts';
import { useAreas, useThemes } from '../../lib/vocabulary';
import { emptyEventForm, type EventFormValues, formFromEvent, newQuestionKey, type QuestionFormValues, toEventWrite, validateEvent } from './eventForm';
import { eventQuery } from './eventQueries';
import { eventKinds } from './eventSearch';
import { eventTexts } from './texts';
import type { EventView, QuestionKind } from './types';

/** Create an event (/m/:code/events/new) or edit one (/events/:id/edit). */
export default function EventEdit() {
  const common = commonTexts();
  const { code, id } = useParams();
  const { data: me, isPending } = useMe();
  const existing = useQuery({ ...eventQuery(id ?? ''), enabled: !!id });
  if (!isPending && !me) return <p><a href={signInUrl()}>{common.signIn}</a></p>;
  if (!id) return <EventForm code={code!} />;
  if (existing.error) return <ProblemMessage error={existing.error} />;
  if (!existing.data) return <p>{common.loading}</p>;
  return <EventForm key={existing.data.id} code={existing.data.municipalityCode} event={existing.data} />;
}

const questionKinds: readonly QuestionKind[] = ['TEXT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'CHECKBOX'];

function EventForm({ code, event }: { code: string; event?: EventView }) {
  const common = commonTexts();
  const text = eventTexts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const themes = useThemes();
  const areas = useAreas(code);
  const organizations = useQuery({
    queryKey: ['organizations', code, 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/organizations', { params: { path: { code }, query: { size: 100 } } })),
  });
  const projects = useQuery({
    queryKey: ['projects', code, 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/projects', { params: { path: { code }, query: { size: 100 } } })),
  });
  const isStaff = isStaffOf(me, code);
  const mine = (me?.organizations ?? []).filter((o) => o.municipalityCode === code && o.organizationStatus === 'ACTIVE');
  const [values, setValues] = useState<EventFormValues>(() =>
    event ? formFromEvent(event) : { ...emptyEventForm, organizationId: isStaff ? '' : (mine[0]?.organizationId ?? '') },
  );
  const [version, setVersion] = useState(event?.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  if (!event && !isStaff && mine.length === 0) return <p className="notice">{text.noOrganization}</p>;

  const set = <K extends keyof EventFormValues>(field: K, value: EventFormValues[K]) => setValues((v) => ({ ...v, [field]: value }));
  const toggle = (field: 'themes' | 'areaIds' | 'coOrganizerIds' | 'projectIds', key: string) =>
    setValues((v) => ({ ...v, [field]: v[field].includes(key) ? v[field].filter((k) => k !== key) : [...v[field], key] }));
  const setQuestion = (i: number, change: Partial<QuestionFormValues>) =>
    setValues((v) => ({ ...v, questions: v.questions.map((q, j) => (j === i ? { ...q, ...change } : q)) }));
  const addQuestion = () =>
    setValues((v) => ({ ...v, questions: [...v.questions, { key: newQuestionKey(v.questions), kind: 'TEXT', label: '', options: '', required: false }] }));
  const removeQuestion = (i: number) => setValues((v) => ({ ...v, questions: v.questions.filter((_, j) => j !== i) }));

  const reloadLatest = async () => {
    if (!event) return;
    try {
      const latest = await queryClient.fetchQuery(eventQuery(event.id));
      setValues(formFromEvent(latest));
      setVersion(latest.version);
      setErrors({});
      setProblem(undefined);
    } catch (err) {
      setProblem(err);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const found = validateEvent(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(Object.keys(found)[0]!.replace(/\W/g, '-'))?.focus();
      return;
    }
    setSaving(true);
    try {
      const body = toEventWrite(values);
      const saved = event && version !== undefined
        ? unwrap(await api.PUT('/api/v1/events/{id}', { params: { path: { id: event.id }, header: ifMatch(version) }, body }))
        : unwrap(await api.POST('/api/v1/municipalities/{code}/events', { params: { path: { code } }, body }));
      queryClient.setQueryData(['event', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['events'] });
      await navigate(`/events/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && !err.stale && err.problem.errors?.length) setErrors(err.fieldErrors());
      setProblem(err);
    } finally {
      setSaving(false);
    }
  };

  /** A field with its label and its error; the id is the API's field name with dots as dashes. */
  const field = (name: string, label: ReactNode, input: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode) => {
    const id = name.replace(/\W/g, '-');
    const error = errors[name];
    return (
      <div>
        <label htmlFor={id}>{label}</label>
        {input({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined })}
        <FieldError id={`${id}-error`} message={error} />
      </div>
    );
  };
  const text_ = (name: string, key: keyof EventFormValues, label: ReactNode, type = 'text') =>
    field(name, label, (props) => (
      <input {...props} type={type} value={values[key] as string} onChange={(e) => set(key, e.target.value as never)} />
    ));
  const required = <span className="muted"> （{common.required}）</span>;

  return (
    <>
      <h1>{event ? `${event.title} ${common.edit}` : text.newEvent}</h1>
      <ProblemMessage error={problem} onReload={() => void reloadLatest()} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{text.basics}</legend>
          {!event && field('organizationId', text.organizerField, (props) => (
            <select {...props} value={values.organizationId} onChange={(e) => set('organizationId', e.target.value)}>
              {isStaff && <option value="">{text.byMunicipality}</option>}
              {mine.map((o) => <option key={o.organizationId} value={o.organizationId}>{o.organizationName}</option>)}
            </select>
          ))}
          {field('kind', text.kind, (props) => (
            <select {...props} value={values.kind} onChange={(e) => set('kind', e.target.value)}>
              {eventKinds.map((k) => <option key={k} value={k}>{text.kinds[k]}</option>)}
            </select>
          ))}
          {text_('title', 'title', <>{text.title}{required}</>)}
          {text_('titleKana', 'titleKana', text.titleKana)}
          {text_('titleEnglish', 'titleEnglish', text.titleEnglish)}
          {field('description', text.description, (props) => (
            <textarea {...props} value={values.description} onChange={(e) => set('description', e.target.value)} />
          ))}
        </fieldset>

        <fieldset>
          <legend>{text.when} <span className="muted">（{text.japanTime}）</span></legend>
          <label className="inline">
            <input type="checkbox" checked={values.allDay} onChange={(e) => set('allDay', e.target.checked)} />
            {text.allDay}
          </label>
          {field('startsAt', <>{text.startsAt}{required}</>, (props) => (
            <input {...props} type="date" value={values.startDate} onChange={(e) => set('startDate', e.target.value)} />
          ))}
          {!values.allDay && field('startTime', `${text.startsAt}（${text.timeOfDay}）`, (props) => (
            <input {...props} type="time" value={values.startTime} onChange={(e) => set('startTime', e.target.value)} />
          ))}
          {field('endsAt', text.endsAt, (props) => (
            <input {...props} type="date" value={values.endDate} onChange={(e) => set('endDate', e.target.value)} />
          ))}
          {!values.allDay && field('endTime', `${text.endsAt}（${text.timeOfDay}）`, (props) => (
            <input {...props} type="time" value={values.endTime} onChange={(e) => set('endTime', e.target.value)} />
          ))}
        </fieldset>

        <fieldset>
          <legend>{text.venue}</legend>
          <div className="radios" role="radiogroup" aria-label={text.mode}>
            {(['IN_PERSON', 'ONLINE', 'HYBRID'] as const).map((m) => (
              <label key={m}>
                <input type="radio" name="mode" value={m} checked={values.mode === m} onChange={() => set('mode', m)} />
                {text.modes[m]}
              </label>
            ))}
          </div>
          {values.mode !== 'ONLINE' && (
            <>
              {text_('venue.name', 'venueName', text.venueName)}
              {text_('venue.address', 'venueAddress', text.venueAddress)}
              {text_('venue.addressDetail', 'venueAddressDetail', text.addressDetail)}
              {text_('venue.latitude', 'latitude', text.latitude)}
              {text_('venue.longitude', 'longitude', text.longitude)}
              {text_('venue.access', 'access', text.access)}
              {text_('venue.parking', 'parking', text.parking)}
            </>
          )}
          {values.mode !== 'IN_PERSON' && text_('onlineUrl', 'onlineUrl', text.onlineUrl, 'url')}
        </fieldset>

        <fieldset>
          <legend>{text.registrationPeriod}</legend>
          {text_('fee.amountYen', 'feeAmount', text.feeAmount)}
          {text_('fee.note', 'feeNote', text.feeNote)}
          {text_('capacity', 'capacity', text.capacityField)}
          {text_('heldSeats', 'heldSeats', text.heldSeats)}
          {text_('registrationOpensAt', 'opensDate', text.registrationOpensAt, 'date')}
          {text_('registrationClosesAt', 'closesDate', text.registrationClosesAt, 'date')}
          <label className="inline">
            <input type="checkbox" checked={values.guestsAllowed} onChange={(e) => set('guestsAllowed', e.target.checked)} />
            {text.guestsAllowed}
          </label>
          <label className="inline">
            <input type="checkbox" checked={values.listed} onChange={(e) => set('listed', e.target.checked)} />
            {text.listed}
          </label>
        </fieldset>

        <fieldset>
          <legend>{text.questions}</legend>
          {values.questions.map((q, i) => (
            <fieldset key={q.key} data-testid="question">
              <legend>{text.questionNumber(i + 1)}</legend>
              {field(`questions[${i}].label`, text.questionLabel, (props) => (
                <input {...props} value={q.label} onChange={(e) => setQuestion(i, { label: e.target.value })} />
              ))}
              {field(`questions[${i}].kind`, text.questionKind, (props) => (
                <select {...props} value={q.kind} onChange={(e) => setQuestion(i, { kind: e.target.value as QuestionKind })}>
                  {questionKinds.map((k) => <option key={k} value={k}>{text.questionKinds[k]}</option>)}
                </select>
              ))}
              {(q.kind === 'SINGLE_CHOICE' || q.kind === 'MULTIPLE_CHOICE') && field(`questions[${i}].options`, text.questionOptions, (props) => (
                <textarea {...props} value={q.options} onChange={(e) => setQuestion(i, { options: e.target.value })} />
              ))}
              <label className="inline">
                <input type="checkbox" checked={q.required} onChange={(e) => setQuestion(i, { required: e.target.checked })} />
                {text.questionRequired}
              </label>
              <p><button type="button" className="secondary" onClick={() => removeQuestion(i)}>{text.removeQuestion}<span className="visually-hidden"> {i + 1}</span></button></p>
            </fieldset>
          ))}
          <p><button type="button" className="secondary" onClick={addQuestion}>{text.addQuestion}</button></p>
        </fieldset>

        <fieldset>
          <legend>{text.contact}</legend>
          {text_('contact.name', 'contactName', text.contactName)}
          {text_('contact.phone', 'contactPhone', text.contactPhone, 'tel')}
          {text_('contact.extension', 'contactExtension', text.contactExtension)}
        </fieldset>

        <fieldset>
          <legend>{common.themes}</legend>
          <div className="checkboxes">
            {themes.data?.items.map((th) => (
              <label key={th.code}>
                <input type="checkbox" checked={values.themes.includes(th.code)} onChange={() => toggle('themes', th.code)} />
                {th.label}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{text.area} <span className="muted">（{text.noAreaCityWide}）</span></legend>
          <div className="checkboxes">
            {areas.data?.items.map((a) => (
              <label key={a.id}>
                <input type="checkbox" checked={values.areaIds.includes(a.id)} onChange={() => toggle('areaIds', a.id)} />
                {a.name}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{text.coOrganizerField}</legend>
          <div className="checkboxes">
            {organizations.data?.items.filter((o) => o.id !== values.organizationId).map((o) => (
              <label key={o.id}>
                <input type="checkbox" checked={values.coOrganizerIds.includes(o.id)} onChange={() => toggle('coOrganizerIds', o.id)} />
                {o.name}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{text.linkedProjects}</legend>
          <div className="checkboxes">
            {projects.data?.items.map((p) => (
              <label key={p.id}>
                <input type="checkbox" checked={values.projectIds.includes(p.id)} onChange={() => toggle('projectIds', p.id)} />
                {p.title}
              </label>
            ))}
          </div>
        </fieldset>
        <PlanItemPicker code={code} chosen={values.planItemIds} onChange={(ids) => set('planItemIds', ids)} />
        <p>
          <button type="submit" disabled={saving}>{event ? common.save : text.create}</button>{' '}
          <button type="button" className="secondary" onClick={() => void navigate(-1)}>{common.cancel}</button>
        </p>
      </form>
    </>
  );
}

/** The plan items an event carries out: one plan's items at a time; what is chosen in other plans stays chosen. */
function PlanItemPicker({ code, chosen, onChange }: { code: string; chosen: string[]; onChange: (ids: string[]) => void }) {
  const text = eventTexts();
  const plans = useQuery({
    queryKey: ['plans', code, 'picker'],
    queryFn: async () => unwrap(await api.GET('/api/v1/municipalities/{code}/plans', { params: { path: { code }, query: { size: 50 } } })),
  });
  const [planId, setPlanId] = useState('');
  const items = useQuery({
    queryKey: ['plan', planId, 'items', undefined],
    enabled: planId !== '',
    queryFn: async () => unwrap(await api.GET('/api/v1/plans/{id}/items', { params: { path: { id: planId } } })),
  });
  return (
    <fieldset>
      <legend>{text.linkedPlanItems}</legend>
      {chosen.length > 0 && <p className="muted">{text.chosenCount(chosen.length)}</p>}
      <label htmlFor="plan-picker">{text.plan}</label>
      <select id="plan-picker" value={planId} onChange={(e) => setPlanId(e.target.value)}>
        <option value="">—</option>
        {plans.data?.items.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
      </select>
      {items.data && (
        <div className="checkboxes">
          {items.data.items.map((item) => (
            <label key={item.id}>
              <input
                type="checkbox"
                checked={chosen.includes(item.id)}
                onChange={() => onChange(chosen.includes(item.id) ? chosen.filter((k) => k !== item.id) : [...chosen, item.id])}
              />
              {item.code} {item.title}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
