package jp.kyoso.organization;

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
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.organization.OrganizationDtos.OrganizationView;
import jp.kyoso.theme.Theme;

import java.util.ArrayList;
import java.util.Arrays;
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

    @Inject
    EntityManager em;

    @Inject
    Municipalities municipalities;

    @Inject
    AreaService areas;

    @Inject
    Access access;

    @Inject
    OrganizationService organizations;

    public Page<OrganizationView> search(String code, Criteria criteria, PageParams paging) {
        municipalities.require(code);
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        where.add("municipality_code = " + bindValue(params, code));
        where.add("deleted_at is null");
        if (criteria.status() != null && criteria.status() != OrganizationStatus.ACTIVE) {
            // Organisations that are not public are listed to staff only.
            access.requireStaff(code);
        }
        if (criteria.status() != null) {
            where.add("status = " + bindValue(params, criteria.status().name()));
        } else if (!access.isStaff(code)) {
            where.add("status = 'ACTIVE'");
        }
        if (criteria.type() != null) {
            where.add("type = " + bindValue(params, criteria.type().name()));
        }
        if (criteria.theme() != null) {
            where.add("themes @> cast(" + bindValue(params, SqlArrays.literal(List.of(criteria.theme().name()))) + " as text[])");
        }
        if (criteria.area() != null) {
            where.add("area_ids && cast(" + bindValue(params, SqlArrays.literal(areas.subtree(code, criteria.area()))) + " as uuid[])");
        }
        for (String term : JapaneseText.queryTerms(criteria.q())) {
            String[] grams = JapaneseText.bigrams(term);
            if (grams.length > 0) {
                where.add("search_grams @> cast(" + bindValue(params, SqlArrays.literal(Arrays.asList(grams))) + " as text[])");
            }
            where.add("strpos(search_text, " + bindValue(params, term) + ") > 0");
        }
        String condition = String.join(" and ", where);
        long total = ((Number) bind(em.createNativeQuery("select count(*) from organization where " + condition),
                params).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<UUID> ids = bind(em.createNativeQuery("select id from organization where " + condition
                        + " order by coalesce(name_kana, name), name, id limit " + paging.size
                        + " offset " + paging.offset(), UUID.class), params).getResultList();
        if (ids.isEmpty()) {
            return Page.of(List.of(), paging, total);
        }
        Map<UUID, Organization> byId = Organization.<Organization>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        return Page.of(ids.stream().map(byId::get).map(organizations::view).toList(), paging, total);
    }

    /** Adds a parameter and returns its ordinal placeholder. */
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
