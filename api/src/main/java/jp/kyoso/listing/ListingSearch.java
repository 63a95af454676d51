package jp.kyoso.listing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.search.JapaneseText;
import jp.kyoso.core.search.SqlArrays;
import jp.kyoso.core.security.Access;
import jp.kyoso.listing.ListingDtos.ListingView;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.theme.Theme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Searches a municipality's haves and needs by kind, category, theme, area (with its
 * sub-areas), status and Japanese text (the bigram index of {@link JapaneseText}: no word
 * spaces needed, width and script folded). The public sees OPEN listings of ACTIVE
 * organisations; staff of the municipality see every status.
 */
@ApplicationScoped
public class ListingSearch {

    public record Criteria(String q, ListingKind kind, ListingCategory category, Theme theme, UUID area,
                           ListingStatus status) {
    }

    @Inject
    EntityManager em;

    @Inject
    Municipalities municipalities;

    @Inject
    AreaService areas;

    @Inject
    Access access;

    @Inject
    ListingService listings;

    public Page<ListingView> search(String code, Criteria criteria, PageParams paging) {
        municipalities.require(code);
        boolean staff = access.isStaff(code);
        if (criteria.status() != null && criteria.status() != ListingStatus.OPEN) {
            // Listings that are not open are not public; organisations see their own on their page.
            access.requireStaff(code);
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        where.add("l.municipality_code = " + bindValue(params, code));
        where.add("l.deleted_at is null");
        where.add("o.deleted_at is null");
        ListingStatus status = criteria.status() != null ? criteria.status() : staff ? null : ListingStatus.OPEN;
        if (status != null) {
            where.add(switch (status) {
                case OPEN -> "l.status = 'OPEN' and (l.available_until is null or l.available_until >= "
                        + bindValue(params, JapanDate.today()) + ")";
                case EXPIRED -> "l.status = 'OPEN' and l.available_until < " + bindValue(params, JapanDate.today());
                default -> "l.status = " + bindValue(params, status.name());
            });
        }
        if (!staff) {
            where.add("o.status = 'ACTIVE'");
        }
        if (criteria.kind() != null) {
            where.add("l.kind = " + bindValue(params, criteria.kind().name()));
        }
        if (criteria.category() != null) {
            where.add("l.category = " + bindValue(params, criteria.category().name()));
        }
        if (criteria.theme() != null) {
            where.add("l.themes @> cast(" + bindValue(params, SqlArrays.literal(List.of(criteria.theme().name())))
                    + " as text[])");
        }
        if (criteria.area() != null) {
            where.add("l.area_ids && cast(" + bindValue(params, SqlArrays.literal(areas.subtree(code, criteria.area())))
                    + " as uuid[])");
        }
        for (String term : JapaneseText.queryTerms(criteria.q())) {
            String[] grams = JapaneseText.bigrams(term);
            if (grams.length > 0) {
                where.add("l.search_grams @> cast(" + bindValue(params, SqlArrays.literal(Arrays.asList(grams)))
                        + " as text[])");
            }
            where.add("strpos(l.search_text, " + bindValue(params, term) + ") > 0");
        }
        String from = " from listing l join organization o on o.id = l.organization_id where "
                + String.join(" and ", where);
        long total = ((Number) bind(em.createNativeQuery("select count(*)" + from), params).getSingleResult())
                .longValue();
        @SuppressWarnings("unchecked")
        List<UUID> ids = bind(em.createNativeQuery("select l.id" + from
                + " order by l.created_at desc, l.id limit " + paging.size + " offset " + paging.offset(),
                UUID.class), params).getResultList();
        if (ids.isEmpty()) {
            return Page.of(List.of(), paging, total);
        }
        Map<UUID, Listing> byId = Listing.<Listing>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(l -> l.id, Function.identity()));
        return Page.of(listings.views(ids.stream().map(byId::get).toList(), true), paging, total);
    }

    private static String bindValue(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }
}
