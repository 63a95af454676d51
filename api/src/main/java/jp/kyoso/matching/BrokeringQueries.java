package jp.kyoso.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.search.SearchQuery;
import jp.kyoso.core.search.SqlArrays;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.listing.JapanDate;
import jp.kyoso.matching.BrokeringDtos.BrokeringItem;
import jp.kyoso.matching.BrokeringDtos.ListingRef;
import jp.kyoso.matching.MatchDtos.BrokerView;
import jp.kyoso.matching.MatchDtos.OrganizationRef;
import jp.kyoso.municipality.Municipalities;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What brokers read: the liaison queue (strong suggestions that neither side acted on for
 * {@code kyoso.brokering.queue-after-days} days, default 14, while both listings are open and both
 * organisations active; for staff, optionally only the areas the caller is liaison officer of) and the
 * brokered matches with their progress (staff: all of the municipality; a coordinator's members: their
 * coordinator's). Each page is two statements for the ids and total and one for the rows, whatever its size.
 */
@ApplicationScoped
public class BrokeringQueries {

    private static final String FROM = """
            listing_match m join listing n on n.id = m.need_id join listing h on h.id = m.have_id
            join organization no on no.id = m.need_organization_id join organization ho on ho.id = m.have_organization_id""";

    @ConfigProperty(name = "kyoso.brokering.queue-after-days", defaultValue = "14")
    int queueAfterDays;

    @Inject EntityManager em;
    @Inject Municipalities municipalities;
    @Inject Access access;
    @Inject CurrentUser currentUser;
    @Inject Brokers brokers;
    @Inject RequestLanguage language;

    public Page<BrokeringItem> queue(String code, UUID area, boolean mine, PageParams paging) {
        municipalities.require(code);
        access.requireStaff(code);
        SearchQuery query = new SearchQuery(FROM, "m");
        query.equal("municipality_code", code).and("m.status = 'SUGGESTED'")
                .and("m.suggested_at <= " + query.bind(OffsetDateTime.now().minusDays(queueAfterDays)));
        for (String l : List.of("n", "h")) {
            query.and(l + ".deleted_at is null and " + l + ".status = 'OPEN' and (" + l + ".available_until is null or "
                    + l + ".available_until >= " + query.bind(JapanDate.today()) + ")");
        }
        query.and("no.status = 'ACTIVE' and no.deleted_at is null and ho.status = 'ACTIVE' and ho.deleted_at is null");
        if (area != null) {
            inAreas(query, subtree(code, List.of(area)));
        }
        if (mine) {
            inAreas(query, subtree(code, myLiaisonAreas(code)));
        }
        SearchQuery.Found found = query.page(em, paging, "m.score desc", "m.suggested_at", "m.id");
        return Page.of(rows(found.ids()), paging, found.total());
    }

    public Page<BrokeringItem> brokered(String code, MatchStatus status, PageParams paging) {
        municipalities.require(code);
        access.requireUser();
        SearchQuery query = new SearchQuery(FROM, "m");
        query.equal("municipality_code", code).and("m.broker_id is not null").equal("status", status);
        if (!access.isStaff(code)) {
            List<UUID> coordinators = brokers.myCoordinators(code);
            if (coordinators.isEmpty()) {
                throw Problems.forbidden(Label.of("自治体職員と承認されたコーディネーターの会員だけが見られます",
                        "Only staff of the municipality and members of approved coordinators may see brokered matches"));
            }
            query.and("m.broker_organization_id = any(cast(" + query.bind(SqlArrays.literal(coordinators)) + " as uuid[]))");
        }
        SearchQuery.Found found = query.page(em, paging, "m.proposed_at desc", "m.id");
        return Page.of(rows(found.ids()), paging, found.total());
    }

    private static void inAreas(SearchQuery query, List<UUID> areas) {
        String ids = "cast(" + query.bind(SqlArrays.literal(areas)) + " as uuid[])";
        query.and("(n.area_ids && " + ids + " or h.area_ids && " + ids + ")");
    }

    @SuppressWarnings("unchecked")
    private List<UUID> myLiaisonAreas(String code) {
        return em.createNativeQuery("""
                        select l.area_id from liaison_assignment l join area a on a.id = l.area_id
                        where l.user_id = ?1 and a.municipality_code = ?2 and l.starts_on <= ?3
                          and (l.ends_on is null or l.ends_on >= ?3)""")
                .setParameter(1, currentUser.require().id()).setParameter(2, code).setParameter(3, JapanDate.today())
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> subtree(String code, List<UUID> roots) {
        if (roots.isEmpty()) {
            return List.of();
        }
        List<UUID> found = em.createNativeQuery("""
                        with recursive sub(id) as (
                            select id from area where id = any(cast(?1 as uuid[])) and municipality_code = ?2
                            union
                            select a.id from area a join sub on a.parent_id = sub.id)
                        select id from sub""")
                .setParameter(1, SqlArrays.literal(roots)).setParameter(2, code).getResultList();
        if (found.isEmpty()) {
            throw Problems.invalidField("area", Label.of("この自治体の地域ではありません", "Not an area of this municipality"));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private List<BrokeringItem> rows(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select m.id, m.municipality_code, m.status, m.score, n.id, n.title, h.id, h.title,
                               no.id, no.name, ho.id, ho.name, m.broker_id, m.broker_organization_id, bo.name,
                               m.suggested_at, m.proposed_at, m.need_accepted_at, m.have_accepted_at, m.responded_at
                        from %s left join organization bo on bo.id = m.broker_organization_id
                        where m.id = any(cast(?1 as uuid[]))""".formatted(FROM))
                .setParameter(1, SqlArrays.literal(ids)).getResultList();
        Map<UUID, BrokeringItem> byId = new HashMap<>();
        UUID me = currentUser.id().orElse(null);
        // One municipality per page: whose broker the caller is, read once (not per row).
        String code = ((String) rows.getFirst()[1]).trim();
        boolean staff = access.isStaff(code);
        List<UUID> mineCoordinators = brokers.myCoordinators(code);
        for (Object[] r : rows) {
            MatchStatus status = MatchStatus.valueOf((String) r[2]);
            UUID brokerId = (UUID) r[12];
            UUID brokerOrg = (UUID) r[13];
            BrokerView broker = null;
            if (brokerId != null) {
                BrokerKind kind = brokerOrg == null ? BrokerKind.STAFF : BrokerKind.COORDINATOR;
                boolean mine = brokerId.equals(me) || (brokerOrg == null ? staff : mineCoordinators.contains(brokerOrg));
                broker = new BrokerView(kind, language.label(kind),
                        brokerOrg == null ? null : new OrganizationRef(brokerOrg, (String) r[14]), mine);
            }
            OffsetDateTime suggested = at(r[15]);
            OffsetDateTime proposed = at(r[16]);
            OffsetDateTime since = brokerId != null && proposed != null ? proposed : suggested;
            long days = since == null ? 0 : Duration.between(since, OffsetDateTime.now()).toDays();
            byId.put((UUID) r[0], new BrokeringItem((UUID) r[0], ((String) r[1]).trim(), status, language.label(status),
                    ((BigDecimal) r[3]).doubleValue(), new ListingRef((UUID) r[4], (String) r[5]),
                    new ListingRef((UUID) r[6], (String) r[7]), new OrganizationRef((UUID) r[8], (String) r[9]),
                    new OrganizationRef((UUID) r[10], (String) r[11]), broker, suggested, proposed, at(r[17]),
                    at(r[18]), at(r[19]), days));
        }
        return ids.stream().map(byId::get).toList();
    }

    private static OffsetDateTime at(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime o -> o;
            case java.time.Instant i -> i.atOffset(ZoneOffset.UTC);
            case Timestamp t -> t.toInstant().atOffset(ZoneOffset.UTC);
            default -> throw new IllegalStateException("Not a timestamp: " + value.getClass());
        };
    }
}
