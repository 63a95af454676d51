package jp.kyoso.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.core.search.SqlArrays;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The participation funnel (参加の段階): from the events of a municipality to the people who came
 * and those who stepped up afterwards, by fiscal year, area and kind, in one SQL statement. Only
 * aggregates leave it, never a person. What counts:
 *
 * <ul>
 * <li><b>events held</b>: PUBLISHED or CLOSED events (not drafts, not cancelled, not deleted) that
 * have started; an event belongs to the 年度 of its start date in Japan;</li>
 * <li><b>registrations</b>: registrations holding a seat (REGISTERED or ATTENDED; not waitlisted,
 * not cancelled);</li>
 * <li><b>attendees</b>: people checked in (ATTENDED), each counted once: a signed-in person by
 * account, a guest by e-mail address (an erased guest by registration);</li>
 * <li><b>first-time attendees</b>: attendees whose first attended event in the municipality is in
 * the group; <b>repeat</b> the others;</li>
 * <li><b>stepped up</b>: signed-in attendees who, after the start of an attended event of the
 * group and within {@code months} of it, joined an organisation of the municipality, posted a
 * have or need there, or were a member of an organisation when it became an active partner of a
 * project there (the later of joining and the partner's acceptance counts), each counted once;</li>
 * <li><b>headcount</b>: what the events reported (the closing report's attendee count, else the
 * check-ins) plus walk-ins; <b>walk-ins</b> alone as well.</li>
 * </ul>
 *
 * <p>An event for several areas counts in each area's row, once in the totals; a city-wide event
 * (no area) has the row of no area. Filters narrow the events counted, not the people's history:
 * a first time is judged against every event of the municipality.
 *
 * <p>Indexes used: {@code event_municipality} (municipality, start), {@code event_registration_event}
 * (event, status), {@code event_registration_user}, {@code organization_membership_user},
 * {@code listing_author} (author, time) and {@code project_partner_organization}.
 */
@ApplicationScoped
public class ParticipationFunnel {

    /** The default window for stepping up after an event, in months. */
    public static final int DEFAULT_MONTHS = 12;

    /**
     * What to count: one fiscal year or all (null), kinds and areas (empty: every one; an area
     * filter is the set of areas an event must be for, sub-areas included by the caller).
     */
    public record Scope(Integer fiscalYear, Set<EventKind> kinds, Collection<UUID> areaIds, int months) {

        public static Scope all() {
            return new Scope(null, Set.of(), Set.of(), DEFAULT_MONTHS);
        }
    }

    /** The figures of one group of events. */
    public record Figures(long eventsHeld, long registrations, long attendees, long firstTimeAttendees,
                          long steppedUp, long walkIns, long headcount) {

        public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0);

        public long repeatAttendees() {
            return attendees - firstTimeAttendees;
        }
    }

    /**
     * One group: a fiscal year's total (neither by area nor by kind), or by area (areaId null: the
     * city-wide events), by kind, or by both.
     */
    public record Row(int fiscalYear, boolean byArea, UUID areaId, String areaName, Integer population,
                      boolean byKind, EventKind kind, Figures figures) {
    }

    private static final String SQL = """
            with held as (
                select e.id, e.kind, e.starts_at, e.area_ids, e.attendee_count, e.walk_ins,
                       cast(extract(year from (e.starts_at at time zone 'Asia/Tokyo') - interval '3 months') as integer) as fy
                from event e
                where e.municipality_code = ?1 and e.deleted_at is null
                  and e.status in ('PUBLISHED', 'CLOSED') and e.starts_at <= now()
            ),
            attended as (
                select r.event_id, r.user_id, h.starts_at, p.person,
                       row_number() over (partition by p.person order by h.starts_at, h.id) = 1 as first_time
                from event_registration r
                join held h on h.id = r.event_id
                cross join lateral (select coalesce('u' || r.user_id, 'g' || lower(r.guest_email), 'r' || r.id) as person) p
                where r.status = 'ATTENDED'
            ),
            scoped as (
                select h.* from held h
                where (?2 = 0 or h.fy = ?2)
                  and (cardinality(cast(?3 as text[])) = 0 or h.kind = any(cast(?3 as text[])))
                  and (cardinality(cast(?4 as uuid[])) = 0 or h.area_ids && cast(?4 as uuid[]))
            ),
            per_event as (
                select s.id, s.fy, s.kind,
                       count(r.id) filter (where r.status in ('REGISTERED', 'ATTENDED')) as registrations,
                       coalesce(s.walk_ins, 0) as walk_ins,
                       coalesce(s.attendee_count, count(r.id) filter (where r.status = 'ATTENDED'))
                           + coalesce(s.walk_ins, 0) as headcount
                from scoped s
                left join event_registration r on r.event_id = s.id
                group by s.id, s.fy, s.kind, s.attendee_count, s.walk_ins
            ),
            event_areas as (
                select s.id, a.area_id, row_number() over (partition by s.id order by a.ord) = 1 as first_row
                from scoped s
                cross join lateral (
                    select x.area_id, x.ord from unnest(s.area_ids) with ordinality as x(area_id, ord)
                    where cardinality(cast(?4 as uuid[])) = 0 or x.area_id = any(cast(?4 as uuid[]))
                    union all
                    select cast(null as uuid), 1 where cardinality(s.area_ids) = 0) a
            ),
            stepped as (
                select distinct a.event_id, a.person
                from attended a
                where a.user_id is not null and a.event_id in (select id from scoped) and (
                    exists (select 1 from organization_membership m
                            join organization o on o.id = m.organization_id and o.municipality_code = ?1
                            where m.user_id = a.user_id and m.created_at > a.starts_at
                              and m.created_at <= a.starts_at + make_interval(months => ?5))
                    or exists (select 1 from listing l
                            where l.created_by = a.user_id and l.municipality_code = ?1
                              and l.created_at > a.starts_at
                              and l.created_at <= a.starts_at + make_interval(months => ?5))
                    or exists (select 1 from organization_membership m
                            join project_partner pp on pp.organization_id = m.organization_id and pp.status = 'ACTIVE'
                            join project pr on pr.id = pp.project_id and pr.municipality_code = ?1
                                 and pr.deleted_at is null
                            where m.user_id = a.user_id
                              and greatest(m.created_at, pp.responded_at) > a.starts_at
                              and greatest(m.created_at, pp.responded_at) <= a.starts_at + make_interval(months => ?5)))
            ),
            events_by as (
                select pe.fy, ea.area_id, pe.kind,
                       grouping(ea.area_id) as no_area, grouping(pe.kind) as no_kind,
                       count(distinct pe.id) as events_held,
                       case when grouping(ea.area_id) = 0 then sum(pe.registrations)
                            else sum(pe.registrations) filter (where ea.first_row) end as registrations,
                       case when grouping(ea.area_id) = 0 then sum(pe.walk_ins)
                            else sum(pe.walk_ins) filter (where ea.first_row) end as walk_ins,
                       case when grouping(ea.area_id) = 0 then sum(pe.headcount)
                            else sum(pe.headcount) filter (where ea.first_row) end as headcount
                from per_event pe
                join event_areas ea on ea.id = pe.id
                group by grouping sets ((pe.fy), (pe.fy, ea.area_id), (pe.fy, pe.kind), (pe.fy, ea.area_id, pe.kind))
            ),
            people_by as (
                select s.fy, ea.area_id, s.kind,
                       grouping(ea.area_id) as no_area, grouping(s.kind) as no_kind,
                       count(distinct a.person) as attendees,
                       count(distinct a.person) filter (where a.first_time) as first_time,
                       count(distinct st.person) as stepped_up
                from attended a
                join scoped s on s.id = a.event_id
                join event_areas ea on ea.id = s.id
                left join stepped st on st.event_id = a.event_id and st.person = a.person
                group by grouping sets ((s.fy), (s.fy, ea.area_id), (s.fy, s.kind), (s.fy, ea.area_id, s.kind))
            )
            select e.fy, e.no_area, e.area_id, e.no_kind, e.kind, e.events_held, e.registrations,
                   coalesce(p.attendees, 0), coalesce(p.first_time, 0), coalesce(p.stepped_up, 0),
                   e.walk_ins, e.headcount, ar.name, ar.population
            from events_by e
            left join people_by p on p.fy = e.fy and p.no_area = e.no_area and p.no_kind = e.no_kind
                 and p.area_id is not distinct from e.area_id and p.kind is not distinct from e.kind
            left join area ar on ar.id = e.area_id
            order by e.fy, e.no_area desc, e.no_kind desc, ar.sort_order nulls first, ar.name, e.kind
            """;

    @Inject
    EntityManager em;

    /** Every group of the scope, ordered by fiscal year, then totals, areas (city-wide first) and kinds. */
    @SuppressWarnings("unchecked")
    public List<Row> rows(String municipalityCode, Scope scope) {
        List<Object[]> result = em.createNativeQuery(SQL)
                .setParameter(1, municipalityCode)
                .setParameter(2, scope.fiscalYear() == null ? 0 : scope.fiscalYear())
                .setParameter(3, SqlArrays.literal(scope.kinds().stream().map(Enum::name).toList()))
                .setParameter(4, SqlArrays.literal(scope.areaIds()))
                .setParameter(5, scope.months())
                .getResultList();
        return result.stream().map(r -> new Row(
                number(r[0]).intValue(),
                number(r[1]).intValue() == 0,
                (UUID) r[2],
                (String) r[12],
                r[13] == null ? null : number(r[13]).intValue(),
                number(r[3]).intValue() == 0,
                r[4] == null ? null : EventKind.valueOf((String) r[4]),
                new Figures(number(r[5]).longValue(), number(r[6]).longValue(), number(r[7]).longValue(),
                        number(r[8]).longValue(), number(r[9]).longValue(), number(r[10]).longValue(),
                        number(r[11]).longValue()))).toList();
    }

    /** The total of each fiscal year with events in the scope (a year without any is absent). */
    public Map<Integer, Figures> totals(String municipalityCode, Scope scope) {
        Map<Integer, Figures> totals = new LinkedHashMap<>();
        rows(municipalityCode, scope).stream().filter(r -> !r.byArea() && !r.byKind())
                .forEach(r -> totals.put(r.fiscalYear(), r.figures()));
        return totals;
    }

    private static Number number(Object value) {
        return value == null ? 0 : (Number) value;
    }
}
