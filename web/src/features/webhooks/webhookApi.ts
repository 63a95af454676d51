import { api, ifMatch, unwrap } from '../../api/client';
import type { Webhook, WebhookOwner, WebhookWrite } from './webhookForm';

export async function listWebhooks(owner: WebhookOwner) {
  return 'organizationId' in owner
    ? unwrap(await api.GET('/api/v1/organizations/{id}/webhooks', { params: { path: { id: owner.organizationId } } }))
    : unwrap(await api.GET('/api/v1/municipalities/{code}/webhooks', { params: { path: { code: owner.municipalityCode } } }));
}

export async function createWebhook(owner: WebhookOwner, body: WebhookWrite) {
  return 'organizationId' in owner
    ? unwrap(await api.POST('/api/v1/organizations/{id}/webhooks', { params: { path: { id: owner.organizationId } }, body }))
    : unwrap(await api.POST('/api/v1/municipalities/{code}/webhooks', { params: { path: { code: owner.municipalityCode } }, body }));
}

export async function updateWebhook(owner: WebhookOwner, hook: Webhook, body: WebhookWrite) {
  const header = ifMatch(hook.version);
  return 'organizationId' in owner
    ? unwrap(await api.PUT('/api/v1/organizations/{id}/webhooks/{webhookId}', {
      params: { path: { id: owner.organizationId, webhookId: hook.id }, header }, body }))
    : unwrap(await api.PUT('/api/v1/municipalities/{code}/webhooks/{webhookId}', {
      params: { path: { code: owner.municipalityCode, webhookId: hook.id }, header }, body }));
}

export async function deleteWebhook(owner: WebhookOwner, hook: Webhook) {
  const header = ifMatch(hook.version);
  return 'organizationId' in owner
    ? unwrap(await api.DELETE('/api/v1/organizations/{id}/webhooks/{webhookId}', {
      params: { path: { id: owner.organizationId, webhookId: hook.id }, header } }))
    : unwrap(await api.DELETE('/api/v1/municipalities/{code}/webhooks/{webhookId}', {
      params: { path: { code: owner.municipalityCode, webhookId: hook.id }, header } }));
}

export async function rotateSecret(owner: WebhookOwner, hook: Webhook) {
  return 'organizationId' in owner
    ? unwrap(await api.POST('/api/v1/organizations/{id}/webhooks/{webhookId}/rotate-secret', {
      params: { path: { id: owner.organizationId, webhookId: hook.id } } }))
    : unwrap(await api.POST('/api/v1/municipalities/{code}/webhooks/{webhookId}/rotate-secret', {
      params: { path: { code: owner.municipalityCode, webhookId: hook.id } } }));
}

export async function listDeliveries(owner: WebhookOwner, hook: Webhook) {
  const query = { size: 20 };
  return 'organizationId' in owner
    ? unwrap(await api.GET('/api/v1/organizations/{id}/webhooks/{webhookId}/deliveries', {
      params: { path: { id: owner.organizationId, webhookId: hook.id }, query } }))
    : unwrap(await api.GET('/api/v1/municipalities/{code}/webhooks/{webhookId}/deliveries', {
      params: { path: { code: owner.municipalityCode, webhookId: hook.id }, query } }));
}

