package jp.kyoso.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.indicator.IndicatorDtos.IndicatorView;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.organization.OrganizationMembership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lists a municipality's indicators, of one plan or of one kind of owner, in their sort order.
 * The visibility rule of {@link IndicatorAccess} is written here as a query, so that a page needs
 * one: staff see all; others the municipality's own, and those of published plans and of the
 * councils they belong to.
 */
@ApplicationScoped
public class IndicatorSearch {

    @Inject Municipalities municipalities;
    @Inject Access access;
    @Inject CurrentUser currentUser;
    @Inject IndicatorViews views;

    public Page<IndicatorView> list(String code, UUID planId, IndicatorOwnerType owner, PageParams paging) {
        municipalities.require(code);
        StringBuilder where = new StringBuilder("municipalityCode = :code");
        Map<String, Object> params = new HashMap<>();
        params.put("code", code);
        if (planId != null) {
            where.append(" and planId = :plan");
            params.put("plan", planId);
        }
        if (owner == IndicatorOwnerType.MUNICIPALITY) {
            where.append(" and planId is null");
        } else if (owner == IndicatorOwnerType.PLAN) {
            where.append(" and planId is not null");
        }
        if (!access.isStaff(code)) {
            List<UUID> mine = currentUser.id().map(uid -> OrganizationMembership.<OrganizationMembership>list(
                    "id.userId", uid).stream().map(m -> m.id.organizationId()).toList()).orElse(List.of());
            where.append(" and (planId is null or planId in (select p.id from Plan p where p.latestVersion is not null");
            if (!mine.isEmpty()) {
                where.append(" or p.organizationId in :mine");
                params.put("mine", mine);
            }
            where.append("))");
        }
        var query = Indicator.<Indicator>find(where + " order by sortOrder, name, id", params);
        Page<Indicator> page = Page.load(query, paging);
        return page.with(views.views(page.items()));
    }
}
