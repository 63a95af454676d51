import { describe, expect, it } from 'vitest';
import { reportFormFor, toReportWrite, validateReport } from './reportForm';

describe('the closing report', () => {
  const event = { counts: { registered: 12, waitlisted: 0, attended: 9, seatsLeft: 0 }, organizationId: 'o-1', coOrganizers: [{ id: 'o-2', name: '共催' }] };

  it('starts from the check-ins and the organisers', () => {
    const v = reportFormFor(event);
    expect(v.attendeeCount).toBe('9');
    expect(v.walkIns).toBe('0');
    expect(v.organizationIds).toEqual(['o-1', 'o-2']);
  });

  it('reads full-width figures and names a figure that is not one', () => {
    const v = { ...reportFormFor(event), attendeeCount: '１１', walkIns: '３', publicSummary: ' 30人が参加 ' };
    expect(validateReport(v, 'ja')).toEqual({});
    expect(toReportWrite(v)).toMatchObject({ attendeeCount: 11, walkIns: 3, publicSummary: '30人が参加', summary: undefined });
    expect(validateReport({ ...v, walkIns: '三' }, 'ja')).toEqual({ walkIns: '0 以上の整数を入力してください' });
  });
});
