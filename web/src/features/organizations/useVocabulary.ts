import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export function useThemes() {
  return useQuery({
    queryKey: ['themes'],
    queryFn: async () => unwrap(await api.GET('/api/v1/themes')),
    staleTime: Infinity,
  });
}

export function useAreas(code: string) {
  return useQuery({
    queryKey: ['areas', code],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/areas', { params: { path: { code }, query: { size: 100 } } })),
  });
}
