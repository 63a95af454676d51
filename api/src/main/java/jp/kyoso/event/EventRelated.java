package jp.kyoso.event;

import jakarta.persistence.EntityManager;
import jp.kyoso.core.search.SqlArrays;
import jp.kyoso.event.EventDtos.LinkRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the views of a page of events show besides the events' own rows — the caller's
 * registrations, registration counts, public participants, organiser names (organisations and
 * municipalities), linked projects and plan items — read for the whole page in one statement, so
 * that a page of 100 events costs what a page of 1 does and an event's page two statements in all.
 */
final class EventRelated {

    record Counts(long registered, long waitlisted, long attended) {
    }

    /** The caller's live registration for an event: what the view shows of it. */
    record Mine(UUID id, RegistrationStatus status) {
        boolean holdsSeat() {
            return status.holdsSeat();
        }
    }

    /*
     * One row per related item: (kind, event, id, label, n1, n2, n3, ord). Each part numbers its
     * rows in the order the view lists them, so "order by kind, ord" keeps every list in order.
     */
    private static final String RELATED = """
            select 'c' as kind, event_id, null as id, null as label,
                   count(*) filter (where status in ('REGISTERED', 'ATTENDED')) as n1,
                   count(*) filter (where status = 'WAITLISTED') as n2, count(*) filter (where status = 'ATTENDED') as n3,
                   0 as ord
            from event_registration where event_id = any(cast(?1 as uuid[])) group by event_id
            union all
            select 'r', event_id, cast(id as text), status, null, null, null, row_number() over (order by created_at)
            from event_registration
            where event_id = any(cast(?1 as uuid[])) and user_id = cast(nullif(?5, '') as uuid) and status <> 'CANCELLED'
            union all
            select 'u', r.event_id, null, coalesce(u.display_name, ''), null, null, null,
                   row_number() over (order by r.event_id, r.arrival)
            from event_registration r join app_user u on u.id = r.user_id
            where r.event_id = any(cast(?1 as uuid[])) and r.show_publicly and r.status in ('REGISTERED', 'ATTENDED')
            union all
            select 'j', l.event_id, cast(p.id as text), p.title, null, null, null, row_number() over (order by p.title)
            from event_project l join project p on p.id = l.project_id
            where l.event_id = any(cast(?1 as uuid[])) and p.deleted_at is null
            union all
            select 'i', l.event_id, cast(i.id as text), i.code || ' ' || i.title, null, null, null,
                   row_number() over (order by i.code)
            from event_plan_item l join plan_item i on i.id = l.plan_item_id
            where l.event_id = any(cast(?1 as uuid[]))
            union all
            select 'o', null, cast(o.id as text), o.name, null, null, null, row_number() over (order by o.name)
            from organization o where o.id = any(cast(?2 as uuid[]))
            union all
            select 'p', null, cast(p.id as text), p.title, null, null, null, row_number() over (order by p.title)
            from project p where p.id = any(cast(?3 as uuid[])) and p.deleted_at is null
            union all
            select 'm', null, m.code, m.name, null, null, null, 0
            from municipality m where m.code = any(cast(?4 as text[]))
            order by kind, ord""";

    final Map<UUID, Mine> mine = new HashMap<>();
    final Map<UUID, Counts> counts = new HashMap<>();
    final Map<UUID, List<String>> participants = new HashMap<>();
    final Map<UUID, String> organizationNames = new HashMap<>();
    final Map<String, String> municipalityNames = new HashMap<>();
    final Map<UUID, List<LinkRef>> projects = new HashMap<>();
    final Map<UUID, List<LinkRef>> planItems = new HashMap<>();
    final Map<UUID, String> projectTitles = new LinkedHashMap<>();

    static EventRelated of(EntityManager em, List<Event> events, UUID user) {
        EventRelated r = new EventRelated();
        if (events.isEmpty()) {
            return r;
        }
        Set<UUID> organizations = new HashSet<>();
        Set<UUID> followUps = new HashSet<>();
        Set<String> municipalities = new HashSet<>();
        for (Event e : events) {
            organizations.add(e.organizationId);
            organizations.addAll(list(e.coOrganizerIds));
            organizations.addAll(list(e.reportOrganizationIds));
            followUps.addAll(list(e.followUpProjectIds));
            municipalities.add(e.municipalityCode);
        }
        organizations.remove(null);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(RELATED)
                .setParameter(1, SqlArrays.literal(events.stream().map(e -> e.id).toList()))
                .setParameter(2, SqlArrays.literal(organizations))
                .setParameter(3, SqlArrays.literal(followUps))
                .setParameter(4, SqlArrays.literal(municipalities))
                .setParameter(5, user == null ? "" : user.toString())
                .getResultList();
        for (Object[] row : rows) {
            UUID event = (UUID) row[1];
            String id = (String) row[2];
            String label = (String) row[3];
            switch ((String) row[0]) {
                case "c" -> r.counts.put(event, new Counts(((Number) row[4]).longValue(), ((Number) row[5]).longValue(),
                        ((Number) row[6]).longValue()));
                case "r" -> r.mine.putIfAbsent(event, new Mine(UUID.fromString(id), RegistrationStatus.valueOf(label)));
                case "u" -> r.participants.computeIfAbsent(event, k -> new ArrayList<>()).add(label);
                case "j" -> r.projects.computeIfAbsent(event, k -> new ArrayList<>()).add(new LinkRef(UUID.fromString(id), label));
                case "i" -> r.planItems.computeIfAbsent(event, k -> new ArrayList<>()).add(new LinkRef(UUID.fromString(id), label));
                case "o" -> r.organizationNames.put(UUID.fromString(id), label);
                case "p" -> r.projectTitles.put(UUID.fromString(id), label);
                case "m" -> r.municipalityNames.put(id, label);
                default -> throw new IllegalStateException("unknown related row " + row[0]);
            }
        }
        return r;
    }

    /** The organisations among {@code ids} that exist, in that order, with their names. */
    List<EventDtos.OrganizationRef> organizations(UUID[] ids) {
        return list(ids).stream().filter(organizationNames::containsKey)
                .map(id -> new EventDtos.OrganizationRef(id, organizationNames.get(id))).toList();
    }

    /** The follow-up projects among {@code ids}, by title. */
    List<LinkRef> followUpProjects(UUID[] ids) {
        Set<UUID> wanted = new HashSet<>(list(ids));
        return projectTitles.entrySet().stream().filter(p -> wanted.contains(p.getKey()))
                .map(p -> new LinkRef(p.getKey(), p.getValue())).toList();
    }

    private static List<UUID> list(UUID[] ids) {
        return ids == null ? List.of() : Arrays.stream(ids).filter(Objects::nonNull).toList();
    }
}
