package jp.kyoso.core.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Past the counted matches a search goes on by walking the page's order or by sorting all its matches
 * (SearchQuery.Plan, chosen from the table's statistics): both must find exactly the page a full sort
 * finds, and looking a term up by its rarest bigram must find what looking it up by all of them finds.
 */
@QuarkusTest
class SearchPlansTest {

    private static final String[] ORDER = {"coalesce(o.name_kana, o.name)", "o.name", "o.id"};
    private static final UUID EAST = UUID.randomUUID();
    private static final UUID WEST = UUID.randomUUID();

    @Inject EntityManager em;

    private String code;

    @BeforeEach
    void organisationsWhoseMatchesGatherAtTheEndOfTheOrder() {
        code = Fixtures.municipality();
        // 1,400 organisations in 五十音 order; from the 301st on, 1,100 of them hold 赤崎 (more than are counted),
        // 1,050 of those in the east (the last 50 are in the west).
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into organization (municipality_code, type, bond, name, status, search_text, search_grams, area_ids)
                        select ?1, 'CIVIC_GROUP', 'TERRITORIAL', 'かい' || lpad(n::text, 4, '0'), 'ACTIVE', t, grams,
                               case when n <= 1350 then cast(?2 as uuid[]) else cast(?3 as uuid[]) end
                        from generate_series(1, 1400) n,
                             lateral (select case when n > 300 then 'かい赤崎の会' else 'かい本山の会' end as t) text,
                             lateral (select case when n > 300 then '{かい,い赤,赤崎,崎の,の会}'::text[]
                                                  else '{かい,い本,本山,山の,の会}'::text[] end as grams) g""")
                .setParameter(1, code).setParameter(2, "{" + EAST + "}").setParameter(3, "{" + WEST + "}").executeUpdate());
    }

    @AfterEach
    void removeThem() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from organization where municipality_code = ?1").setParameter(1, code).executeUpdate());
    }

    private SearchQuery search(String q) {
        return search(q, null);
    }

    private SearchQuery search(String q, UUID area) {
        return new SearchQuery("organization o", "o").inMunicipality(code).and("o.status = 'ACTIVE'").orderedByText()
                .inAreas(area == null ? null : List.of(area)).matching(q);
    }

    /** The page as a plain query sorting every match finds it. */
    private List<UUID> sortedInFull(String term, int page, int size) {
        return sortedInFull(term, null, page, size);
    }

    private List<UUID> sortedInFull(String term, UUID area, int page, int size) {
        String inArea = area == null ? "" : " and '" + area + "' = any(o.area_ids)";
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select o.id from organization o where o.municipality_code = ?1 and strpos(o.search_text, ?2) > 0"""
                        + inArea + " order by coalesce(o.name_kana, o.name), o.name, o.id limit ?3 offset ?4", UUID.class)
                .setParameter(1, code).setParameter(2, term).setParameter(3, size).setParameter(4, page * size)
                .getResultList().stream().map(UUID.class::cast).toList());
    }

    private SearchQuery.Found page(SearchQuery.Plan plan, String q, UUID area, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> search(q, area).page(em, plan, PageParams.of(page, size), ORDER));
    }

    @Test
    void walkingAndSortingFindTheSamePagesAsAFullSort() {
        for (SearchQuery.Plan plan : SearchQuery.Plan.values()) {
            for (int[] paging : new int[][] {{0, 20}, {1, 20}, {10, 100}, {54, 20}}) {
                SearchQuery.Found found = page(plan, "赤崎", null, paging[0], paging[1]);
                assertFalse(found.total().exact(), plan + ": more than counted");
                assertEquals(1_000, found.total().count());
                assertEquals(sortedInFull("赤崎", paging[0], paging[1]), found.ids(), plan + " page " + paging[0]);
            }
            assertTrue(page(plan, "赤崎", null, 56, 20).ids().isEmpty(), plan + ": past the last match");
        }
    }

    @Test
    void aTermInOneAreaIsPagedAlikeByEveryPlan() {
        for (SearchQuery.Plan plan : SearchQuery.Plan.values()) {
            for (int[] paging : new int[][] {{0, 20}, {10, 100}, {52, 20}}) {
                SearchQuery.Found found = page(plan, "赤崎", EAST, paging[0], paging[1]);
                assertFalse(found.total().exact(), plan + ": more than counted");
                List<UUID> expected = sortedInFull("赤崎", EAST, paging[0], paging[1]);
                assertEquals(expected, found.ids(), plan + " page " + paging[0]);
                assertEquals(Math.min(paging[1], 1_050 - paging[0] * paging[1]), expected.size());
            }
        }
        // In the west, 50 organisations hold the term: counted exactly.
        SearchQuery.Found west = page(SearchQuery.Plan.COLLECT_THEN_WALK, "赤崎", WEST, 0, 20);
        assertEquals(50, west.total().count());
        assertEquals(sortedInFull("赤崎", WEST, 0, 20), west.ids());
    }

    @Test
    void aTermIsFoundAlikeWithAndWithoutTheTablesStatistics() {
        SearchQuery.Found before = QuarkusTransaction.requiringNew()
                .call(() -> search("かい赤崎").page(em, PageParams.of(3, 20), ORDER));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze organization").executeUpdate());
        GramFrequencies.forget();
        SearchQuery.Found after = QuarkusTransaction.requiringNew()
                .call(() -> search("かい赤崎").page(em, PageParams.of(3, 20), ORDER));
        assertEquals(sortedInFull("かい赤崎", 3, 20), before.ids());
        assertEquals(before, after);
        // A page of few matches is counted exactly either way.
        SearchQuery.Found few = QuarkusTransaction.requiringNew().call(() -> search("本山").page(em, PageParams.of(0, 20), ORDER));
        assertEquals(300, few.total().count());
        assertEquals(sortedInFull("本山", 0, 20), few.ids());
    }
}
