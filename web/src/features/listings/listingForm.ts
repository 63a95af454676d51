import type { Schemas } from '../../api/client';
import type { Language } from '../../lib/i18n';
import { listingTexts } from './texts';

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

export function validateListing(v: ListingFormValues, language?: Language): Record<string, string> {
  const text = listingTexts(language);
  const errors: Record<string, string> = {};
  if (v.title.trim() === '') errors.title = text.enterTitle;
  if (v.quantity.trim() !== '' && !/^[0-9０-９]+$/.test(v.quantity.trim())) errors.quantity = text.wholeQuantity;
  if (v.availableFrom && v.availableUntil && v.availableUntil < v.availableFrom) errors.availableUntil = text.endBeforeStart;
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
  };
}
