import { describe, expect, it } from 'vitest';
import { toItemWrite, toPlanCreate, toReviewWrite, type PlanFormValues } from './planForm';

const messages = { required: 'required', endBeforeStart: 'end before start', spanTooLong: 'too long' };
const form = (over: Partial<PlanFormValues> = {}): PlanFormValues => ({
  title: ' 地域づくり計画 ', ownerId: '', areaId: '', startFiscalYear: '2024', endFiscalYear: '2028', vision: '', ...over,
});

describe('toPlanCreate', () => {
  it('builds the municipality plan body, trimmed, leaving out what is empty', () => {
    expect(toPlanCreate(form(), messages)).toEqual({
      body: { title: '地域づくり計画', startFiscalYear: 2024, endFiscalYear: 2028 },
      errors: {},
    });
  });
  it('names the owning council, area and vision when given', () => {
    const { body } = toPlanCreate(form({ ownerId: 'org-1', areaId: 'area-1', vision: ' みんなで ' }), messages);
    expect(body).toEqual({
      title: '地域づくり計画', startFiscalYear: 2024, endFiscalYear: 2028,
      organizationId: 'org-1', areaId: 'area-1', vision: 'みんなで',
    });
  });
  it('reports each missing or wrong field and builds nothing', () => {
    expect(toPlanCreate(form({ title: '  ', startFiscalYear: '', endFiscalYear: '' }), messages)).toEqual({
      errors: { title: 'required', startFiscalYear: 'required', endFiscalYear: 'required' },
    });
    expect(toPlanCreate(form({ startFiscalYear: '2025', endFiscalYear: '2024' }), messages).errors).toEqual({ endFiscalYear: 'end before start' });
    expect(toPlanCreate(form({ startFiscalYear: '2000', endFiscalYear: '2029' }), messages).errors).toEqual({});
    expect(toPlanCreate(form({ startFiscalYear: '2000', endFiscalYear: '2030' }), messages).errors).toEqual({ endFiscalYear: 'too long' });
  });
});

describe('toReviewWrite', () => {
  it('builds the review body with the optional texts only when written', () => {
    expect(toReviewWrite({ fiscalYear: '2024', kind: 'MUTUAL', evaluator: '', summary: ' 順調 ', findings: 'a', nextActions: ' ' }, 'required')).toEqual({
      body: { fiscalYear: 2024, kind: 'MUTUAL', summary: '順調', findings: 'a' },
      errors: {},
    });
  });
  it('requires a fiscal year and a summary', () => {
    expect(toReviewWrite({ fiscalYear: '', kind: 'SELF', evaluator: '', summary: '', findings: '', nextActions: '' }, 'required').errors)
      .toEqual({ fiscalYear: 'required', summary: 'required' });
  });
});

describe('toItemWrite', () => {
  it('sends null parent and code for a generated top-level item', () => {
    expect(toItemWrite({ parentItemId: '', code: ' ', title: '新しい柱' }, 'required')).toEqual({
      body: { title: '新しい柱', parentItemId: null, code: null }, errors: {},
    });
  });
  it('requires a title', () => {
    expect(toItemWrite({ parentItemId: 'p', code: 'X', title: '' }, 'required')).toEqual({ errors: { title: 'required' } });
  });
});
