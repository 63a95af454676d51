import { describe, expect, it } from 'vitest';
import { barWidth, funnelSteps } from './participation';

describe('the participation funnel', () => {
  it('gives each step and its share of the step before; stepping up as a share of all attendees', () => {
    const steps = funnelSteps({
      registrations: 120, attendees: 90, firstTimeAttendees: 60, steppedUp: 27,
    });
    expect(steps.map((s) => [s.key, s.value, s.share])).toEqual([
      ['registrations', 120, undefined],
      ['attendees', 90, 75],
      ['firstTimeAttendees', 60, 66.7],
      ['steppedUp', 27, 30],
    ]);
  });

  it('has no share after nobody, and bars relative to the widest', () => {
    const steps = funnelSteps({
      registrations: 0, attendees: 0, firstTimeAttendees: 0, steppedUp: 0,
    });
    expect(steps.every((s) => s.share === undefined)).toBe(true);
    expect(barWidth(50, 200)).toBe(25);
    expect(barWidth(1, 1000)).toBe(2);
    expect(barWidth(0, 10)).toBe(0);
  });
});
