package jp.kyoso.matching;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.support.Api;
import jp.kyoso.support.Fixtures;
import jp.kyoso.support.ListingFixtures;
import jp.kyoso.support.ListingFixtures.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.ListingFixtures.body;
import static jp.kyoso.support.ListingFixtures.post;
import static jp.kyoso.support.ListingFixtures.today;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MatchSuggestionsTest {

    static World w;
    static String need;
    static String strongHave;
    static Map<String, String> excluded;

    @BeforeEach
    void world() {
        if (w != null) {
            return;
        }
        w = ListingFixtures.world();
        need = post(w.ownerA(), w.orgA(), body("NEED", "GOODS", "避難所運営訓練で使う段ボールベッドを借りたい",
                "11月の地区防災訓練で体育館に避難所を開設します。ダンボールベッドが20台ほど必要です。",
                List.of("DISASTER_RELIEF"), List.of(w.neighbourhood()), "quantity", 20, "unit", "台",
                "availableFrom", today(0), "availableUntil", today(60)));
        strongHave = post(w.ownerB(), w.orgB(), body("HAVE", "GOODS", "段ボールベッド 50台 貸し出せます",
                "訓練や災害時のために簡易ベッドを備蓄しています。", List.of("DISASTER_RELIEF"), List.of(),
                "quantity", 50, "unit", "台"));
        post(w.ownerC(), w.orgC(), body("HAVE", "GOODS", "毛布の貸し出し", "子育てサロン用の毛布があります",
                List.of("CHILDREN"), List.of(w.otherDistrict())));
        // Never suggested: the need's own organisation, a closed one, an expired one, one whose window
        // starts after the need's ends, another need, and a have of a pending organisation.
        String own = post(w.ownerA(), w.orgA(), body("HAVE", "GOODS", "段ボールベッド 10台", "自治会の備蓄です",
                List.of("DISASTER_RELIEF"), List.of(w.district())));
        String closed = post(w.ownerB(), w.orgB(), body("HAVE", "GOODS", "段ボールベッド（終了）", "簡易ベッド",
                List.of("DISASTER_RELIEF"), List.of()));
        as(w.ownerB()).post("/api/v1/listings/" + closed + "/closure").then().statusCode(200);
        String expired = post(w.ownerB(), w.orgB(), body("HAVE", "GOODS", "段ボールベッド（期限切れ）", "簡易ベッド",
                List.of("DISASTER_RELIEF"), List.of(), "availableUntil", today(-1)));
        String later = post(w.ownerB(), w.orgB(), body("HAVE", "GOODS", "段ボールベッド（来年）", "簡易ベッド",
                List.of("DISASTER_RELIEF"), List.of(), "availableFrom", today(120)));
        String otherNeed = post(w.ownerB(), w.orgB(), body("NEED", "GOODS", "段ボールベッドがほしい", "簡易ベッド",
                List.of("DISASTER_RELIEF"), List.of()));
        String pendingOwner = Api.unique("pending");
        String pendingOrg = Fixtures.organization(w.code(), pendingOwner, null, "承認待ちの会", "承認待ち",
                List.of(), List.of());
        String pending = post(pendingOwner, pendingOrg, body("HAVE", "GOODS", "段ボールベッド 5台", "簡易ベッド",
                List.of("DISASTER_RELIEF"), List.of()));
        World other = ListingFixtures.world();
        String elsewhere = post(other.ownerB(), other.orgB(), body("HAVE", "GOODS", "段ボールベッド 100台", "簡易ベッド",
                List.of("DISASTER_RELIEF"), List.of()));
        excluded = Map.of("own", own, "closed", closed, "expired", expired, "later", later, "otherNeed", otherNeed,
                "pending", pending, "elsewhere", elsewhere);
    }

    @Test
    void aNeedGetsRankedHavesWithReasons() {
        anonymous().get("/api/v1/listings/" + need + "/matches?limit=10").then().statusCode(200)
                .body("items[0].listing.id", equalTo(strongHave))
                .body("items[0].listing.kind", equalTo("HAVE"))
                .body("items[0].listing.organizationId", equalTo(w.orgB()))
                .body("items[0].listing.status", equalTo("OPEN"))
                .body("items[0].listing.contact", equalTo(null))
                .body("items.listing.kind", everyItem(equalTo("HAVE")))
                .body("items.score", everyItem(greaterThanOrEqualTo(0f)))
                .body("items.score", everyItem(lessThanOrEqualTo(1f)))
                .body("items[0].reasons.code", hasItems("SAME_CATEGORY", "SHARED_THEMES", "CITY_WIDE",
                        "SHARED_CONCEPTS", "QUANTITY_COVERS"))
                .body("items[0].reasons.label", hasItems("同じ種類: モノ", "同じテーマ: 防災・災害救援", "市内全域が対象",
                        "数量が足りる: 50台 ≥ 20台"))
                .body("items[0].reasons.find { it.code == 'SHARED_CONCEPTS' }.values", hasItem("cardboard_bed"))
                .body("items[0].reasons.find { it.code == 'SHARED_CONCEPTS' }.label", equalTo("共通の言葉: 段ボールベッド"))
                .body("page", equalTo(0)).body("size", equalTo(10));
        anonymous().header("Accept-Language", "en").get("/api/v1/listings/" + need + "/matches").then().statusCode(200)
                .body("items[0].reasons.label", hasItems("Same category: Goods", "City-wide",
                        "Shared words: cardboard beds"));
    }

    @Test
    void scoresAreSortedAndTheRankingIsDeterministic() {
        List<Float> scores = anonymous().get("/api/v1/listings/" + need + "/matches?limit=50").then().statusCode(200)
                .extract().path("items.score");
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), "sorted by score: " + scores);
        }
        String first = anonymous().get("/api/v1/listings/" + need + "/matches?limit=50").then().extract().asString();
        String second = anonymous().get("/api/v1/listings/" + need + "/matches?limit=50").then().extract().asString();
        assertEquals(first, second);
    }

    @Test
    void ineligibleListingsAreNeverSuggested() {
        List<String> ids = anonymous().get("/api/v1/listings/" + need + "/matches?limit=50").then().statusCode(200)
                .extract().path("items.listing.id");
        excluded.forEach((why, id) -> assertTrue(!ids.contains(id), why + " must not be suggested"));
    }

    @Test
    void aHaveGetsNeedsWithTheSameScore() {
        float fromNeed = anonymous().get("/api/v1/listings/" + need + "/matches").then().extract().path("items[0].score");
        anonymous().get("/api/v1/listings/" + strongHave + "/matches").then().statusCode(200)
                .body("items.listing.kind", everyItem(equalTo("NEED")))
                .body("items.listing.id", hasItem(need))
                .body("items.find { it.listing.id == '" + need + "' }.score", equalTo(fromNeed));
    }

    @Test
    void areaRelationsAreExplained() {
        World v = ListingFixtures.world();
        String need = post(v.ownerA(), v.orgA(), body("NEED", "GOODS", "段ボールベッドを借りたい", "防災訓練で使います",
                List.of("DISASTER_RELIEF"), List.of(v.neighbourhood())));
        String inDistrict = post(v.ownerC(), v.orgC(), body("HAVE", "GOODS", "段ボールベッド（赤崎地区の倉庫）",
                "簡易ベッドを地区で保管", List.of("DISASTER_RELIEF"), List.of(v.district())));
        String sameArea = post(v.ownerB(), v.orgB(), body("HAVE", "GOODS", "段ボールベッド（西高泊）",
                "簡易ベッドを西高泊で保管", List.of("DISASTER_RELIEF"), List.of(v.neighbourhood())));
        anonymous().get("/api/v1/listings/" + need + "/matches?limit=50").then().statusCode(200)
                .body("items.find { it.listing.id == '" + inDistrict + "' }.reasons.label",
                        hasItem("近い地域: 西高泊は赤崎地区の一部"))
                .body("items.find { it.listing.id == '" + sameArea + "' }.reasons.label", hasItem("同じ地域: 西高泊"));
    }

    @Test
    void aNewStrongHaveIsAnnouncedToTheNeedOnce() {
        List<String> suggested = as(w.ownerA()).get("/api/v1/organizations/" + w.orgA() + "/matches?status=SUGGESTED&size=100")
                .then().statusCode(200).extract().path("items.have.id");
        assertTrue(suggested.contains(strongHave), "a SUGGESTED match for the strong have: " + suggested);
        as(w.ownerA()).get("/api/v1/me/notifications?size=100").then().statusCode(200)
                .body("items.findAll { it.kind == 'STRONG_SUGGESTION' && it.listingId == '" + need + "' }.message",
                        hasItem("「避難所運営訓練で使う段ボールベッドを借りたい」に合いそうな有る「段ボールベッド 50台 貸し出せます」（防災士会）が登録されました"));
        // Editing the have does not announce it again.
        String etag = as(w.ownerB()).get("/api/v1/listings/" + strongHave).then().extract().header("ETag");
        as(w.ownerB()).header("If-Match", etag).body(body("HAVE", "GOODS", "段ボールベッド 50台 貸し出せます",
                        "訓練や災害時のために簡易ベッドを備蓄しています。組み立て説明付き。", List.of("DISASTER_RELIEF"), List.of(),
                        "quantity", 50, "unit", "台"))
                .put("/api/v1/listings/" + strongHave).then().statusCode(200);
        List<String> notes = as(w.ownerA()).get("/api/v1/me/notifications?size=100").then()
                .extract().path("items.findAll { it.kind == 'STRONG_SUGGESTION' && it.listingId == '" + need
                        + "' && it.message.contains('段ボールベッド 50台 貸し出せます') }.id");
        assertEquals(1, notes.size(), "announced once: " + notes);
    }

    @Test
    void suggestionsFollowTheListingsVisibility() {
        String pendingOwner = Api.unique("pending");
        String pendingOrg = Fixtures.organization(w.code(), pendingOwner, null, "承認待ちの会", "承認待ち", List.of(), List.of());
        String pendingNeed = post(pendingOwner, pendingOrg, body("NEED", "GOODS", "段ボールベッドがほしい", "簡易ベッド",
                List.of("DISASTER_RELIEF"), List.of()));
        anonymous().get("/api/v1/listings/" + pendingNeed + "/matches").then().statusCode(404)
                .contentType("application/problem+json");
        as(pendingOwner).get("/api/v1/listings/" + pendingNeed + "/matches").then().statusCode(200)
                .body("items.listing.id", hasItem(strongHave));
        String closedNeed = post(w.ownerA(), w.orgA(), body("NEED", "GOODS", "段ボールベッド", "簡易ベッド",
                List.of("DISASTER_RELIEF"), List.of()));
        as(w.ownerA()).post("/api/v1/listings/" + closedNeed + "/closure").then().statusCode(200);
        as(w.ownerA()).get("/api/v1/listings/" + closedNeed + "/matches").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void limitIsValidated() {
        anonymous().get("/api/v1/listings/" + need + "/matches?limit=0").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        anonymous().get("/api/v1/listings/" + need + "/matches?limit=51").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        anonymous().get("/api/v1/listings/" + need + "/matches?limit=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("size", equalTo(1));
        anonymous().get("/api/v1/listings/00000000-0000-4000-8000-000000000000/matches").then().statusCode(404);
    }

    @Test
    void nothingOfAnotherMunicipalityIsSuggested() {
        List<String> codes = anonymous().get("/api/v1/listings/" + need + "/matches?limit=50").then()
                .extract().path("items.listing.municipalityCode");
        assertTrue(codes.stream().allMatch(w.code()::equals), "only " + w.code() + ": " + codes);
        anonymous().get("/api/v1/listings/" + need + "/matches?limit=50").then()
                .body("items.listing.id", not(hasItem(excluded.get("elsewhere"))));
    }
}
