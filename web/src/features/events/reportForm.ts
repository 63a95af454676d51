import type { Language } from '../../lib/i18n';
import { halfWidth } from './eventForm';
import { eventTexts } from './texts';
import type { EventView, ReportWrite } from './types';

/** What an organiser types into the closing report; strings, so nothing typed is lost. */
export interface ReportFormValues {
  attendeeCount: string;
  walkIns: string;
  organizationIds: string[];
  summary: string;
  publicSummary: string;
  followUpProjectIds: string[];
}

/** The report form, the attendee count pre-filled from the check-ins and the organisers among the organisations. */
export function reportFormFor(e: Pick<EventView, 'counts' | 'organizationId' | 'coOrganizers'>): ReportFormValues {
  return {
    attendeeCount: String(e.counts.attended),
    walkIns: '0',
    organizationIds: [...(e.organizationId ? [e.organizationId] : []), ...e.coOrganizers.map((o) => o.id)],
    summary: '',
    publicSummary: '',
    followUpProjectIds: [],
  };
}

const isWhole = (s: string) => /^[0-9]+$/.test(halfWidth(s));

export function validateReport(v: ReportFormValues, language?: Language): Record<string, string> {
  const text = eventTexts(language);
  const errors: Record<string, string> = {};
  if (v.attendeeCount.trim() !== '' && !isWhole(v.attendeeCount)) errors.attendeeCount = text.wholeNumber;
  if (v.walkIns.trim() !== '' && !isWhole(v.walkIns)) errors.walkIns = text.wholeNumber;
  return errors;
}

/** The report as the API takes it; an empty attendee count lets the API count the check-ins. */
export function toReportWrite(v: ReportFormValues): ReportWrite {
  const count = (s: string) => (s.trim() === '' ? undefined : Number(halfWidth(s)));
  const textOf = (s: string) => (s.trim() === '' ? undefined : s.trim());
  return {
    attendeeCount: count(v.attendeeCount),
    walkIns: count(v.walkIns) ?? 0,
    organizationIds: v.organizationIds,
    summary: textOf(v.summary),
    publicSummary: textOf(v.publicSummary),
    followUpListingIds: [],
    followUpProjectIds: v.followUpProjectIds,
  };
}
