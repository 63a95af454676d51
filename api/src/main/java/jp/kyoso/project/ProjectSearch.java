package jp.kyoso.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.persistence.ByIds;
import jp.kyoso.core.search.JapaneseText;
import jp.kyoso.core.search.SearchQuery;
import jp.kyoso.core.search.SqlArrays;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.organization.OrganizationMembership;
import jp.kyoso.project.ProjectDtos.ProjectView;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Searches a municipality's projects by Japanese text (the bigram index of {@link JapaneseText}),
 * stage, domain and area (with its sub-areas), most recently changed first. The visibility rule
 * of {@link ProjectAccess} is written here as SQL, so that a page needs one query: the public sees
 * published projects, partners also their own, staff all.
 */
@ApplicationScoped
public class ProjectSearch {

    public record Criteria(String q, ProjectStage stage, CoCreationDomain domain, UUID area) {
    }

    @Inject EntityManager em;
    @Inject Municipalities municipalities;
    @Inject AreaService areas;
    @Inject Access access;
    @Inject CurrentUser currentUser;
    @Inject ProjectViews views;

    public Page<ProjectView> search(String code, Criteria criteria, PageParams paging) {
        municipalities.require(code);
        SearchQuery query = new SearchQuery("project p", "p").inMunicipality(code);
        if (!access.isStaff(code)) {
            List<UUID> mine = myOrganizations();
            query.and(mine.isEmpty() ? "p.published" : "(p.published or exists (select 1 from project_partner pp "
                    + "where pp.project_id = p.id and pp.organization_id = any(cast("
                    + query.bind(SqlArrays.literal(mine)) + " as uuid[]))))");
        }
        query.equal("stage", criteria.stage()).equal("domain", criteria.domain())
                .inAreas(criteria.area() == null ? null : areas.subtree(code, criteria.area()))
                .matching(criteria.q());
        SearchQuery.Found found = query.page(em, paging, "p.updated_at desc", "p.id");
        Map<UUID, Project> byId = ByIds.load(Project.class, found.ids());
        return Page.of(views.views(found.ids().stream().map(byId::get).toList()), paging, found.total());
    }

    private List<UUID> myOrganizations() {
        return currentUser.id().map(uid -> OrganizationMembership.<OrganizationMembership>list("id.userId", uid).stream()
                .map(m -> m.id.organizationId()).toList()).orElse(List.of());
    }
}
