import type { Schemas } from '../../api/client';

// The form and display rules of webhook management, without the API (tested by webhookForm.test.ts).

export type Webhook = Schemas['Webhook'];
export type WebhookWrite = Schemas['WebhookWrite'];

/** Whose endpoints: an organisation's (its owners) or a municipality's own (its staff). */
export type WebhookOwner = { organizationId: string } | { municipalityCode: string };

/** The event types an endpoint may listen to, as the API knows them. */
export const EVENT_TYPES = [
  'listing.created', 'listing.updated', 'listing.closed',
  'match.proposed', 'match.accepted', 'match.declined', 'match.fulfilled',
  'project.stage_changed', 'event.published', 'event.cancelled', 'plan.published', 'indicator.values_changed',
] as const;

export function ownerKey(owner: WebhookOwner): string {
  return 'organizationId' in owner ? `org:${owner.organizationId}` : `city:${owner.municipalityCode}`;
}

/** The body that keeps an endpoint as it is but for {@code enabled}. */
export function withEnabled(hook: Webhook, enabled: boolean): WebhookWrite {
  return { url: hook.url, description: hook.description, eventTypes: hook.eventTypes, enabled };
}

/** What the form sends: a trimmed URL, the ticked types in the API's order, no blank description. */
export function formBody(url: string, description: string, ticked: ReadonlySet<string>): WebhookWrite {
  return {
    url: url.trim(),
    description: description.trim() === '' ? null : description.trim(),
    eventTypes: EVENT_TYPES.filter((t) => ticked.has(t)),
    enabled: true,
  };
}
