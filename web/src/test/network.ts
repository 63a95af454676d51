import { vi } from 'vitest';
import type { Problem } from '../api/client';

/** A request the screen sent, as the API would have received it. */
export interface SentRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

type Reply = () => Response;

/** A JSON answer, as the API sends a resource. */
export const json = (body: unknown, status = 200): Reply => () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** An RFC 9457 problem, as the API sends an error. */
export const problem = (body: Problem): Reply => () =>
  new Response(JSON.stringify(body), { status: body.status, headers: { 'Content-Type': 'application/problem+json' } });

/** No content, as the API answers a DELETE. */
export const noContent = (): Reply => () => new Response(null, { status: 204 });

/**
 * Stands in for the network, the only thing component tests fake: each route (`GET
 * /api/v1/organizations/{id}`) answers with its replies in turn (the last one again and again),
 * every request is recorded, and one nobody expected answers 404 and is listed in `unexpected`.
 */
export function fakeNetwork() {
  const routes: { method: string; pattern: RegExp; replies: Reply[]; calls: number }[] = [];
  const sent: SentRequest[] = [];
  const unexpected: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const request = input instanceof Request ? input : new Request(input);
    const path = new URL(request.url).pathname;
    const text = await request.text();
    const body: unknown = text && request.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : text || undefined;
    sent.push({ method: request.method, path, headers: request.headers, body });
    const route = routes.find((r) => r.method === request.method && r.pattern.test(path));
    if (!route) {
      unexpected.push(`${request.method} ${path}`);
      return problem({ title: 'Not Found', status: 404 })();
    }
    const reply = route.replies[Math.min(route.calls, route.replies.length - 1)]!;
    route.calls++;
    return reply();
  });
  vi.stubGlobal('fetch', fetch);
  const network = {
    /** Answers `method path` (path with {placeholders}) with these replies, in turn. */
    on(method: string, path: string, ...replies: Reply[]) {
      const pattern = new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`);
      routes.unshift({ method, pattern, replies, calls: 0 });
      return network;
    },
    /** The requests sent to `method path` (exactly this path), in order. */
    sentTo(method: string, path: string): SentRequest[] {
      return sent.filter((r) => r.method === method && r.path === path);
    },
    unexpected,
  };
  return network;
}
