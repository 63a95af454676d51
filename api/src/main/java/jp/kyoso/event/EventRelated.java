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
 * registrations, registration counts, public participants, organisation names, linked projects and
 * plan items — read for the whole page in one query each, so that a page of 100 events costs the
 * statements a page of 1 does.
 */
final class EventRelated {

    record Counts(long registered, long waitlisted, long attended) {
    }

    final Map<UUID, EventRegistration> mine = new HashMap<>();
    final Map<UUID, Counts> counts = new HashMap<>();
    final Map<UUID, List<String>> participants = new HashMap<>();
    final Map<UUID, String> organizationNames = new HashMap<>();
    final Map<UUID, List<LinkRef>> projects = new HashMap<>();
    final Map<UUID, List<LinkRef>> planItems = new HashMap<>();
    final Map<UUID, String> projectTitles = new LinkedHashMap<>();

    static EventRelated of(EntityManager em, List<Event> events, UUID user) {
        EventRelated r = new EventRelated();
        if (events.isEmpty()) {
            return r;
        }
        String ids = SqlArrays.literal(events.stream().map(e -> e.id).toList());
        if (user != null) {
            EventRegistration.<EventRegistration>list("eventId in ?1 and userId = ?2 and status <> ?3 order by createdAt",
                            events.stream().map(e -> e.id).toList(), user, RegistrationStatus.CANCELLED)
                    .forEach(reg -> r.mine.putIfAbsent(reg.eventId, reg));
        }
        for (Object[] row : rows(em, """
                select event_id, count(*) filter (where status in ('REGISTERED', 'ATTENDED')),
                       count(*) filter (where status = 'WAITLISTED'), count(*) filter (where status = 'ATTENDED')
                from event_registration where event_id = any(cast(?1 as uuid[])) group by event_id""", ids)) {
            r.counts.put((UUID) row[0], new Counts(((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue()));
        }
        for (Object[] row : rows(em, """
                select r.event_id, coalesce(u.display_name, '') from event_registration r join app_user u on u.id = r.user_id
                where r.event_id = any(cast(?1 as uuid[])) and r.show_publicly and r.status in ('REGISTERED', 'ATTENDED')
                order by r.event_id, r.arrival""", ids)) {
            r.participants.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        links(em, r.projects, """
                select l.event_id, p.id, p.title from event_project l join project p on p.id = l.project_id
                where l.event_id = any(cast(?1 as uuid[])) and p.deleted_at is null order by p.title""", ids);
        links(em, r.planItems, """
                select l.event_id, i.id, i.code || ' ' || i.title from event_plan_item l join plan_item i on i.id = l.plan_item_id
                where l.event_id = any(cast(?1 as uuid[])) order by i.code""", ids);
        Set<UUID> organizations = new HashSet<>();
        Set<UUID> followUps = new HashSet<>();
        for (Event e : events) {
            organizations.add(e.organizationId);
            organizations.addAll(list(e.coOrganizerIds));
            organizations.addAll(list(e.reportOrganizationIds));
            followUps.addAll(list(e.followUpProjectIds));
        }
        organizations.remove(null);
        // Organisation names and follow-up projects' titles in one statement (also when there are none).
        for (Object[] row : rows(em, """
                select 'o', o.id, o.name from organization o where o.id = any(cast(?1 as uuid[]))
                union all
                select 'p', p.id, p.title from project p where p.id = any(cast(?2 as uuid[])) and p.deleted_at is null
                order by 1, 3""", SqlArrays.literal(organizations), SqlArrays.literal(followUps))) {
            (row[0].toString().equals("o") ? r.organizationNames : r.projectTitles).put((UUID) row[1], (String) row[2]);
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

    private static void links(EntityManager em, Map<UUID, List<LinkRef>> into, String sql, String ids) {
        for (Object[] row : rows(em, sql, ids)) {
            into.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new LinkRef((UUID) row[1], (String) row[2]));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager em, String sql, String... arrays) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < arrays.length; i++) {
            query.setParameter(i + 1, arrays[i]);
        }
        return query.getResultList();
    }
}
