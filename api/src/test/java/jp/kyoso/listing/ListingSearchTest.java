package jp.kyoso.listing;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.support.ListingFixtures;
import jp.kyoso.support.ListingFixtures.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.ListingFixtures.body;
import static jp.kyoso.support.ListingFixtures.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Search per municipality: kind, category, theme, area with sub-areas, status, and Japanese text. */
@QuarkusTest
class ListingSearchTest {

    static World w;
    static String projector;
    static String drill;
    static String salon;

    @BeforeEach
    void world() {
        if (w != null) {
            return;
        }
        w = ListingFixtures.world();
        projector = post(w.ownerA(), w.orgA(), body("HAVE", "GOODS", "ＮＰＯ向けにﾌﾟﾛｼﾞｪｸﾀｰを貸し出します",
                "スクリーン付き。市民活動の講座にどうぞ", List.of("INFORMATION_SOCIETY"), List.of(w.neighbourhood())));
        drill = post(w.ownerB(), w.orgB(), body("NEED", "PEOPLE", "地区防災訓練のボランティア募集",
                "避難所の設営を手伝ってください", List.of("DISASTER_RELIEF"), List.of(w.otherDistrict())));
        salon = post(w.ownerC(), w.orgC(), body("HAVE", "VENUE", "子育てサロンの会場", "畳の部屋です",
                List.of("CHILDREN"), List.of()));
    }

    private static List<String> ids(String query) {
        return anonymous().get("/api/v1/municipalities/" + w.code() + "/listings?size=100" + query).then().statusCode(200)
                .extract().path("items.id");
    }

    @Test
    void textSearchNeedsNoSpacesAndFoldsWidthAndScript() {
        org.junit.jupiter.api.Assertions.assertEquals(List.of(projector), ids("&q=NPO"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(projector), ids("&q=プロジェクター"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(projector), ids("&q=ぷろじぇくたー"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(projector), ids("&q=ｽｸﾘｰﾝ"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(drill), ids("&q=防災訓練"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(drill), ids("&q=訓練 ボランティア"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), ids("&q=訓練 プロジェクター"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(salon), ids("&q=畳"));
    }

    @Test
    void filtersByKindCategoryThemeAndAreaWithSubAreas() {
        org.junit.jupiter.api.Assertions.assertEquals(List.of(drill), ids("&kind=NEED"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(salon), ids("&category=VENUE"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(salon), ids("&theme=CHILDREN"));
        // The district holds the neighbourhood the projector is for.
        org.junit.jupiter.api.Assertions.assertEquals(List.of(projector), ids("&area=" + w.district()));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(drill), ids("&area=" + w.otherDistrict()));
        anonymous().get("/api/v1/municipalities/" + w.code() + "/listings?kind=HAVE").then()
                .body("items.kind", everyItem(equalTo("HAVE"))).body("total", equalTo(2));
    }

    @Test
    void badFiltersNameTheParameter() {
        anonymous().get("/api/v1/municipalities/" + w.code() + "/listings?kind=WANT").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("kind"));
        anonymous().get("/api/v1/municipalities/" + w.code() + "/listings?category=MONEY").then().statusCode(400)
                .body("errors.field", hasItem("category"));
        anonymous().get("/api/v1/municipalities/" + w.code() + "/listings?theme=X").then().statusCode(400)
                .body("errors.field", hasItem("theme"));
        anonymous().get("/api/v1/municipalities/" + w.code() + "/listings?area=nope").then().statusCode(400)
                .body("errors.field", hasItem("area"));
        // An area of another municipality.
        anonymous().get("/api/v1/municipalities/" + w.code() + "/listings?area=db202b84-deff-4e43-9d85-f7fc21728292")
                .then().statusCode(400).body("errors.field", hasItem("area"));
        anonymous().get("/api/v1/municipalities/" + w.code() + "/listings?size=101").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        anonymous().get("/api/v1/municipalities/999990/listings").then().statusCode(404);
    }

    @Test
    void statusesOtherThanOpenAreForStaff() {
        String closed = post(w.ownerA(), w.orgA(), body("HAVE", "GOODS", "終了した有る", "", List.of(), List.of()));
        as(w.ownerA()).post("/api/v1/listings/" + closed + "/closure").then().statusCode(200);
        anonymous().get("/api/v1/municipalities/" + w.code() + "/listings?status=CLOSED").then().statusCode(401);
        as(w.ownerA()).get("/api/v1/municipalities/" + w.code() + "/listings?status=CLOSED").then().statusCode(403);
        as("yamaguchi-staff").get("/api/v1/municipalities/" + w.code() + "/listings?status=CLOSED").then().statusCode(403);
        as(w.staff()).get("/api/v1/municipalities/" + w.code() + "/listings?status=CLOSED&size=100").then().statusCode(200)
                .body("items.id", hasItem(closed)).body("items.status", everyItem(equalTo("CLOSED")));
        org.junit.jupiter.api.Assertions.assertTrue(!ids("").contains(closed));
        as(w.staff()).get("/api/v1/municipalities/" + w.code() + "/listings?size=100").then()
                .body("items.id", hasItem(closed));
    }

    @Test
    void anotherMunicipalitysListingsNeverAppear() {
        World other = ListingFixtures.world();
        String elsewhere = post(other.ownerA(), other.orgA(), body("HAVE", "GOODS", "ＮＰＯ向けプロジェクター", "",
                List.of(), List.of()));
        anonymous().get("/api/v1/municipalities/" + w.code() + "/listings?q=NPO&size=100").then()
                .body("items.id", not(hasItem(elsewhere)));
        anonymous().get("/api/v1/municipalities/" + other.code() + "/listings?q=NPO&size=100").then()
                .body("items.id", equalTo(List.of(elsewhere)));
    }
}
