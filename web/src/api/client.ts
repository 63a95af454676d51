import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { currentLanguage } from '../lib/i18n';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

/** Reads the CSRF cookie the API set at sign-in; cookie-authenticated writes echo it. */
export function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith('kyoso_csrf='))
    ?.split('=')[1];
}

const sessionAndLanguage: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    if (request.method !== 'GET') {
      const token = csrfToken();
      if (token) request.headers.set('X-CSRF-Token', token);
    }
    return request;
  },
};

/**
 * The one typed client of the API, generated from openapi.yaml, on the page's own origin; the
 * session is a cookie. The fetch is looked up on each request rather than captured once, so
 * that component tests can stand in for the network.
 */
export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  fetch: (request) => globalThis.fetch(request),
});
api.use(sessionAndLanguage);

/**
 * The If-Match header of a write to a versioned resource: the version (ETag) the screen read.
 * Every PUT and DELETE of an organisation, listing, project, plan, plan item, review, indicator
 * or area sends it; the API answers 412 when someone else saved first.
 */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}

/** An API error as the UI shows it: the problem, and the invalid fields by name. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
  }

  /** Someone else saved first: the If-Match sent no longer names the current version. */
  get stale(): boolean {
    return this.status === 412;
  }

  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      if (e.field && e.message && !byField[e.field]) byField[e.field] = e.message;
    }
    return byField;
  }
}

/** Whether an error is the API's 412: the form read a version someone else has since replaced. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.stale;
}

/** Unwraps an openapi-fetch result: the data, or an ApiError with the problem. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const problem = (result.error as Problem | undefined) ?? {
      title: result.response.statusText || 'Error',
      status: result.response.status,
    };
    throw new ApiError(result.response.status, problem);
  }
  return result.data as T;
}
