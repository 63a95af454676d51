package jp.kyoso.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.persistence.ByIds;
import jp.kyoso.core.search.SearchQuery;
import jp.kyoso.core.search.SqlArrays;
import jp.kyoso.core.security.Access;
import jp.kyoso.event.EventDtos.EventView;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.organization.MyMemberships;
import jp.kyoso.theme.Theme;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Searches a municipality's events by Japanese text, kind, theme, area (with its sub-areas),
 * time, status, organisation (organising or co-organising), project and plan item, soonest first.
 * The visibility rule of {@link EventAccess} as SQL: the public sees listed events that are not
 * drafts; organisers also their own drafts and unlisted events; staff everything.
 */
@ApplicationScoped
public class EventSearch {

    public record Criteria(String q, EventKind kind, Theme theme, UUID area, OffsetDateTime from, OffsetDateTime to,
                           EventStatus status, UUID organizationId, UUID projectId, UUID planItemId) {
    }

    @Inject EntityManager em;
    @Inject Municipalities municipalities;
    @Inject AreaService areas;
    @Inject Access access;
    @Inject EventViews views;
    @Inject MyMemberships memberships;

    public Page<EventView> search(String code, Criteria criteria, PageParams paging) {
        municipalities.require(code);
        SearchQuery query = query(code, criteria, !access.isStaff(code), myOrganizations());
        SearchQuery.Found found = query.page(em, paging, "e.starts_at", "e.id");
        return Page.of(views.views(load(found.ids())), paging, found.total());
    }

    /** The public's events for a feed or the open data: listed and not drafts (or only the statuses asked for). */
    public List<Event> publicEvents(String code, Criteria criteria, List<EventStatus> statuses, int max) {
        municipalities.require(code);
        SearchQuery query = query(code, criteria, true, List.of());
        query.and("e.status = any(cast(" + query.bind(SqlArrays.literal(statuses.stream().map(Enum::name).toList()))
                + " as text[]))");
        return load(query.first(em, max, "e.starts_at", "e.id"));
    }

    /**
     * Events the caller organises that have ended but are not closed yet (the staff of a
     * municipality see its municipal events and those of organisations there).
     */
    public Page<EventView> toClose(PageParams paging) {
        UUID user = access.requireUser().id();
        List<UUID> mine = myOrganizations();
        SearchQuery query = new SearchQuery("event e", "e");
        query.and("e.deleted_at is null").and("e.status = 'PUBLISHED'")
                .and("coalesce(e.ends_at, e.starts_at) <= now()");
        String staffOf = "e.municipality_code in (select s.municipality_code from staff_membership s where s.user_id = "
                + query.bind(user) + ")";
        query.and(mine.isEmpty() ? staffOf : "(" + staffOf + " or " + organisedBy(query, mine) + ")");
        SearchQuery.Found found = query.page(em, paging, "e.starts_at", "e.id");
        return Page.of(views.views(load(found.ids())), paging, found.total());
    }

    private SearchQuery query(String code, Criteria c, boolean publicOnly, List<UUID> mine) {
        SearchQuery query = new SearchQuery("event e", "e").inMunicipality(code);
        if (publicOnly) {
            String visible = "(e.listed and e.status <> 'DRAFT')";
            query.and(mine.isEmpty() ? visible : "(" + visible + " or " + organisedBy(query, mine) + ")");
        }
        query.equal("kind", c.kind()).equal("status", c.status()).withTheme(c.theme())
                .inAreas(c.area() == null ? null : areas.subtree(code, c.area()))
                .matching(c.q());
        if (c.from() != null) {
            // Still running at `from` means it started at most the city's longest event before it: that bound lets
            // the index on starts_at skip the past instead of reading every earlier event (docs/benchmarks.md, scale).
            String from = query.bind(c.from());
            query.and("coalesce(e.ends_at, e.starts_at) >= " + from)
                    .and("e.starts_at >= cast(" + from + " as timestamptz) - (select coalesce(max(d.ends_at - d.starts_at), interval '0')"
                            + " from event d where d.municipality_code = " + query.bind(code) + " and d.deleted_at is null)");
        }
        if (c.to() != null) {
            query.and("e.starts_at < " + query.bind(c.to()));
        }
        if (c.organizationId() != null) {
            query.and(organisedBy(query, List.of(c.organizationId())));
        }
        if (c.projectId() != null) {
            query.and("exists (select 1 from event_project l where l.event_id = e.id and l.project_id = "
                    + query.bind(c.projectId()) + ")");
        }
        if (c.planItemId() != null) {
            query.and("exists (select 1 from event_plan_item l where l.event_id = e.id and l.plan_item_id = "
                    + query.bind(c.planItemId()) + ")");
        }
        return query;
    }

    private static String organisedBy(SearchQuery query, List<UUID> organizations) {
        String ids = "cast(" + query.bind(SqlArrays.literal(organizations)) + " as uuid[])";
        return "(e.organization_id = any(" + ids + ") or e.co_organizer_ids && " + ids + ")";
    }

    private List<Event> load(List<UUID> ids) {
        Map<UUID, Event> byId = ByIds.load(Event.class, ids);
        return ids.stream().map(byId::get).toList();
    }

    private List<UUID> myOrganizations() {
        return memberships.organizationIds();
    }
}
