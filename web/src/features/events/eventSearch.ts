import type { Schemas } from '../../api/client';
import type { EventKind } from './types';

/** The events page's filters as the URL keeps them: days in Japan (2025-06-14), '' when not set. */
export interface EventSearch {
  q: string;
  kind: string;
  theme: string;
  area: string;
  from: string;
  to: string;
}

export const eventKinds: readonly EventKind[] = ['FORUM', 'SEMINAR', 'WORKSHOP', 'AREA_MEETING', 'DIALOGUE', 'VOLUNTEER', 'EXCHANGE', 'OTHER'];

/** The filters as query parameters: only those set, trimmed. */
export function searchQuery(s: EventSearch) {
  const value = (v: string) => (v.trim() === '' ? undefined : v.trim());
  return {
    q: value(s.q),
    kind: value(s.kind) as EventKind | undefined,
    theme: value(s.theme) as Schemas['Theme'] | undefined,
    area: value(s.area),
    from: value(s.from),
    to: value(s.to),
  };
}
