/** The figures of the funnel, as the participation endpoint gives them for each group of events. */
export interface FunnelFigures {
  registrations: number;
  attendees: number;
  firstTimeAttendees: number;
  steppedUp: number;
}

/** One step of the funnel: how many, and their share of the step before. */
export interface FunnelStep {
  key: 'registrations' | 'attendees' | 'firstTimeAttendees' | 'steppedUp';
  value: number;
  /** Percent of the step before, one decimal; undefined for the first step or after a zero. */
  share?: number;
}

/**
 * The funnel from registering to stepping up (関心 → 理解者・協力者): registrations, attendees,
 * first-time attendees, attendees who stepped up. Stepping up is a share of all attendees, since
 * repeat attendees step up too.
 */
export function funnelSteps(f: FunnelFigures): FunnelStep[] {
  const share = (value: number, of: number) => (of > 0 ? Math.round((value / of) * 1000) / 10 : undefined);
  return [
    { key: 'registrations', value: f.registrations },
    { key: 'attendees', value: f.attendees, share: share(f.attendees, f.registrations) },
    { key: 'firstTimeAttendees', value: f.firstTimeAttendees, share: share(f.firstTimeAttendees, f.attendees) },
    { key: 'steppedUp', value: f.steppedUp, share: share(f.steppedUp, f.attendees) },
  ];
}

/** The width of a funnel bar: its value against the widest, in percent (at least a sliver when not zero). */
export function barWidth(value: number, widest: number): number {
  if (widest <= 0 || value <= 0) return 0;
  return Math.max(2, Math.round((value / widest) * 100));
}
