import { describe, expect, it } from 'vitest';
import { emptyListingForm, toListingWrite, validateListing } from './listingForm';

describe('listing form', () => {
  it('names what to fix', () => {
    const errors = validateListing(
      { ...emptyListingForm, quantity: '2.5', availableFrom: '2026-05-01', availableUntil: '2026-04-01' },
      'ja',
    );
    expect(Object.keys(errors).sort()).toEqual(['availableUntil', 'quantity', 'title']);
  });

  it('reads full-width quantities and leaves empty fields out', () => {
    const body = toListingWrite({ ...emptyListingForm, title: ' 段ボールベッド ', quantity: '３０', unit: '台' });
    expect(body.title).toBe('段ボールベッド');
    expect(body.quantity).toBe(30);
    expect(body.availableFrom).toBeUndefined();
    expect(body.description).toBeUndefined();
  });
});
