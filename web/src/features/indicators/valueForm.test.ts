import { describe, expect, it } from 'vitest';
import { toValueWrite, valueFormFor } from './valueForm';

const messages = { chooseYear: 'year', enterNumber: 'number' };

describe('toValueWrite', () => {
  it('sends actual, target and note, reading full-width digits and ▲', () => {
    expect(toValueWrite({ fiscalYear: '2024', actual: '９９９', target: '1,200', note: ' 速報値 ' }, messages)).toEqual({
      body: { actual: 999, target: 1200, note: '速報値' },
      errors: {},
    });
    expect(toValueWrite({ fiscalYear: '2024', actual: '▲3', target: '', note: '' }, messages).body).toEqual({ actual: -3, target: null, note: null });
  });
  it('clears with null what is left empty', () => {
    expect(toValueWrite({ fiscalYear: '2024', actual: '', target: '36', note: '' }, messages).body).toEqual({ actual: null, target: 36, note: null });
  });
  it('leaves out the actual of a computed indicator, whatever the field holds', () => {
    expect(toValueWrite({ fiscalYear: '2024', actual: 'abc', target: '12', note: '' }, messages, true)).toEqual({
      body: { target: 12, note: null },
      errors: {},
    });
  });
  it('names each bad field', () => {
    expect(toValueWrite({ fiscalYear: '', actual: 'abc', target: '1..2', note: '' }, messages)).toEqual({
      errors: { fiscalYear: 'year', actual: 'number', target: 'number' },
    });
  });
});

describe('valueFormFor', () => {
  it('fills the stored figures of the chosen year', () => {
    const stored = [{ fiscalYear: 2024, actual: 12.5, target: null, note: 'メモ' }, { fiscalYear: 2025, actual: null, target: 40, note: null }];
    expect(valueFormFor('2024', stored)).toEqual({ fiscalYear: '2024', actual: '12.5', target: '', note: 'メモ' });
    expect(valueFormFor('2025', stored)).toEqual({ fiscalYear: '2025', actual: '', target: '40', note: '' });
    expect(valueFormFor('2030', stored)).toEqual({ fiscalYear: '2030', actual: '', target: '', note: '' });
  });
});
