import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** One event, under the key every event screen shares, so a change shows everywhere. */
export function eventQuery(id: string) {
  return {
    queryKey: ['event', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/events/{id}', { params: { path: { id } } })),
  };
}

export function useEvent(id: string) {
  return useQuery(eventQuery(id));
}

/** An event's registrations, for its organisers (the waitlist in order). */
export function useRegistrations(id: string, enabled = true) {
  return useQuery({
    queryKey: ['event', id, 'registrations'],
    enabled,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/events/{id}/registrations', { params: { path: { id }, query: { size: 100 } } })),
  });
}
