// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeNetwork, json, noContent, problem } from '../test/network';
import { api, ApiError, ifMatch, isStale, unwrap } from './client';

afterEach(() => vi.unstubAllGlobals());

describe('the API client', () => {
  it('names the version read in If-Match, as the API requires of every write to a versioned resource', async () => {
    const network = fakeNetwork().on('DELETE', '/api/v1/listings/{id}', noContent());
    unwrap(await api.DELETE('/api/v1/listings/{id}', { params: { path: { id: 'l-1' }, header: ifMatch(3) } }));
    const [sent] = network.sentTo('DELETE', '/api/v1/listings/l-1');
    expect(sent?.headers.get('If-Match')).toBe('"3"');
    expect(sent?.headers.get('Accept-Language')).toBe('ja');
  });

  it('turns a 412 into a stale ApiError, and an RFC 9457 problem into field errors by name', async () => {
    fakeNetwork()
      .on('DELETE', '/api/v1/plans/{id}', problem({ title: 'Precondition Failed', status: 412 }))
      .on('POST', '/api/v1/organizations/{id}/messages', problem({
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'subject', message: '入力してください' }, { field: 'subject', message: '二つ目' }, { field: 'body', message: '長すぎます' }],
      }));
    const stale = await api.DELETE('/api/v1/plans/{id}', { params: { path: { id: 'p-1' }, header: ifMatch(2) } })
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(isStale(stale)).toBe(true);

    const invalid = await api.POST('/api/v1/organizations/{id}/messages', { params: { path: { id: 'o-1' } }, body: { subject: '', body: 'x' } })
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ApiError);
    expect((invalid as ApiError).stale).toBe(false);
    expect((invalid as ApiError).fieldErrors()).toEqual({ subject: '入力してください', body: '長すぎます' });
  });

  it('reads a resource', async () => {
    fakeNetwork().on('GET', '/api/v1/municipalities/{code}', json({ code: '352161' }));
    expect(unwrap(await api.GET('/api/v1/municipalities/{code}', { params: { path: { code: '352161' } } }))).toEqual({ code: '352161' });
  });
});
