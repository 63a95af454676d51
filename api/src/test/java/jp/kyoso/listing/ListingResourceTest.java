package jp.kyoso.listing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ListingResourceTest {

    static World w;

    @BeforeEach
    void world() {
        // Built on first use: RestAssured knows the test port only once a test runs.
        if (w == null) {
            w = ListingFixtures.world();
        }
    }

    private static Map<String, Object> blankets(Object... extra) {
        return body("HAVE", "GOODS", "毛布 50枚 貸し出せます", "避難所で使える毛布を倉庫に保管しています",
                List.of("DISASTER_RELIEF"), List.of(w.district()), extra);
    }

    @Test
    void membersPostAndEveryoneReadsWithoutContacts() {
        ExtractableResponse<Response> created = as(w.ownerA()).body(blankets("quantity", 50, "unit", "枚",
                        "contact", Map.of("name", "防災部 赤崎", "email", "bousai@example.jp")))
                .post("/api/v1/organizations/" + w.orgA() + "/listings")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/listings/"))
                .header("ETag", notNullValue())
                .body("kind", equalTo("HAVE")).body("kindLabel", equalTo("有る"))
                .body("category", equalTo("GOODS")).body("categoryLabel", equalTo("モノ"))
                .body("status", equalTo("OPEN")).body("statusLabel", equalTo("募集中"))
                .body("quantity", equalTo(50)).body("quantityRemaining", equalTo(50))
                .body("organizationId", equalTo(w.orgA())).body("organizationName", equalTo("赤崎地区自治会"))
                .body("contact.email", equalTo("bousai@example.jp"))
                .extract();
        String id = created.path("id");
        anonymous().get("/api/v1/listings/" + id).then().statusCode(200)
                .body("title", equalTo("毛布 50枚 貸し出せます"))
                .body("contact", nullValue());
        as(w.ownerB()).get("/api/v1/listings/" + id).then().statusCode(200).body("contact", nullValue());
        as(w.staff()).get("/api/v1/listings/" + id).then().statusCode(200)
                .body("contact.name", equalTo("防災部 赤崎"));
        anonymous().header("Accept-Language", "en").get("/api/v1/listings/" + id).then().statusCode(200)
                .body("kindLabel", equalTo("Have")).body("statusLabel", equalTo("Open"));
        anonymous().get("/api/v1/organizations/" + w.orgA() + "/listings").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void invalidInputNamesTheFieldAndCreatesNothing() {
        long before = countOf(w.orgA());
        as(w.ownerA()).body(Map.of("kind", "HAVE", "category", "GOODS", "title", ""))
                .post("/api/v1/organizations/" + w.orgA() + "/listings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"));
        as(w.ownerA()).body(blankets("category", "SPACESHIPS"))
                .post("/api/v1/organizations/" + w.orgA() + "/listings")
                .then().statusCode(400).body("errors.field", hasItem("category"));
        as(w.ownerA()).body(blankets("quantity", 0))
                .post("/api/v1/organizations/" + w.orgA() + "/listings")
                .then().statusCode(400).body("errors.field", hasItem("quantity"));
        as(w.ownerA()).body(blankets("availableFrom", "2030-05-01", "availableUntil", "2030-04-01"))
                .post("/api/v1/organizations/" + w.orgA() + "/listings")
                .then().statusCode(400).body("errors.field", hasItem("availableUntil"));
        // An area of another municipality.
        as(w.ownerA()).body(blankets("areaIds", List.of("db202b84-deff-4e43-9d85-f7fc21728292")))
                .post("/api/v1/organizations/" + w.orgA() + "/listings")
                .then().statusCode(400).body("errors.field", hasItem("areaIds"));
        assertCount(before, w.orgA());
    }

    @Test
    void onlyMembersAndStaffWrite() {
        anonymous().body(blankets()).post("/api/v1/organizations/" + w.orgA() + "/listings")
                .then().statusCode(401).contentType("application/problem+json");
        as(w.ownerB()).body(blankets()).post("/api/v1/organizations/" + w.orgA() + "/listings")
                .then().statusCode(403).contentType("application/problem+json");
        as("yamaguchi-staff").body(blankets()).post("/api/v1/organizations/" + w.orgA() + "/listings")
                .then().statusCode(403);
        String id = post(w.staff(), w.orgA(), blankets());
        String etag = anonymous().get("/api/v1/listings/" + id).then().extract().header("ETag");
        anonymous().header("If-Match", etag).body(blankets()).put("/api/v1/listings/" + id).then().statusCode(401);
        as(w.ownerB()).header("If-Match", etag).body(blankets()).put("/api/v1/listings/" + id).then().statusCode(403);
        as("yamaguchi-staff").header("If-Match", etag).body(blankets()).put("/api/v1/listings/" + id)
                .then().statusCode(403);
        as(w.ownerB()).delete("/api/v1/listings/" + id).then().statusCode(403);
        as(w.ownerB()).post("/api/v1/listings/" + id + "/closure").then().statusCode(403);
        anonymous().post("/api/v1/listings/" + id + "/closure").then().statusCode(401);
        anonymous().get("/api/v1/listings/" + id).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String id = post(w.ownerA(), w.orgA(), blankets());
        String etag = as(w.ownerA()).get("/api/v1/listings/" + id).then().extract().header("ETag");
        as(w.ownerA()).body(blankets("title", "毛布 40枚")).put("/api/v1/listings/" + id).then().statusCode(428);
        String next = as(w.ownerA()).header("If-Match", etag).body(blankets("title", "毛布 40枚"))
                .put("/api/v1/listings/" + id).then().statusCode(200)
                .body("title", equalTo("毛布 40枚")).extract().header("ETag");
        as(w.ownerA()).header("If-Match", etag).body(blankets("title", "毛布 30枚"))
                .put("/api/v1/listings/" + id).then().statusCode(412).contentType("application/problem+json");
        as(w.ownerA()).header("If-Match", next).body(blankets("kind", "NEED"))
                .put("/api/v1/listings/" + id).then().statusCode(400).body("errors.field", hasItem("kind"));
        anonymous().get("/api/v1/listings/" + id).then().body("title", equalTo("毛布 40枚")).body("kind", equalTo("HAVE"));
    }

    @Test
    void aListingPastItsWindowIsExpiredWithoutAnyoneTouchingIt() {
        String id = post(w.ownerA(), w.orgA(), blankets("availableFrom", ListingFixtures.today(-30),
                "availableUntil", ListingFixtures.today(-1)));
        as(w.ownerA()).get("/api/v1/listings/" + id).then().statusCode(200)
                .body("status", equalTo("EXPIRED")).body("statusLabel", equalTo("期限切れ"));
        // Not public any more, and not in the public search.
        anonymous().get("/api/v1/listings/" + id).then().statusCode(404);
        anonymous().get("/api/v1/municipalities/" + w.code() + "/listings?size=100").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        as(w.staff()).get("/api/v1/municipalities/" + w.code() + "/listings?status=EXPIRED&size=100")
                .then().statusCode(200).body("items.id", hasItem(id));
        as(w.ownerA()).get("/api/v1/organizations/" + w.orgA() + "/listings?status=EXPIRED&size=100")
                .then().statusCode(200).body("items.id", hasItem(id));
        // Reopening needs a window that has not ended.
        as(w.ownerA()).post("/api/v1/listings/" + id + "/closure").then().statusCode(200).body("status", equalTo("CLOSED"));
        as(w.ownerA()).post("/api/v1/listings/" + id + "/reopening").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void closeAndReopenFollowTheRules() {
        String id = post(w.ownerA(), w.orgA(), blankets());
        as(w.ownerA()).post("/api/v1/listings/" + id + "/reopening").then().statusCode(409);
        as(w.ownerA()).post("/api/v1/listings/" + id + "/closure").then().statusCode(200).body("status", equalTo("CLOSED"));
        as(w.ownerA()).post("/api/v1/listings/" + id + "/closure").then().statusCode(409)
                .contentType("application/problem+json");
        anonymous().get("/api/v1/listings/" + id).then().statusCode(404);
        as(w.ownerA()).post("/api/v1/listings/" + id + "/reopening").then().statusCode(200).body("status", equalTo("OPEN"));
        anonymous().get("/api/v1/listings/" + id).then().statusCode(200);
    }

    @Test
    void deleteHidesTheListingAndKeepsItsHistory() {
        String id = post(w.ownerA(), w.orgA(), blankets());
        as(w.ownerA()).header("If-Match", Api.etag(w.ownerA(), "/api/v1/listings/" + id)).delete("/api/v1/listings/" + id)
                .then().statusCode(204);
        anonymous().get("/api/v1/listings/" + id).then().statusCode(404);
        as(w.ownerA()).get("/api/v1/listings/" + id).then().statusCode(404);
        as(w.staff()).get("/api/v1/municipalities/" + w.code() + "/audit-log?entityType=listing&entityId=" + id)
                .then().statusCode(200).body("items.action", hasItem("listing.delete"))
                .body("items.action", hasItem("listing.create"));
    }

    @Test
    void listingsOfOrganisationsThatAreNotActiveAreNotPublic() {
        String owner = Api.unique("pending-owner");
        String pending = Fixtures.organization(w.code(), owner, null, "承認待ちの会", "まだ承認されていない",
                List.of(), List.of());
        String id = post(owner, pending, blankets());
        anonymous().get("/api/v1/listings/" + id).then().statusCode(404);
        as(w.ownerB()).get("/api/v1/listings/" + id).then().statusCode(404);
        as(owner).get("/api/v1/listings/" + id).then().statusCode(200);
        as(w.staff()).get("/api/v1/listings/" + id).then().statusCode(200);
        anonymous().get("/api/v1/municipalities/" + w.code() + "/listings?size=100").then()
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void notOpenListingsOfAnOrganisationAreForInsidersOnly() {
        anonymous().get("/api/v1/organizations/" + w.orgA() + "/listings?status=CLOSED").then().statusCode(401);
        as(w.ownerB()).get("/api/v1/organizations/" + w.orgA() + "/listings?status=CLOSED").then().statusCode(403);
        as(w.ownerA()).get("/api/v1/organizations/" + w.orgA() + "/listings?status=CLOSED").then().statusCode(200);
        anonymous().get("/api/v1/organizations/" + w.orgA() + "/listings?kind=SOMETHING").then().statusCode(400)
                .body("errors.field", hasItem("kind"));
    }

    @Test
    void unknownListingIsAProblem() {
        anonymous().get("/api/v1/listings/00000000-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static long countOf(String org) {
        return ((Number) as(w.staff()).get("/api/v1/organizations/" + org + "/listings?size=1")
                .then().statusCode(200).extract().path("total")).longValue();
    }

    private static void assertCount(long expected, String org) {
        as(w.staff()).get("/api/v1/organizations/" + org + "/listings?size=1").then().body("total",
                equalTo((int) expected));
    }
}
