import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { EventCard } from './EventCard';
import { eventTexts } from './texts';

/**
 * The events of an organisation, a project or a plan, on that one's page: the organiser's or
 * co-organiser's events, a project's activities, the events carrying out a plan's items.
 * Shows nothing when there are none.
 */
export function EventsSection({ municipalityCode, organizationId, projectId, planItemIds }: {
  municipalityCode: string;
  organizationId?: string;
  projectId?: string;
  /** A plan's items: the events carrying out any of them. */
  planItemIds?: readonly string[];
}) {
  const text = eventTexts();
  const forPlan = planItemIds !== undefined;
  const events = useQuery({
    queryKey: ['events', municipalityCode, { organizationId, projectId, plan: forPlan }],
    enabled: municipalityCode !== '',
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/events', {
        // The search filters by one plan item; a plan's events are those of any of its items,
        // picked here from the municipality's events.
        params: { path: { code: municipalityCode }, query: { organizationId, projectId, size: forPlan ? 100 : 20 } },
      })),
  });
  if (events.error) return <ProblemMessage error={events.error} />;
  const items = (events.data?.items ?? []).filter((e) => !forPlan || e.planItems.some((p) => planItemIds.includes(p.id)));
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="events-section-heading">
      <h2 id="events-section-heading">{text.events}</h2>
      <ul className="cards">{items.map((e) => <EventCard key={e.id} event={e} headingLevel={3} />)}</ul>
    </section>
  );
}
