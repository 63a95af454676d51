import { describe, expect, it } from 'vitest';
import { describeDiff } from './planDiff';

const label = (s: string | null | undefined) => (s ? ({ DONE: '実施済', ONGOING: '継続推進' } as Record<string, string>)[s] ?? s : 'なし');

describe('describeDiff', () => {
  it('writes each change as a line and leaves empty sections out', () => {
    const sections = describeDiff(
      {
        planId: 'p', from: 1, to: null,
        fields: [{ field: 'title', before: '旧', after: '新' }, { field: 'vision', before: null, after: 'めざす姿' }],
        addedItems: [{ itemId: 'a', parentItemId: null, code: 'III', title: '新しい柱' }],
        removedItems: [],
        changedItems: [{ itemId: 'b', code: 'I', title: '柱', changes: [{ field: 'title', before: '柱', after: '柱2' }] }],
        statuses: [{ itemId: 'c', code: 'I-(1)-①', fiscalYear: 2024, fiscalYearLabel: '令和6年度', before: 'ONGOING', after: 'DONE' }],
      },
      label,
    );
    expect(sections).toEqual([
      { key: 'fields', lines: ['title: 旧 → 新', 'vision: なし → めざす姿'] },
      { key: 'added', lines: ['III 新しい柱'] },
      { key: 'changed', lines: ['I 柱（title: 柱 → 柱2）'] },
      { key: 'statuses', lines: ['I-(1)-① 令和6年度: 継続推進 → 実施済'] },
    ]);
  });
  it('is empty when nothing changed', () => {
    const nothing = { planId: 'p', from: 1, to: 2, fields: [], addedItems: [], removedItems: [], changedItems: [], statuses: [] };
    expect(describeDiff(nothing, label)).toEqual([]);
  });
});
