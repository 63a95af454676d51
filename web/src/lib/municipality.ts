import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export function useMunicipality(code: string) {
  return useQuery({
    queryKey: ['municipality', code],
    queryFn: async () => unwrap(await api.GET('/api/v1/municipalities/{code}', { params: { path: { code } } })),
  });
}
