package jp.kyoso.matching;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.support.ListingFixtures;
import jp.kyoso.support.ListingFixtures.World;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.ListingFixtures.body;
import static jp.kyoso.support.ListingFixtures.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class NotificationResourceTest {

    @Test
    void anInboxWithReadAndUnread() {
        World w = ListingFixtures.world();
        String need = post(w.ownerA(), w.orgA(), body("NEED", "KNOWHOW", "救命講習の講師", "AEDの使い方",
                List.of(), List.of()));
        String have = post(w.ownerB(), w.orgB(), body("HAVE", "KNOWHOW", "救命講習", "心肺蘇生",
                List.of(), List.of()));
        String match = as(w.ownerA()).body(Map.of("needId", need, "haveId", have)).post("/api/v1/matches")
                .then().statusCode(201).extract().path("id");

        String id = as(w.ownerB()).get("/api/v1/me/notifications?read=false").then().statusCode(200)
                .body("items[0].kind", equalTo("MATCH_PROPOSED"))
                .body("items[0].kindLabel", equalTo("マッチの提案"))
                .body("items[0].message", equalTo("赤崎地区自治会 から「救命講習」へのマッチの提案が届きました"))
                .body("items[0].matchId", equalTo(match))
                .body("items[0].listingId", equalTo(have))
                .body("items[0].organizationId", equalTo(w.orgA()))
                .body("items[0].read", equalTo(false))
                .extract().path("items[0].id");
        as(w.ownerB()).header("Accept-Language", "en").get("/api/v1/me/notifications").then()
                .body("items[0].message", equalTo("赤崎地区自治会 proposed a match for \"救命講習\""));
        as(w.ownerB()).get("/api/v1/me/notifications/unread-count").then().statusCode(200).body("unread", equalTo(1));
        // The proposer is not told about their own proposal (only, earlier, that the have fits its need).
        as(w.ownerA()).get("/api/v1/me/notifications?size=100").then()
                .body("items.findAll { it.matchId == '" + match + "' }.kind", not(hasItem("MATCH_PROPOSED")));

        as(w.ownerB()).post("/api/v1/me/notifications/" + id + "/read").then().statusCode(200)
                .body("read", equalTo(true)).body("readAt", notNullValue());
        as(w.ownerB()).get("/api/v1/me/notifications/unread-count").then().body("unread", equalTo(0));
        as(w.ownerB()).get("/api/v1/me/notifications?read=true").then().body("items.id", hasItem(id));
        as(w.ownerB()).get("/api/v1/me/notifications?read=false").then().body("items.id", not(hasItem(id)));
        as(w.ownerB()).delete("/api/v1/me/notifications/" + id + "/read").then().statusCode(200)
                .body("read", equalTo(false));
        as(w.ownerB()).get("/api/v1/me/notifications/unread-count").then().body("unread", equalTo(1));
        as(w.ownerB()).post("/api/v1/me/notifications/read-all").then().statusCode(200).body("unread", equalTo(0));
        as(w.ownerB()).get("/api/v1/me/notifications").then().body("total", greaterThanOrEqualTo(1));

        // Someone else's notification does not exist for you; anonymous callers have no inbox.
        as(w.ownerC()).post("/api/v1/me/notifications/" + id + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        anonymous().get("/api/v1/me/notifications").then().statusCode(401).contentType("application/problem+json");
        anonymous().post("/api/v1/me/notifications/" + id + "/read").then().statusCode(401);
        as(w.ownerB()).get("/api/v1/me/notifications?read=maybe").then().statusCode(400)
                .body("errors.field", hasItem("read"));
    }
}
