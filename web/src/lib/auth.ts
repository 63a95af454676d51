import { useQuery } from '@tanstack/react-query';
import { api, ApiError, type Schemas, unwrap } from '../api/client';

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

/** Platform admins, and the staff of this municipality. */
export function isStaffOf(me: Pick<Schemas['Me'], 'admin' | 'staff'> | null | undefined, municipalityCode: string | undefined): boolean {
  if (!me || !municipalityCode) return false;
  return me.admin || me.staff.some((s) => s.municipalityCode === municipalityCode);
}

export function signInUrl(returnTo: string = window.location.pathname + window.location.search): string {
  return `/api/v1/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}
