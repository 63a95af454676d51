import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client';

/** The signed-in user with their roles, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return unwrap(await api.GET('/api/v1/me'));
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function signInUrl(returnTo: string = window.location.pathname + window.location.search): string {
  return `/api/v1/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}
