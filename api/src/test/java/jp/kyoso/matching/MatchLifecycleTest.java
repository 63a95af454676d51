package jp.kyoso.matching;

import io.quarkus.test.junit.QuarkusTest;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class MatchLifecycleTest {

    static World w;

    @BeforeEach
    void world() {
        if (w == null) {
            w = ListingFixtures.world();
        }
    }

    private static String need(int quantity) {
        return post(w.ownerA(), w.orgA(), body("NEED", "GOODS", "段ボールベッドを借りたい", "防災訓練で使います",
                List.of("DISASTER_RELIEF"), List.of(w.district()), "quantity", quantity, "unit", "台",
                "contact", Map.of("name", "赤崎 防災部", "email", "need@example.jp")));
    }

    private static String have(int quantity) {
        return post(w.ownerB(), w.orgB(), body("HAVE", "GOODS", "段ボールベッドを貸し出せます", "簡易ベッドの備蓄",
                List.of("DISASTER_RELIEF"), List.of(), "quantity", quantity, "unit", "台",
                "contact", Map.of("name", "防災士会 事務局", "phone", "0836-00-0000")));
    }

    private static Map<String, Object> proposal(String need, String have, Object... extra) {
        Map<String, Object> body = new HashMap<>(Map.of("needId", need, "haveId", have, "message", "ぜひお願いします"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    private static String propose(String user, String need, String have) {
        return as(user).body(proposal(need, have)).post("/api/v1/matches").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void proposeAcceptFulfilWithContactsSharedOnlyOnceAccepted() {
        String need = need(20);
        String have = have(50);
        String id = as(w.ownerA()).body(proposal(need, have)).post("/api/v1/matches").then().statusCode(201)
                .header("Location", containsString("/api/v1/matches/"))
                .header("ETag", notNullValue())
                .body("status", equalTo("PROPOSED")).body("statusLabel", equalTo("提案中"))
                .body("proposedSide", equalTo("NEED"))
                .body("quantity", equalTo(20))
                .body("score", notNullValue())
                .body("reasons.code", hasItem("SAME_CATEGORY"))
                .body("needContact", nullValue()).body("haveContact", nullValue())
                .body("need.contact", nullValue()).body("have.contact", nullValue())
                .extract().path("id");
        // Before acceptance neither side sees the other's contact, in the match or on the listing.
        as(w.ownerB()).get("/api/v1/matches/" + id).then().statusCode(200)
                .body("needContact", nullValue()).body("haveContact", nullValue()).body("mySides", equalTo(List.of("HAVE")));
        as(w.ownerB()).get("/api/v1/listings/" + need).then().statusCode(200).body("contact", nullValue());
        as(w.ownerA()).get("/api/v1/listings/" + have).then().statusCode(200).body("contact", nullValue());
        as(w.ownerB()).get("/api/v1/me/notifications?size=100").then()
                .body("items.findAll { it.matchId == '" + id + "' }.kind", hasItem("MATCH_PROPOSED"));
        // The proposer cannot accept its own proposal; outsiders cannot either.
        as(w.ownerA()).post("/api/v1/matches/" + id + "/acceptance").then().statusCode(403)
                .contentType("application/problem+json");
        as(w.ownerC()).post("/api/v1/matches/" + id + "/acceptance").then().statusCode(403);
        anonymous().post("/api/v1/matches/" + id + "/acceptance").then().statusCode(401);
        as(w.ownerB()).post("/api/v1/matches/" + id + "/fulfilment").then().statusCode(409)
                .contentType("application/problem+json");

        as(w.ownerB()).body(Map.of("note", "お貸しします")).post("/api/v1/matches/" + id + "/acceptance")
                .then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("responseNote", equalTo("お貸しします"))
                .body("needContact.email", equalTo("need@example.jp"))
                .body("haveContact.phone", equalTo("0836-00-0000"));
        as(w.ownerA()).get("/api/v1/matches/" + id).then().statusCode(200)
                .body("haveContact.name", equalTo("防災士会 事務局"));
        as(w.ownerB()).get("/api/v1/listings/" + need).then().statusCode(200).body("contact.email", equalTo("need@example.jp"));
        as(w.ownerA()).get("/api/v1/listings/" + have).then().statusCode(200).body("contact.name", equalTo("防災士会 事務局"));
        // Quantities: the need is fully matched, the have keeps what is left.
        as(w.ownerA()).get("/api/v1/listings/" + need).then().body("status", equalTo("MATCHED"))
                .body("quantityRemaining", equalTo(0));
        anonymous().get("/api/v1/listings/" + have).then().body("status", equalTo("OPEN"))
                .body("quantityRemaining", equalTo(30));
        as(w.ownerA()).get("/api/v1/me/notifications?size=100").then()
                .body("items.findAll { it.matchId == '" + id + "' }.kind", hasItem("MATCH_ACCEPTED"));

        // Every illegal step from ACCEPTED.
        as(w.ownerB()).post("/api/v1/matches/" + id + "/acceptance").then().statusCode(409);
        as(w.ownerB()).post("/api/v1/matches/" + id + "/declination").then().statusCode(409);
        as(w.ownerA()).post("/api/v1/matches/" + id + "/withdrawal").then().statusCode(409);

        as(w.ownerA()).post("/api/v1/matches/" + id + "/fulfilment").then().statusCode(200)
                .body("status", equalTo("FULFILLED")).body("fulfilledAt", notNullValue())
                .body("haveContact.name", equalTo("防災士会 事務局"));
        as(w.ownerB()).get("/api/v1/me/notifications?size=100").then()
                .body("items.findAll { it.matchId == '" + id + "' }.kind", hasItem("MATCH_FULFILLED"));
        // Every illegal step from FULFILLED.
        as(w.ownerA()).post("/api/v1/matches/" + id + "/fulfilment").then().statusCode(409);
        as(w.ownerB()).post("/api/v1/matches/" + id + "/acceptance").then().statusCode(409);
        as(w.ownerB()).post("/api/v1/matches/" + id + "/declination").then().statusCode(409);
        as(w.ownerA()).post("/api/v1/matches/" + id + "/withdrawal").then().statusCode(409);
        as(w.staff()).get("/api/v1/municipalities/" + w.code() + "/audit-log?entityType=match&entityId=" + id)
                .then().statusCode(200).body("items.action", hasItem("match.accept"))
                .body("items.action", hasItem("match.fulfil")).body("items.action", hasItem("match.propose"));
    }

    @Test
    void theOtherSideDeclinesAndThePairMayBeProposedAgain() {
        String need = need(5);
        String have = have(5);
        String id = propose(w.ownerB(), need, have);
        as(w.ownerA()).get("/api/v1/matches/" + id).then().body("proposedSide", equalTo("HAVE"));
        as(w.ownerB()).post("/api/v1/matches/" + id + "/declination").then().statusCode(403);
        as(w.ownerA()).body(Map.of("note", "今回は見送ります")).post("/api/v1/matches/" + id + "/declination")
                .then().statusCode(200).body("status", equalTo("DECLINED")).body("needContact", nullValue());
        as(w.ownerB()).get("/api/v1/me/notifications?size=100").then()
                .body("items.findAll { it.matchId == '" + id + "' }.kind", hasItem("MATCH_DECLINED"));
        // Every illegal step from DECLINED.
        as(w.ownerA()).post("/api/v1/matches/" + id + "/acceptance").then().statusCode(409);
        as(w.ownerA()).post("/api/v1/matches/" + id + "/declination").then().statusCode(409);
        as(w.ownerB()).post("/api/v1/matches/" + id + "/withdrawal").then().statusCode(409);
        as(w.ownerB()).post("/api/v1/matches/" + id + "/fulfilment").then().statusCode(409);
        anonymous().get("/api/v1/listings/" + need).then().body("status", equalTo("OPEN"));
        String again = propose(w.ownerA(), need, have);
        as(w.ownerA()).get("/api/v1/matches/" + again).then().body("status", equalTo("PROPOSED"));
    }

    @Test
    void theProposerWithdraws() {
        String need = need(3);
        String have = have(3);
        String id = propose(w.ownerA(), need, have);
        as(w.ownerA()).body(proposal(need, have)).post("/api/v1/matches").then().statusCode(409)
                .contentType("application/problem+json");
        as(w.ownerB()).post("/api/v1/matches/" + id + "/withdrawal").then().statusCode(403);
        as(w.ownerA()).post("/api/v1/matches/" + id + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        as(w.ownerB()).get("/api/v1/me/notifications?size=100").then()
                .body("items.findAll { it.matchId == '" + id + "' }.kind", hasItem("MATCH_WITHDRAWN"));
        // Every illegal step from WITHDRAWN.
        as(w.ownerB()).post("/api/v1/matches/" + id + "/acceptance").then().statusCode(409);
        as(w.ownerB()).post("/api/v1/matches/" + id + "/declination").then().statusCode(409);
        as(w.ownerA()).post("/api/v1/matches/" + id + "/withdrawal").then().statusCode(409);
        as(w.ownerA()).post("/api/v1/matches/" + id + "/fulfilment").then().statusCode(409);
    }

    @Test
    void aHaveStaysOpenWhileItHasQuantityLeft() {
        String have = have(50);
        String first = need(20);
        String second = need(30);
        as(w.ownerA()).body(proposal(first, have, "quantity", 60)).post("/api/v1/matches").then().statusCode(400)
                .body("errors.field", hasItem("quantity"));
        String m1 = propose(w.ownerA(), first, have);
        as(w.ownerB()).post("/api/v1/matches/" + m1 + "/acceptance").then().statusCode(200);
        anonymous().get("/api/v1/listings/" + have).then().body("status", equalTo("OPEN")).body("quantityRemaining", equalTo(30));
        String m2 = as(w.ownerA()).body(proposal(second, have, "quantity", 30)).post("/api/v1/matches")
                .then().statusCode(201).body("quantity", equalTo(30)).extract().path("id");
        as(w.ownerB()).post("/api/v1/matches/" + m2 + "/acceptance").then().statusCode(200);
        as(w.ownerB()).get("/api/v1/listings/" + have).then().body("status", equalTo("MATCHED"))
                .body("quantityRemaining", equalTo(0));
        // Nothing left: no more proposals with it (a party still sees it, but it is not open).
        String third = need(1);
        as(w.ownerA()).body(proposal(third, have)).post("/api/v1/matches").then().statusCode(409)
                .contentType("application/problem+json");
        // An outsider does not see it at all any more.
        as(w.ownerC()).get("/api/v1/listings/" + have).then().statusCode(404);
    }

    @Test
    void aPartlyCoveredNeedStaysOpen() {
        String need = need(40);
        String have = have(15);
        String id = propose(w.ownerB(), need, have);
        as(w.ownerB()).get("/api/v1/matches/" + id).then().body("quantity", equalTo(15));
        as(w.ownerA()).post("/api/v1/matches/" + id + "/acceptance").then().statusCode(200);
        anonymous().get("/api/v1/listings/" + need).then().body("status", equalTo("OPEN")).body("quantityRemaining", equalTo(25));
        as(w.ownerB()).get("/api/v1/listings/" + have).then().body("status", equalTo("MATCHED"));
    }

    @Test
    void invalidProposalsNameTheFieldAndChangeNothing() {
        String need = need(2);
        String have = have(2);
        String ownNeedHave = post(w.ownerA(), w.orgA(), body("HAVE", "GOODS", "自治会の段ボールベッド", "備蓄",
                List.of(), List.of()));
        int before = matchesOf(w.orgA());
        as(w.ownerA()).body(proposal(have, have)).post("/api/v1/matches").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("needId"));
        as(w.ownerA()).body(proposal(need, need)).post("/api/v1/matches").then().statusCode(400)
                .body("errors.field", hasItem("haveId"));
        as(w.ownerA()).body(Map.of("needId", need)).post("/api/v1/matches").then().statusCode(400)
                .body("errors.field", hasItem("haveId"));
        as(w.ownerA()).body(proposal(need, ownNeedHave)).post("/api/v1/matches").then().statusCode(400)
                .body("errors.field", hasItem("haveId"));
        as(w.ownerA()).body(proposal(need, "00000000-0000-4000-8000-000000000000")).post("/api/v1/matches")
                .then().statusCode(400).body("errors.field", hasItem("haveId"));
        World other = ListingFixtures.world();
        String elsewhere = post(other.ownerB(), other.orgB(), body("HAVE", "GOODS", "段ボールベッド", "備蓄",
                List.of(), List.of()));
        as(w.ownerA()).body(proposal(need, elsewhere)).post("/api/v1/matches").then().statusCode(400)
                .body("errors.field", hasItem("haveId"));
        as(w.ownerA()).body(proposal(need, have, "quantity", 0)).post("/api/v1/matches").then().statusCode(400)
                .body("errors.field", hasItem("quantity"));
        org.junit.jupiter.api.Assertions.assertEquals(before, matchesOf(w.orgA()));
    }

    @Test
    void onlyMembersOfEitherSideProposeAndRead() {
        String need = need(1);
        String have = have(1);
        anonymous().body(proposal(need, have)).post("/api/v1/matches").then().statusCode(401)
                .contentType("application/problem+json");
        as(w.ownerC()).body(proposal(need, have)).post("/api/v1/matches").then().statusCode(403);
        as("yamaguchi-owner").body(proposal(need, have)).post("/api/v1/matches").then().statusCode(403);
        String id = propose(w.ownerA(), need, have);
        anonymous().get("/api/v1/matches/" + id).then().statusCode(401);
        as(w.ownerC()).get("/api/v1/matches/" + id).then().statusCode(403);
        as("yamaguchi-staff").get("/api/v1/matches/" + id).then().statusCode(403);
        as(w.staff()).get("/api/v1/matches/" + id).then().statusCode(200).body("needContact", nullValue());
        as("admin").get("/api/v1/matches/" + id).then().statusCode(200);
        as(w.staff()).post("/api/v1/matches/" + id + "/acceptance").then().statusCode(403);
        anonymous().get("/api/v1/organizations/" + w.orgA() + "/matches").then().statusCode(401);
        as(w.ownerC()).get("/api/v1/organizations/" + w.orgA() + "/matches").then().statusCode(403);
        as(w.ownerA()).get("/api/v1/organizations/" + w.orgA() + "/matches?status=PROPOSED&size=100").then().statusCode(200)
                .body("items.id", hasItem(id));
        as(w.ownerA()).get("/api/v1/organizations/" + w.orgA() + "/matches?status=NOPE").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        as(w.ownerA()).get("/api/v1/matches/00000000-0000-4000-8000-000000000000").then().statusCode(404);
    }

    @Test
    void closedListingsCannotBeMatched() {
        String need = need(1);
        String have = have(1);
        String id = propose(w.ownerA(), need, have);
        as(w.ownerB()).post("/api/v1/listings/" + have + "/closure").then().statusCode(200);
        as(w.ownerB()).post("/api/v1/matches/" + id + "/acceptance").then().statusCode(409)
                .contentType("application/problem+json");
        as(w.ownerA()).body(proposal(need(1), have)).post("/api/v1/matches").then().statusCode(409);
        // A listing with a live proposal cannot be deleted.
        as(w.ownerA()).header("If-Match", Api.etag(w.ownerA(), "/api/v1/listings/" + need)).delete("/api/v1/listings/" + need)
                .then().statusCode(409);
    }

    private static int matchesOf(String org) {
        return as(w.staff()).get("/api/v1/organizations/" + org + "/matches?size=1").then().statusCode(200)
                .extract().path("total");
    }
}
