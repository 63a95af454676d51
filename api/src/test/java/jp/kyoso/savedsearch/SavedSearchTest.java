package jp.kyoso.savedsearch;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.event.EventFixtures;
import jp.kyoso.support.Api;
import jp.kyoso.support.ListingFixtures;
import jp.kyoso.support.ListingFixtures.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.ListingFixtures.body;
import static jp.kyoso.support.ListingFixtures.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Saved searches: a person saves a listing or event search and hears of new items that match it. */
@QuarkusTest
class SavedSearchTest {

    static World w;

    @jakarta.inject.Inject jakarta.persistence.EntityManager em;

    @BeforeEach
    void world() {
        if (w == null) {
            w = ListingFixtures.world();
        }
    }

    private static Map<String, Object> search(Object... fields) {
        Map<String, Object> body = new HashMap<>(Map.of("target", "LISTING", "municipalityCode", w.code()));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    private static String save(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/v1/me/saved-searches").then().statusCode(201).extract().path("id");
    }

    private static List<String> alerts(String user) {
        return as(user).get("/api/v1/me/notifications?size=100").then().statusCode(200)
                .extract().path("items.findAll { it.kind == 'SAVED_SEARCH_MATCH' }.listingId");
    }

    @Test
    void saveListAndDeleteOnlyOnesOwn() {
        String saver = Api.unique("saver");
        String id = as(saver).body(search("kind", "NEED", "theme", "DISASTER_RELIEF", "areaId", w.district(),
                        "category", "GOODS", "q", "段ボール")).post("/api/v1/me/saved-searches").then().statusCode(201)
                .body("target", equalTo("LISTING")).body("targetLabel", equalTo("有る・無い"))
                .body("kind", equalTo("NEED")).body("kindLabel", equalTo("無い"))
                .body("theme", equalTo("DISASTER_RELIEF")).body("areaId", equalTo(w.district()))
                .body("name", equalTo("有る・無い: 段ボール × 防災・災害救援 × 無い × モノ × 赤崎地区"))
                .extract().path("id");
        as(saver).get("/api/v1/me/saved-searches").then().statusCode(200).body("items.id", hasItem(id))
                .body("total", equalTo(1));
        String other = Api.unique("other");
        as(other).get("/api/v1/me/saved-searches").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(other).delete("/api/v1/me/saved-searches/" + id).then().statusCode(404);
        anonymous().get("/api/v1/me/saved-searches").then().statusCode(401);
        anonymous().delete("/api/v1/me/saved-searches/" + id).then().statusCode(401);
        as(saver).delete("/api/v1/me/saved-searches/" + id).then().statusCode(204);
        as(saver).delete("/api/v1/me/saved-searches/" + id).then().statusCode(404);
        as(saver).get("/api/v1/me/saved-searches").then().body("total", equalTo(0));
    }

    @Test
    void theyAreInTheExportOfMyDataAndGoWithMyAccount() {
        String saver = Api.unique("leaver");
        String id = save(saver, search("q", "防災"));
        as(saver).get("/api/v1/me/data").then().statusCode(200)
                .body("savedSearches.id", hasItem(id)).body("savedSearches.q", hasItem("防災"));
        as(saver).delete("/api/v1/me").then().statusCode(204);
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from saved_search where id = cast(?1 as uuid)")
                .setParameter(1, id).getSingleResult()).longValue());
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String saver = Api.unique("saver");
        Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
        Map<String, Object> noTarget = search();
        noTarget.remove("target");
        bad.put("target", noTarget);
        bad.put("kind", search("kind", "FORUM"));
        bad.put("category", search("target", "EVENT", "category", "GOODS"));
        bad.put("areaId", search("areaId", ListingFixtures.world().district()));
        bad.put("municipalityCode", search("municipalityCode", "999999"));
        bad.put("q", search("q", "あ".repeat(201)));
        bad.put("theme", search("theme", "NOT_A_THEME"));
        bad.forEach((field, body) -> as(saver).body(body).post("/api/v1/me/saved-searches").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field)));
        as(saver).body(search("target", "EVENT", "kind", "NEED")).post("/api/v1/me/saved-searches").then()
                .statusCode(400).body("errors.field", hasItem("kind"));
        anonymous().body(search()).post("/api/v1/me/saved-searches").then().statusCode(401);
        as(saver).get("/api/v1/me/saved-searches").then().body("total", equalTo(0));
    }

    @Test
    void atMostFiftyPerPerson() {
        String saver = Api.unique("many");
        for (int i = 0; i < SavedSearchService.MAX_PER_PERSON; i++) {
            save(saver, search("q", "検索" + i));
        }
        as(saver).body(search("q", "もう一つ")).post("/api/v1/me/saved-searches").then().statusCode(400)
                .body("errors.field", hasItem("target"));
    }

    @Test
    void aNewMatchingListingIsAnnouncedOnceAndNeverTheSaversOwn() {
        String saver = Api.unique("saver");
        save(saver, search("kind", "NEED", "theme", "DISASTER_RELIEF", "areaId", w.district(), "q", "ベッド"));
        // The owner of A saves the same search: never told of A's own listing.
        save(w.ownerA(), search("kind", "NEED", "q", "ベッド"));
        // In the district's neighbourhood (a sub-area), of the kind and theme, with the words: announced.
        String matching = post(w.ownerA(), w.orgA(), body("NEED", "GOODS", "段ボールベッドを借りたい", "防災訓練で使います",
                List.of("DISASTER_RELIEF"), List.of(w.neighbourhood())));
        // Another kind, another area, without the words: not.
        String have = post(w.ownerB(), w.orgB(), body("HAVE", "GOODS", "段ボールベッドを貸せます", "備蓄",
                List.of("DISASTER_RELIEF"), List.of(w.district())));
        String elsewhere = post(w.ownerC(), w.orgC(), body("NEED", "GOODS", "ベッドがほしい", "子育てサロン",
                List.of("DISASTER_RELIEF"), List.of(w.otherDistrict())));
        String otherWords = post(w.ownerA(), w.orgA(), body("NEED", "GOODS", "毛布を借りたい", "防災訓練で使います",
                List.of("DISASTER_RELIEF"), List.of(w.district())));
        List<String> told = alerts(saver);
        assertEquals(List.of(matching), told.stream().filter(id -> List.of(matching, have, elsewhere, otherWords)
                .contains(id)).toList());
        as(saver).get("/api/v1/me/notifications?size=100").then()
                .body("items.find { it.listingId == '" + matching + "' }.message",
                        equalTo("保存した検索「有る・無い: ベッド × 防災・災害救援 × 無い × 赤崎地区」に合う「段ボールベッドを借りたい」が新しく公開されました（赤崎地区自治会）"));
        // Editing it does not announce it again.
        String etag = as(w.ownerA()).get("/api/v1/listings/" + matching).then().extract().header("ETag");
        as(w.ownerA()).header("If-Match", etag).body(body("NEED", "GOODS", "段ボールベッドを借りたい（再掲）", "防災訓練で使います",
                List.of("DISASTER_RELIEF"), List.of(w.neighbourhood()))).put("/api/v1/listings/" + matching)
                .then().statusCode(200);
        assertEquals(1, alerts(saver).stream().filter(matching::equals).count());
        assertEquals(0, alerts(w.ownerA()).stream().filter(matching::equals).count());
    }

    @Test
    void aPublishedEventMatchingAnEventSearchIsAnnounced() {
        String saver = Api.unique("event-saver");
        save(saver, search("target", "EVENT", "kind", "WORKSHOP", "theme", "DISASTER_RELIEF", "q", "防災"));
        String other = Api.unique("seminar-saver");
        save(other, search("target", "EVENT", "kind", "SEMINAR"));
        String draft = EventFixtures.draft(w);
        List<String> before = as(saver).get("/api/v1/me/notifications?size=100").then()
                .extract().path("items.findAll { it.kind == 'SAVED_SEARCH_MATCH' }.subject");
        assertEquals(0, before.size(), "a draft is not announced");
        as(w.ownerA()).post("/api/v1/events/" + draft + "/publication").then().statusCode(200);
        as(saver).get("/api/v1/me/notifications?size=100").then()
                .body("items.findAll { it.kind == 'SAVED_SEARCH_MATCH' }.message",
                        hasItem("保存した検索「イベント: 防災 × 防災・災害救援 × ワークショップ」に合う「赤崎地区 防災ワークショップ」が新しく公開されました（赤崎地区自治会）"));
        as(other).get("/api/v1/me/notifications?size=100").then()
                .body("items.findAll { it.kind == 'SAVED_SEARCH_MATCH' }.size()", equalTo(0));
    }
}
