import type { Language } from '../../lib/i18n';
import { formatTime, japanDay } from '../../lib/format';
import { addDays } from './calendar';
import { eventTexts } from './texts';
import type { EventWrite, EventView, Question, QuestionKind } from './types';

/** One extra question as typed: the choices one per line. */
export interface QuestionFormValues {
  key: string;
  kind: QuestionKind;
  label: string;
  options: string;
  required: boolean;
}

/**
 * What an organiser types into the event form; strings, so nothing typed is lost. The day and
 * times are read as Japan time wherever the browser is; an all-day event has days only.
 */
export interface EventFormValues {
  /** '' : organised by the municipality (staff). */
  organizationId: string;
  coOrganizerIds: string[];
  kind: string;
  title: string;
  titleKana: string;
  titleEnglish: string;
  description: string;
  themes: string[];
  areaIds: string[];
  mode: string;
  venueName: string;
  venueAddress: string;
  venueAddressDetail: string;
  latitude: string;
  longitude: string;
  access: string;
  parking: string;
  onlineUrl: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  allDay: boolean;
  feeAmount: string;
  feeNote: string;
  capacity: string;
  heldSeats: string;
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
  guestsAllowed: boolean;
  listed: boolean;
  contactName: string;
  contactPhone: string;
  contactExtension: string;
  questions: QuestionFormValues[];
  projectIds: string[];
  planItemIds: string[];
}

export const emptyEventForm: EventFormValues = {
  organizationId: '',
  coOrganizerIds: [],
  kind: 'WORKSHOP',
  title: '',
  titleKana: '',
  titleEnglish: '',
  description: '',
  themes: [],
  areaIds: [],
  mode: 'IN_PERSON',
  venueName: '',
  venueAddress: '',
  venueAddressDetail: '',
  latitude: '',
  longitude: '',
  access: '',
  parking: '',
  onlineUrl: '',
  startDate: '',
  startTime: '',
  endDate: '',
  endTime: '',
  allDay: false,
  feeAmount: '',
  feeNote: '',
  capacity: '',
  heldSeats: '',
  opensDate: '',
  opensTime: '',
  closesDate: '',
  closesTime: '',
  guestsAllowed: false,
  listed: true,
  contactName: '',
  contactPhone: '',
  contactExtension: '',
  questions: [],
  projectIds: [],
  planItemIds: [],
};

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const dayOf = (iso: string | null | undefined) => (iso ? japanDay(iso) : '');
const timeOf = (iso: string | null | undefined) => (iso ? formatTime(iso) : '');

/** The form filled from an event as the API sends it. */
export function formFromEvent(e: EventView): EventFormValues {
  // An all-day event ends at the midnight after its last day.
  const lastDay = e.allDay && e.endsAt ? japanDay(new Date(new Date(e.endsAt).getTime() - 1)) : dayOf(e.endsAt);
  return {
    organizationId: e.organizationId ?? '',
    coOrganizerIds: e.coOrganizers.map((o) => o.id),
    kind: e.kind,
    title: e.title,
    titleKana: e.titleKana ?? '',
    titleEnglish: e.titleEnglish ?? '',
    description: e.description ?? '',
    themes: [...e.themes],
    areaIds: [...e.areaIds],
    mode: e.mode,
    venueName: e.venue?.name ?? '',
    venueAddress: e.venue?.address ?? '',
    venueAddressDetail: e.venue?.addressDetail ?? '',
    latitude: str(e.venue?.latitude),
    longitude: str(e.venue?.longitude),
    access: e.venue?.access ?? '',
    parking: e.venue?.parking ?? '',
    onlineUrl: e.onlineUrl ?? '',
    startDate: dayOf(e.startsAt),
    startTime: e.allDay ? '' : timeOf(e.startsAt),
    endDate: lastDay,
    endTime: e.allDay ? '' : timeOf(e.endsAt),
    allDay: e.allDay,
    feeAmount: e.fee.free ? '' : str(e.fee.amountYen),
    feeNote: e.fee.note ?? '',
    capacity: str(e.capacity),
    heldSeats: e.heldSeats ? String(e.heldSeats) : '',
    opensDate: dayOf(e.registrationOpensAt),
    opensTime: timeOf(e.registrationOpensAt),
    closesDate: dayOf(e.registrationClosesAt),
    closesTime: timeOf(e.registrationClosesAt),
    guestsAllowed: e.guestsAllowed,
    listed: e.listed,
    contactName: e.contact?.name ?? '',
    contactPhone: e.contact?.phone ?? '',
    contactExtension: e.contact?.extension ?? '',
    questions: e.questions.map((q) => ({
      key: q.key,
      kind: q.kind,
      label: q.label,
      options: (q.options ?? []).join('\n'),
      required: q.required ?? false,
    })),
    projectIds: e.projects.map((p) => p.id),
    planItemIds: e.planItems.map((p) => p.id),
  };
}

/** Full-width digits (０-９) as typed with a Japanese input method, read as digits. */
export function halfWidth(s: string): string {
  return s.trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const orUndefined = (s: string) => (s.trim() === '' ? undefined : s.trim());
const wholeNumber = (s: string) => (s.trim() === '' ? undefined : Number(halfWidth(s)));
const decimal = (s: string) => (s.trim() === '' ? undefined : Number(halfWidth(s)));

/** A day and a time typed as Japan time, as the API takes a moment: 2025-06-14 13:30 → 2025-06-14T13:30:00+09:00. */
export function japanMoment(day: string, time: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const t = /^\d{2}:\d{2}$/.test(time) ? time : '00:00';
  return `${day}T${t}:00+09:00`;
}

/** When the event starts and ends, as the API takes them; an all-day event ends at the midnight after its last day. */
export function eventTimes(v: EventFormValues): { startsAt?: string; endsAt?: string } {
  if (v.allDay) {
    const last = v.endDate || v.startDate;
    return { startsAt: japanMoment(v.startDate, '00:00'), endsAt: last ? japanMoment(addDays(last, 1), '00:00') : undefined };
  }
  const endDay = v.endDate || (v.endTime ? v.startDate : '');
  return {
    startsAt: v.startTime ? japanMoment(v.startDate, v.startTime) : undefined,
    endsAt: endDay && v.endTime ? japanMoment(endDay, v.endTime) : undefined,
  };
}

/** A key for a new question: q1, q2… not yet used by another question of the event. */
export function newQuestionKey(questions: readonly QuestionFormValues[]): string {
  let n = questions.length + 1;
  while (questions.some((q) => q.key === `q${n}`)) n++;
  return `q${n}`;
}

const choiceKinds: readonly QuestionKind[] = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE'];
const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

function toQuestion(q: QuestionFormValues): Question {
  return {
    key: q.key,
    kind: q.kind,
    label: q.label.trim(),
    options: choiceKinds.includes(q.kind) ? lines(q.options) : [],
    required: q.required,
  };
}

/** The request body; empty optional fields are left out. The times go with Japan's offset. */
export function toEventWrite(v: EventFormValues): EventWrite {
  const { startsAt, endsAt } = eventTimes(v);
  const venue = {
    name: orUndefined(v.venueName),
    address: orUndefined(v.venueAddress),
    addressDetail: orUndefined(v.venueAddressDetail),
    latitude: decimal(v.latitude),
    longitude: decimal(v.longitude),
    access: orUndefined(v.access),
    parking: orUndefined(v.parking),
  };
  const hasVenue = v.mode !== 'ONLINE' && Object.values(venue).some((x) => x !== undefined);
  const fee = wholeNumber(v.feeAmount);
  const contact = { name: orUndefined(v.contactName), phone: orUndefined(v.contactPhone), extension: orUndefined(v.contactExtension) };
  return {
    organizationId: v.organizationId || undefined,
    coOrganizerIds: v.coOrganizerIds,
    kind: v.kind as EventWrite['kind'],
    title: v.title.trim(),
    titleKana: orUndefined(v.titleKana),
    titleEnglish: orUndefined(v.titleEnglish),
    description: orUndefined(v.description),
    themes: v.themes as EventWrite['themes'],
    areaIds: v.areaIds,
    mode: v.mode as EventWrite['mode'],
    venue: hasVenue ? venue : undefined,
    onlineUrl: v.mode === 'IN_PERSON' ? undefined : orUndefined(v.onlineUrl),
    startsAt: startsAt ?? '',
    endsAt,
    allDay: v.allDay,
    fee: fee || orUndefined(v.feeNote) ? { amountYen: fee, note: orUndefined(v.feeNote) } : undefined,
    capacity: wholeNumber(v.capacity),
    heldSeats: wholeNumber(v.heldSeats) ?? 0,
    registrationOpensAt: japanMoment(v.opensDate, v.opensTime),
    registrationClosesAt: v.closesDate ? japanMoment(v.closesDate, v.closesTime || '23:59') : undefined,
    guestsAllowed: v.guestsAllowed,
    questions: v.questions.map(toQuestion),
    contact: Object.values(contact).some((x) => x !== undefined) ? contact : undefined,
    listed: v.listed,
    projectIds: v.projectIds,
    planItemIds: v.planItemIds,
  };
}

const isWhole = (s: string) => s.trim() === '' || /^[0-9]+$/.test(halfWidth(s));
const isDecimal = (s: string) => s.trim() === '' || /^-?[0-9]+(\.[0-9]+)?$/.test(halfWidth(s));

/**
 * Checks in the browser what the API would refuse anyway, so the organiser hears at once what
 * to fix, by the API's field names; the API stays the authority and its field errors show the same way.
 */
export function validateEvent(v: EventFormValues, language?: Language): Record<string, string> {
  const text = eventTexts(language);
  const errors: Record<string, string> = {};
  if (v.title.trim() === '') errors.title = text.enterTitle;
  const { startsAt, endsAt } = eventTimes(v);
  if (!startsAt) errors.startsAt = text.enterStart;
  else if (endsAt && endsAt <= startsAt) errors.endsAt = text.endBeforeStart;
  for (const field of ['feeAmount', 'capacity', 'heldSeats'] as const) {
    if (!isWhole(v[field])) errors[field === 'feeAmount' ? 'fee.amountYen' : field] = text.wholeNumber;
  }
  if (isWhole(v.capacity) && isWhole(v.heldSeats) && v.capacity.trim() !== '' && Number(halfWidth(v.heldSeats || '0')) > Number(halfWidth(v.capacity))) {
    errors.heldSeats = text.heldOverCapacity;
  }
  if (!isDecimal(v.latitude)) errors['venue.latitude'] = text.wholeNumber;
  if (!isDecimal(v.longitude)) errors['venue.longitude'] = text.wholeNumber;
  if (v.mode !== 'ONLINE' && v.venueName.trim() === '') errors['venue.name'] = text.enterVenue;
  if (v.mode !== 'IN_PERSON' && v.onlineUrl.trim() === '') errors.onlineUrl = text.enterUrl;
  else if (v.mode !== 'IN_PERSON' && !/^https?:\/\/\S+$/.test(v.onlineUrl.trim())) errors.onlineUrl = text.invalidUrl;
  if (v.capacity.trim() === '' && v.heldSeats.trim() !== '' && Number(halfWidth(v.heldSeats)) > 0) errors.heldSeats = text.heldWithoutCapacity;
  const opens = japanMoment(v.opensDate, v.opensTime);
  const closes = v.closesDate ? japanMoment(v.closesDate, v.closesTime || '23:59') : undefined;
  if (opens && closes && closes < opens) errors.registrationClosesAt = text.closesBeforeOpens;
  v.questions.forEach((q, i) => {
    if (q.label.trim() === '') errors[`questions[${i}].label`] = text.enterQuestion;
    if (choiceKinds.includes(q.kind) && new Set(lines(q.options)).size < 2) errors[`questions[${i}].options`] = text.enterOptions;
  });
  return errors;
}
