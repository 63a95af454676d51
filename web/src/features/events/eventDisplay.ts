import type { Language } from '../../lib/i18n';
import { hasEnded } from './eventTime';
import { eventTexts } from './texts';
import type { EventView } from './types';

type Seats = Pick<EventView, 'capacity' | 'counts'>;

/** How full an event is, as a person deciding to register reads it: 残り 3 席, or full with a waitlist. */
export function seatsText(e: Seats, language?: Language): string {
  const text = eventTexts(language);
  if (e.capacity === null || e.capacity === undefined) return `${text.unlimited}・${text.registeredCount(e.counts.registered, e.counts.waitlisted)}`;
  const left = e.counts.seatsLeft ?? 0;
  return left > 0 ? `${text.capacity} ${text.people(e.capacity)}・${text.seatsLeft(left)}` : text.full;
}

/** What an organiser may do with the event now. */
export function organizerActions(e: Pick<EventView, 'organizer' | 'status' | 'startsAt' | 'endsAt'>, now: Date = new Date()) {
  const started = new Date(e.startsAt).getTime() <= now.getTime();
  return {
    edit: e.organizer && (e.status === 'DRAFT' || e.status === 'PUBLISHED'),
    publish: e.organizer && e.status === 'DRAFT',
    deleteDraft: e.organizer && e.status === 'DRAFT',
    cancel: e.organizer && e.status === 'PUBLISHED' && !hasEnded(e, now),
    close: e.organizer && e.status === 'PUBLISHED' && started,
    registrations: e.organizer && e.status !== 'DRAFT',
    checkIn: e.organizer && e.status === 'PUBLISHED',
  };
}

/** Whether an event waits for its report: it ended, but is still PUBLISHED. */
export function awaitsReport(e: Pick<EventView, 'status' | 'startsAt' | 'endsAt'>, now: Date = new Date()): boolean {
  return e.status === 'PUBLISHED' && hasEnded(e, now);
}

/** A map of the venue when its position is known (OpenStreetMap, no key, no tracking script). */
export function mapUrl(venue: EventView['venue']): string | undefined {
  if (venue?.latitude === null || venue?.latitude === undefined || venue.longitude === null || venue.longitude === undefined) return undefined;
  return `https://www.openstreetmap.org/?mlat=${venue.latitude}&mlon=${venue.longitude}#map=17/${venue.latitude}/${venue.longitude}`;
}
