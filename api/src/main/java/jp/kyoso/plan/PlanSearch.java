package jp.kyoso.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.organization.OrganizationMembership;
import jp.kyoso.plan.PlanDtos.PlanView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lists a municipality's plans by status, owning council and area. Staff see every plan; anyone
 * else the published ones and the drafts of the councils they belong to (see {@link PlanAccess}).
 */
@ApplicationScoped
public class PlanSearch {

    public record Criteria(PlanStatus status, UUID organizationId, UUID areaId) {
    }

    @Inject Plans plans;
    @Inject PlanViews views;
    @Inject CurrentUser currentUser;
    @Inject Municipalities municipalities;

    public Page<PlanView> list(String code, Criteria criteria, PageParams paging) {
        municipalities.require(code);
        StringBuilder where = new StringBuilder("municipalityCode = :code");
        Map<String, Object> params = new HashMap<>();
        params.put("code", code);
        if (criteria.status() != null) {
            where.append(" and status = :status");
            params.put("status", criteria.status());
        }
        if (criteria.organizationId() != null) {
            where.append(" and organizationId = :org");
            params.put("org", criteria.organizationId());
        }
        if (criteria.areaId() != null) {
            where.append(" and areaId = :area");
            params.put("area", criteria.areaId());
        }
        if (!plans.access().listsEveryDraftOf(code)) {
            List<UUID> mine = myCouncils();
            if (mine.isEmpty()) {
                where.append(" and latestVersion is not null");
            } else {
                where.append(" and (latestVersion is not null or organizationId in :mine)");
                params.put("mine", mine);
            }
        }
        var query = Plan.<Plan>find(where + " order by startFiscalYear desc, title, id", params);
        Page<Plan> page = Page.load(query, paging);
        return page.with(views.views(page.items()));
    }

    /** The organisations the caller belongs to, whose drafts the caller edits and so is listed. */
    private List<UUID> myCouncils() {
        return currentUser.id().map(uid -> OrganizationMembership.<OrganizationMembership>list("id.userId", uid)
                .stream().map(m -> m.id.organizationId()).toList()).orElse(List.of());
    }
}
