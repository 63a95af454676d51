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

/** The one typed client of the API, generated from openapi.yaml. The session is a cookie. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionAndLanguage);

/** An API error as the UI shows it: the problem, and the invalid fields by name. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
  }

  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      if (e.field && e.message && !byField[e.field]) byField[e.field] = e.message;
    }
    return byField;
  }
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
