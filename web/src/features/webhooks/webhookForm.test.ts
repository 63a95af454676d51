import { describe, expect, it } from 'vitest';
import { formBody, ownerKey, withEnabled } from './webhookForm';

describe('webhook form', () => {
  it('sends the ticked types in the API order, the URL trimmed, a blank description as null', () => {
    expect(formBody('  https://example.jp/hook ', ' ', new Set(['match.proposed', 'listing.created']))).toEqual({
      url: 'https://example.jp/hook', description: null, eventTypes: ['listing.created', 'match.proposed'], enabled: true,
    });
  });

  it('keeps an endpoint as it is when only turning it on or off', () => {
    const hook = { url: 'https://example.jp/h', description: '連携', eventTypes: ['plan.published'] } as Parameters<typeof withEnabled>[0];
    expect(withEnabled(hook, false)).toEqual({ url: 'https://example.jp/h', description: '連携', eventTypes: ['plan.published'], enabled: false });
  });

  it('tells the owners apart', () => {
    expect(ownerKey({ organizationId: 'a' })).toBe('org:a');
    expect(ownerKey({ municipalityCode: '352161' })).toBe('city:352161');
  });
});
