import type { Schemas } from '../../api/client';

export type DiffSectionKey = 'fields' | 'added' | 'removed' | 'changed' | 'statuses';

export interface DiffSection {
  key: DiffSectionKey;
  lines: string[];
}

/**
 * A diff as sentences a person reads, grouped by what changed. Statuses and empty values are
 * written with the given labels (`label(null)` for none); empty sections are left out.
 */
export function describeDiff(
  diff: Schemas['PlanDiff'],
  label: (status: string | null | undefined) => string,
  fieldName: (field: string) => string = (f) => f,
): DiffSection[] {
  const show = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? label(null) : v);
  const sections: DiffSection[] = [
    {
      key: 'fields',
      lines: (diff.fields ?? []).map((f) => `${fieldName(f.field ?? '')}: ${show(f.before)} → ${show(f.after)}`),
    },
    { key: 'added', lines: (diff.addedItems ?? []).map((i) => `${i.code} ${i.title}`) },
    { key: 'removed', lines: (diff.removedItems ?? []).map((i) => `${i.code} ${i.title}`) },
    {
      key: 'changed',
      lines: (diff.changedItems ?? []).map(
        (i) =>
          `${i.code} ${i.title}（${(i.changes ?? [])
            .map((c) => `${fieldName(c.field ?? '')}: ${show(c.before)} → ${show(c.after)}`)
            .join('、')}）`,
      ),
    },
    {
      key: 'statuses',
      lines: (diff.statuses ?? []).map(
        (s) => `${s.code} ${s.fiscalYearLabel ?? s.fiscalYear}: ${label(s.before)} → ${label(s.after)}`,
      ),
    },
  ];
  return sections.filter((s) => s.lines.length > 0);
}
