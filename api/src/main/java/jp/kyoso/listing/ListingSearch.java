package jp.kyoso.listing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.persistence.ByIds;
import jp.kyoso.core.search.JapaneseText;
import jp.kyoso.core.search.SearchQuery;
import jp.kyoso.core.security.Access;
import jp.kyoso.listing.ListingDtos.ListingView;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.theme.Theme;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    @Inject EntityManager em;
    @Inject Municipalities municipalities;
    @Inject AreaService areas;
    @Inject Access access;
    @Inject ListingService listings;

    public Page<ListingView> search(String code, Criteria criteria, PageParams paging) {
        municipalities.require(code);
        boolean staff = access.isStaff(code);
        if (criteria.status() != null && criteria.status() != ListingStatus.OPEN) {
            // Listings that are not open are not public; organisations see their own on their page.
            access.requireStaff(code);
        }
        SearchQuery query = new SearchQuery("listing l join organization o on o.id = l.organization_id", "l")
                .inMunicipality(code).and("o.deleted_at is null");
        ListingStatus status = criteria.status() != null ? criteria.status() : staff ? null : ListingStatus.OPEN;
        if (status != null) {
            query.and(switch (status) {
                case OPEN -> "l.status = 'OPEN' and (l.available_until is null or l.available_until >= "
                        + query.bind(JapanDate.today()) + ")";
                case EXPIRED -> "l.status = 'OPEN' and l.available_until < " + query.bind(JapanDate.today());
                default -> "l.status = " + query.bind(status.name());
            });
        }
        if (!staff) {
            query.and("o.status = 'ACTIVE'");
        }
        query.equal("kind", criteria.kind()).equal("category", criteria.category()).withTheme(criteria.theme())
                .inAreas(criteria.area() == null ? null : areas.subtree(code, criteria.area()))
                .matching(criteria.q());
        SearchQuery.Found found = query.page(em, paging, "l.created_at desc", "l.id");
        if (found.ids().isEmpty()) {
            return Page.of(List.of(), paging, found.total());
        }
        Map<UUID, Listing> byId = ByIds.load(Listing.class, found.ids());
        return Page.of(listings.views(found.ids().stream().map(byId::get).toList(), true), paging, found.total());
    }
}
