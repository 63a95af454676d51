package jp.kyoso.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.search.JapaneseText;
import jp.kyoso.core.search.SearchQuery;
import jp.kyoso.core.security.Access;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.organization.OrganizationDtos.OrganizationView;
import jp.kyoso.theme.Theme;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Searches a municipality's organisations by Japanese text, type, theme, area (with its
 * sub-areas) and status. Text matching uses the bigram index of {@link JapaneseText}.
 */
@ApplicationScoped
public class OrganizationSearch {

    public record Criteria(String q, OrganizationType type, Theme theme, UUID area, OrganizationStatus status) {
    }

    @Inject EntityManager em;
    @Inject Municipalities municipalities;
    @Inject AreaService areas;
    @Inject Access access;
    @Inject OrganizationService organizations;

    public Page<OrganizationView> search(String code, Criteria criteria, PageParams paging) {
        municipalities.require(code);
        SearchQuery query = new SearchQuery("organization o", "o").inMunicipality(code).orderedByText();
        if (criteria.status() != null && criteria.status() != OrganizationStatus.ACTIVE) {
            // Organisations that are not public are listed to staff only.
            access.requireStaff(code);
        }
        if (criteria.status() != null) {
            query.equal("status", criteria.status());
        } else if (!access.isStaff(code)) {
            query.and("o.status = 'ACTIVE'");
        }
        query.equal("type", criteria.type()).withTheme(criteria.theme())
                .inAreas(criteria.area() == null ? null : areas.subtree(code, criteria.area()))
                .matching(criteria.q());
        SearchQuery.Found found = query.page(em, paging, "coalesce(o.name_kana, o.name)", "o.name", "o.id");
        if (found.ids().isEmpty()) {
            return Page.of(List.of(), paging, found.total());
        }
        Map<UUID, Organization> byId = Organization.<Organization>list("id in ?1", found.ids()).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        return Page.of(found.ids().stream().map(byId::get).map(organizations::view).toList(), paging, found.total());
    }
}
