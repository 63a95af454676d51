package jp.kyoso.project;

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
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.organization.OrganizationMembership;
import jp.kyoso.project.ProjectDtos.ProjectView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    @Inject
    EntityManager em;

    @Inject
    Municipalities municipalities;

    @Inject
    AreaService areas;

    @Inject
    Access access;

    @Inject
    CurrentUser currentUser;

    @Inject
    ProjectViews views;

    public Page<ProjectView> search(String code, Criteria criteria, PageParams paging) {
        municipalities.require(code);
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        where.add("p.municipality_code = " + bind(params, code));
        where.add("p.deleted_at is null");
        if (!access.isStaff(code)) {
            List<UUID> mine = myOrganizations();
            where.add(mine.isEmpty() ? "p.published" : "(p.published or exists (select 1 from project_partner pp "
                    + "where pp.project_id = p.id and pp.organization_id = any(cast("
                    + bind(params, SqlArrays.literal(mine)) + " as uuid[]))))");
        }
        if (criteria.stage() != null) {
            where.add("p.stage = " + bind(params, criteria.stage().name()));
        }
        if (criteria.domain() != null) {
            where.add("p.domain = " + bind(params, criteria.domain().name()));
        }
        if (criteria.area() != null) {
            where.add("p.area_ids && cast(" + bind(params, SqlArrays.literal(areas.subtree(code, criteria.area())))
                    + " as uuid[])");
        }
        for (String term : JapaneseText.queryTerms(criteria.q())) {
            String[] grams = JapaneseText.bigrams(term);
            if (grams.length > 0) {
                where.add("p.search_grams @> cast(" + bind(params, SqlArrays.literal(Arrays.asList(grams))) + " as text[])");
            }
            where.add("strpos(p.search_text, " + bind(params, term) + ") > 0");
        }
        String from = " from project p where " + String.join(" and ", where);
        long total = ((Number) bindAll(em.createNativeQuery("select count(*)" + from), params).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<UUID> ids = bindAll(em.createNativeQuery("select p.id" + from + " order by p.updated_at desc, p.id limit "
                + paging.size + " offset " + paging.offset(), UUID.class), params).getResultList();
        Map<UUID, Project> byId = ids.isEmpty() ? Map.of() : Project.<Project>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        return Page.of(ids.stream().map(byId::get).map(views::view).toList(), paging, total);
    }

    private List<UUID> myOrganizations() {
        return currentUser.id().map(uid -> OrganizationMembership.<OrganizationMembership>list("id.userId", uid).stream()
                .map(m -> m.id.organizationId()).toList()).orElse(List.of());
    }

    /** Adds a parameter and returns its ordinal placeholder. */
    private static String bind(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
    }

    private static Query bindAll(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }
}
