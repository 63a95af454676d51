import { Link } from 'react-router';
import { currentLanguage } from '../../lib/i18n';
import { formatEventWhen } from './eventTime';
import { seatsText } from './eventDisplay';
import { eventTexts } from './texts';
import type { EventView } from './types';

/** An event in a list: when (Japan time), what, where, and whether seats are left. */
export function EventCard({ event: e, headingLevel = 2 }: { event: EventView; headingLevel?: 2 | 3 }) {
  const text = eventTexts();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="card" data-testid="event-card">
      <p className="event-meta">
        <span className="badge">{e.kindLabel}</span>{' '}
        {e.status !== 'PUBLISHED' && <span className="badge">{e.statusLabel}</span>}
      </p>
      <Heading className="card-title"><Link to={`/events/${e.id}`}>{e.title}</Link></Heading>
      <p className="event-meta event-when">{formatEventWhen(e, currentLanguage())}</p>
      <p className="event-meta muted">
        {e.mode === 'ONLINE' ? text.modes.ONLINE : e.venue?.name ?? e.modeLabel}
        {e.mode === 'HYBRID' && ` ＋ ${text.modes.ONLINE}`}
        {' ・ '}{e.organizerName}
      </p>
      {e.status === 'PUBLISHED' && <p className="event-meta">{seatsText(e)}</p>}
    </li>
  );
}
