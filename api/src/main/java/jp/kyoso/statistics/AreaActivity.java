package jp.kyoso.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.area.Area;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.Labelled;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.search.SqlArrays;
import jp.kyoso.event.ParticipationFunnel;
import jp.kyoso.listing.ListingCategory;
import jp.kyoso.listing.ListingKind;
import jp.kyoso.organization.Bond;
import jp.kyoso.organization.OrganizationType;
import jp.kyoso.plan.PublishedPlans;
import jp.kyoso.project.ProjectStage;
import jp.kyoso.statistics.StatisticsDtos.ActivityCount;
import jp.kyoso.statistics.StatisticsDtos.ActivityEventsYear;
import jp.kyoso.statistics.StatisticsDtos.ActivityListings;
import jp.kyoso.statistics.StatisticsDtos.ActivityPlan;
import jp.kyoso.statistics.StatisticsDtos.AreaActivityView;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Kyoso's own activity in an area and its sub-areas (the sub-areas as the participation funnel
 * takes them), as the public sees it: ACTIVE organisations by type and bond, OPEN haves and needs
 * of ACTIVE organisations by category (an expired one is not open), published projects by stage,
 * events held and their participants per fiscal year (the participation funnel's figures), and the
 * progress of the published plans for the area or a sub-area. City-wide records (no area) are not
 * counted. Constant statements: one aggregate for organisations, listings and projects, the
 * funnel's one, and two for the plans.
 */
@ApplicationScoped
public class AreaActivity {

    private static final String COUNTS = """
            select 'ORG_TYPE', o.type, count(*) from organization o
            where o.municipality_code = ?1 and o.deleted_at is null and o.status = 'ACTIVE'
              and o.area_ids && cast(?2 as uuid[])
            group by o.type
            union all
            select 'ORG_BOND', o.bond, count(*) from organization o
            where o.municipality_code = ?1 and o.deleted_at is null and o.status = 'ACTIVE'
              and o.area_ids && cast(?2 as uuid[])
            group by o.bond
            union all
            select l.kind, l.category, count(*) from listing l
            join organization o on o.id = l.organization_id and o.deleted_at is null and o.status = 'ACTIVE'
            where l.municipality_code = ?1 and l.deleted_at is null and l.status = 'OPEN'
              and (l.available_until is null or l.available_until >= cast(now() at time zone 'Asia/Tokyo' as date))
              and l.area_ids && cast(?2 as uuid[])
            group by l.kind, l.category
            union all
            select 'PROJECT', p.stage, count(*) from project p
            where p.municipality_code = ?1 and p.deleted_at is null and p.published
              and p.area_ids && cast(?2 as uuid[])
            group by p.stage
            """;

    @Inject EntityManager em;
    @Inject AreaService areas;
    @Inject ParticipationFunnel funnel;
    @Inject PublishedPlans plans;
    @Inject FiscalYears fiscalYears;
    @Inject RequestLanguage language;

    @SuppressWarnings("unchecked")
    public AreaActivityView of(UUID id) {
        Area area = areas.require(id);
        String code = area.municipalityCode;
        List<UUID> subtree = areas.subtree(code, id);
        Map<String, Long> counts = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery(COUNTS)
                .setParameter(1, code).setParameter(2, SqlArrays.literal(subtree)).getResultList();
        for (Object[] r : rows) {
            counts.put(r[0] + "|" + r[1], ((Number) r[2]).longValue());
        }
        List<ActivityEventsYear> events = funnel.totals(code,
                        new ParticipationFunnel.Scope(null, Set.of(), subtree, ParticipationFunnel.DEFAULT_MONTHS))
                .entrySet().stream().map(e -> new ActivityEventsYear(e.getKey(), fiscalYears.label(e.getKey()),
                        e.getValue().eventsHeld(), e.getValue().registrations(), e.getValue().attendees(),
                        e.getValue().headcount())).toList();
        Map<UUID, String> names = new HashMap<>();
        Area.ofMunicipality(code).forEach(a -> names.put(a.id, a.name));
        List<ActivityPlan> planViews = plans.covering(code, subtree).stream().map(c -> new ActivityPlan(
                c.content().plan().id, c.content().title(), c.content().areaId(), names.get(c.content().areaId()),
                c.fiscalYear(), fiscalYears.label(c.fiscalYear()), c.overall())).toList();
        List<ActivityCount> byType = count(counts, "ORG_TYPE", OrganizationType.values());
        List<ActivityCount> byStage = count(counts, "PROJECT", ProjectStage.values());
        return new AreaActivityView(area.id, area.name, code, subtree.size() - 1, total(byType), byType,
                count(counts, "ORG_BOND", Bond.values()), listings(counts, ListingKind.HAVE),
                listings(counts, ListingKind.NEED), total(byStage), byStage, events, planViews);
    }

    private ActivityListings listings(Map<String, Long> counts, ListingKind kind) {
        List<ActivityCount> byCategory = count(counts, kind.name(), ListingCategory.values());
        return new ActivityListings(kind, language.label(kind), total(byCategory), byCategory);
    }

    private static long total(List<ActivityCount> counts) {
        return counts.stream().mapToLong(ActivityCount::count).sum();
    }

    private <E extends Enum<E> & Labelled> List<ActivityCount> count(Map<String, Long> counts, String group,
                                                                      E[] values) {
        return Arrays.stream(values).map(v -> new ActivityCount(v.name(), language.label(v),
                counts.getOrDefault(group + "|" + v.name(), 0L))).toList();
    }
}
