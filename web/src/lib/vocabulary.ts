import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** The theme vocabulary (the NPO Act's fields of activity). */
export function useThemes() {
  return useQuery({
    queryKey: ['themes'],
    queryFn: async () => unwrap(await api.GET('/api/v1/themes')),
    staleTime: Infinity,
  });
}

/** A municipality's areas, once its code is known. */
export function useAreas(code: string) {
  return useQuery({
    queryKey: ['areas', code],
    enabled: code !== '',
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/areas', { params: { path: { code }, query: { size: 100 } } })),
  });
}
