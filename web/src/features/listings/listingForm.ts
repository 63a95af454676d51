import type { Schemas } from '../../api/client';

export type ListingWrite = Schemas['ListingWrite'];

/** What a person types into the listing form; strings, so nothing typed is lost. */
export interface ListingFormValues {
  kind: string;
  category: string;
  title: string;
  description: string;
  themes: string[];
  areaIds: string[];
  quantity: string;
  unit: string;
  availableFrom: string;
  availableUntil: string;
}

export const emptyListingForm: ListingFormValues = {
  kind: 'NEED',
  category: 'GOODS',
  title: '',
  description: '',
  themes: [],
  areaIds: [],
  quantity: '',
  unit: '',
  availableFrom: '',
  availableUntil: '',
};

export function formFromListing(l: Schemas['Listing']): ListingFormValues {
  return {
    kind: l.kind ?? 'NEED',
    category: l.category ?? 'GOODS',
    title: l.title ?? '',
    description: l.description ?? '',
    themes: [...(l.themes ?? [])],
    areaIds: [...(l.areaIds ?? [])],
    quantity: l.quantity?.toString() ?? '',
    unit: l.unit ?? '',
    availableFrom: l.availableFrom ?? '',
    availableUntil: l.availableUntil ?? '',
  };
}

export function validateListing(v: ListingFormValues, language: 'ja' | 'en'): Record<string, string> {
  const say = (ja: string, en: string) => (language === 'en' ? en : ja);
  const errors: Record<string, string> = {};
  if (v.title.trim() === '') errors.title = say('タイトルを入力してください', 'Enter a title');
  if (v.quantity.trim() !== '' && !/^[0-9０-９]+$/.test(v.quantity.trim()))
    errors.quantity = say('数量は 1 以上の整数で入力してください', 'Enter a whole number of 1 or more');
  if (v.availableFrom && v.availableUntil && v.availableUntil < v.availableFrom)
    errors.availableUntil = say('終了日は開始日以降にしてください', 'The end must not be before the start');
  return errors;
}

export function toListingWrite(v: ListingFormValues): ListingWrite {
  const digits = v.quantity.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return {
    kind: v.kind as ListingWrite['kind'],
    category: v.category as ListingWrite['category'],
    title: v.title.trim(),
    description: v.description.trim() === '' ? undefined : v.description.trim(),
    themes: v.themes as ListingWrite['themes'],
    areaIds: v.areaIds,
    quantity: digits === '' ? undefined : Number(digits),
    unit: v.unit.trim() === '' ? undefined : v.unit.trim(),
    availableFrom: v.availableFrom || undefined,
    availableUntil: v.availableUntil || undefined,
  } as ListingWrite;
}
