import { eventTexts } from './texts';
import type { EventKind } from './types';

/** The event kinds' labels as the events screens show them (in the reader's language). */
export function eventKindLabels(): Record<EventKind, string> {
  return eventTexts().kinds;
}
