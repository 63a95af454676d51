import type { Schemas } from '../../api/client';
import type { Language } from '../../lib/i18n';
import { areaTexts } from './texts';

export interface AreaFormValues {
  parentId: string;
  kind: string;
  name: string;
  nameKana: string;
  population: string;
  aged65Share: string;
  households: string;
  profileAsOf: string;
}

export const emptyAreaForm: AreaFormValues = {
  parentId: '', kind: 'DISTRICT', name: '', nameKana: '', population: '', aged65Share: '', households: '', profileAsOf: '',
};

export function formFromArea(a: Schemas['Area']): AreaFormValues {
  const p = a.profile;
  return {
    parentId: a.parentId ?? '',
    kind: a.kind ?? 'DISTRICT',
    name: a.name ?? '',
    nameKana: a.nameKana ?? '',
    population: p?.population?.toString() ?? '',
    aged65Share: p?.aged65Share?.toString() ?? '',
    households: p?.households?.toString() ?? '',
    profileAsOf: p?.asOf ?? '',
  };
}

const toHalfWidth = (s: string) =>
  s.trim().replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/,/g, '');

export function validateArea(v: AreaFormValues, language?: Language): Record<string, string> {
  const text = areaTexts(language);
  const errors: Record<string, string> = {};
  if (!v.name.trim()) errors.name = text.enterName;
  for (const field of ['population', 'households'] as const) {
    const n = toHalfWidth(v[field]);
    if (n !== '' && !/^\d+$/.test(n)) errors[field] = text.wholeNumber;
  }
  const share = toHalfWidth(v.aged65Share);
  if (share !== '' && (!/^\d+(\.\d+)?$/.test(share) || Number(share) > 100)) errors.aged65Share = text.shareRange;
  return errors;
}

export function toAreaWrite(v: AreaFormValues): Schemas['AreaWrite'] {
  const num = (s: string) => (toHalfWidth(s) === '' ? undefined : Number(toHalfWidth(s)));
  return {
    parentId: v.parentId || undefined,
    kind: v.kind as Schemas['AreaWrite']['kind'],
    name: v.name.trim(),
    nameKana: v.nameKana.trim() || undefined,
    population: num(v.population),
    aged65Share: num(v.aged65Share),
    households: num(v.households),
    profileAsOf: v.profileAsOf || undefined,
  };
}
