package jp.kyoso.matching;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.support.Api;
import jp.kyoso.support.Fixtures;
import jp.kyoso.support.ListingFixtures;
import jp.kyoso.support.ListingFixtures.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.ListingFixtures.body;
import static jp.kyoso.support.ListingFixtures.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** つなぐ: staff and approved coordinators propose matches between two other organisations; both sides accept. */
@QuarkusTest
class BrokeringTest {

    static World w;
    /** An ACTIVE 中間支援組織 of w and its owner. */
    static String intermediary;
    static String intermediaryOwner;

    @Inject EntityManager em;

    @BeforeEach
    void world() {
        if (w != null) {
            return;
        }
        w = ListingFixtures.world();
        intermediaryOwner = Api.unique("chukan");
        Map<String, Object> org = new java.util.HashMap<>(Fixtures.organizationBody("市民活動支援センター",
                "中間支援組織です", List.of("CHILDREN"), List.of()));
        org.put("type", "INTERMEDIARY");
        intermediary = as(intermediaryOwner).body(org).post("/api/v1/municipalities/" + w.code() + "/organizations")
                .then().statusCode(201).extract().path("id");
        as(w.staff()).post("/api/v1/organizations/" + intermediary + "/approval").then().statusCode(200);
    }

    private static String need() {
        return post(w.ownerA(), w.orgA(), body("NEED", "GOODS", "段ボールベッドを借りたい", "防災訓練で使います",
                List.of("DISASTER_RELIEF"), List.of(w.district()), "quantity", 10, "unit", "台",
                "contact", Map.of("name", "赤崎 防災部", "email", "need@example.jp")));
    }

    private static String have() {
        return post(w.ownerB(), w.orgB(), body("HAVE", "GOODS", "段ボールベッドを貸し出せます", "簡易ベッドの備蓄",
                List.of("DISASTER_RELIEF"), List.of(), "quantity", 30, "unit", "台",
                "contact", Map.of("name", "防災士会 事務局", "phone", "0836-00-0000")));
    }

    private static Map<String, Object> proposal(String need, String have) {
        return Map.of("needId", need, "haveId", have, "message", "お互いに役立ちそうです");
    }

    @Test
    void staffBrokerAndBothSidesMustAccept() {
        String need = need();
        String have = have();
        String id = as(w.staff()).body(proposal(need, have)).post("/api/v1/matches").then().statusCode(201)
                .body("status", equalTo("PROPOSED")).body("proposedSide", nullValue())
                .body("broker.kind", equalTo("STAFF")).body("broker.kindLabel", equalTo("自治体職員"))
                .body("broker.organization", nullValue()).body("broker.mine", equalTo(true))
                .body("needContact", nullValue())
                .extract().path("id");
        // Both sides are told.
        as(w.ownerA()).get("/api/v1/me/notifications?size=100").then().statusCode(200)
                .body("items.findAll { it.kind == 'BROKER_PROPOSAL' }.matchId", hasItem(id));
        as(w.ownerB()).get("/api/v1/me/notifications?size=100").then().statusCode(200)
                .body("items.findAll { it.kind == 'BROKER_PROPOSAL' }.matchId", hasItem(id));
        // One side's acceptance is not enough: no contacts yet.
        as(w.ownerA()).body(Map.of("note", "ありがとうございます")).post("/api/v1/matches/" + id + "/acceptance")
                .then().statusCode(200).body("status", equalTo("PROPOSED")).body("needAcceptedAt", notNullValue())
                .body("haveAcceptedAt", nullValue()).body("needContact", nullValue()).body("broker.mine", equalTo(false));
        as(w.ownerA()).post("/api/v1/matches/" + id + "/acceptance").then().statusCode(403);
        as(w.ownerC()).post("/api/v1/matches/" + id + "/acceptance").then().statusCode(403);
        as(w.staff()).post("/api/v1/matches/" + id + "/acceptance").then().statusCode(403);
        as(w.ownerB()).post("/api/v1/matches/" + id + "/acceptance").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("haveAcceptedAt", notNullValue())
                .body("needContact.email", equalTo("need@example.jp")).body("haveContact.phone", equalTo("0836-00-0000"));
        // The broker follows it: told, and it is in the brokered list with its progress.
        as(w.staff()).get("/api/v1/me/notifications?size=100").then().statusCode(200)
                .body("items.findAll { it.matchId == '" + id + "' }.kind", hasItem("MATCH_ACCEPTED"));
        as(w.staff()).get("/api/v1/municipalities/" + w.code() + "/brokered-matches").then().statusCode(200)
                .body("items.find { it.matchId == '" + id + "' }.status", equalTo("ACCEPTED"))
                .body("items.find { it.matchId == '" + id + "' }.need.id", equalTo(need))
                .body("items.find { it.matchId == '" + id + "' }.broker.kind", equalTo("STAFF"));
        // The audit log records who brokered it.
        as("admin").get("/api/v1/municipalities/" + w.code() + "/audit-log?entityId=" + id).then().statusCode(200)
                .body("items.findAll { it.entityId == '" + id + "' }.action", hasItem("match.broker"));
        // The need's listing took the agreed quantity.
        as(w.ownerA()).get("/api/v1/listings/" + need).then().body("status", equalTo("MATCHED"));
    }

    @Test
    void anApprovedCoordinatorBrokersAndEitherSideMayDecline() {
        String need = need();
        String have = have();
        String coordinator = Api.unique("coord-member");
        // Not approved yet: refused.
        String pendingOwner = Api.unique("chukan-pending");
        Map<String, Object> org = new java.util.HashMap<>(Fixtures.organizationBody("未承認の支援センター",
                "中間支援組織です", List.of(), List.of()));
        org.put("type", "INTERMEDIARY");
        String notApproved = as(pendingOwner).body(org).post("/api/v1/municipalities/" + w.code() + "/organizations")
                .then().statusCode(201).extract().path("id");
        as(w.staff()).post("/api/v1/organizations/" + notApproved + "/approval").then().statusCode(200);
        as(pendingOwner).body(proposal(need, have)).post("/api/v1/matches").then().statusCode(403);

        as(w.staff()).put("/api/v1/organizations/" + intermediary + "/coordinator").then().statusCode(200)
                .body("organization.id", equalTo(intermediary)).body("approvedAt", notNullValue());
        anonymous().get("/api/v1/municipalities/" + w.code() + "/coordinators").then().statusCode(200)
                .body("items.organization.id", hasItem(intermediary))
                .body("items.organization.id", not(hasItem(notApproved)));
        String id = as(intermediaryOwner).body(proposal(need, have)).post("/api/v1/matches").then().statusCode(201)
                .body("broker.kind", equalTo("COORDINATOR"))
                .body("broker.organization.name", equalTo("市民活動支援センター"))
                .extract().path("id");
        as(intermediaryOwner).get("/api/v1/matches/" + id).then().statusCode(200).body("broker.mine", equalTo(true));
        as(intermediaryOwner).get("/api/v1/municipalities/" + w.code() + "/brokered-matches").then().statusCode(200)
                .body("items.matchId", hasItem(id));
        as(pendingOwner).get("/api/v1/municipalities/" + w.code() + "/brokered-matches").then().statusCode(403);
        as(w.ownerB()).body(Map.of("note", "今回は見送ります")).post("/api/v1/matches/" + id + "/declination")
                .then().statusCode(200).body("status", equalTo("DECLINED"));
        as(intermediaryOwner).get("/api/v1/me/notifications?size=100").then()
                .body("items.findAll { it.matchId == '" + id + "' }.kind", hasItem("MATCH_DECLINED"));
        as(w.ownerA()).post("/api/v1/matches/" + id + "/acceptance").then().statusCode(409);

        // Revoked: may no longer broker.
        as(w.ownerA()).delete("/api/v1/organizations/" + intermediary + "/coordinator").then().statusCode(403);
        as(w.staff()).delete("/api/v1/organizations/" + intermediary + "/coordinator").then().statusCode(204);
        as(w.staff()).delete("/api/v1/organizations/" + intermediary + "/coordinator").then().statusCode(404);
        as(intermediaryOwner).body(proposal(need, have)).post("/api/v1/matches").then().statusCode(403);
        as(w.staff()).put("/api/v1/organizations/" + intermediary + "/coordinator").then().statusCode(200);
    }

    @Test
    void onlyAnIntermediaryOfTheMunicipalityIsApprovedByItsStaff() {
        as(w.staff()).put("/api/v1/organizations/" + w.orgA() + "/coordinator").then().statusCode(409);
        as("yamaguchi-staff").put("/api/v1/organizations/" + intermediary + "/coordinator").then().statusCode(403);
        as(intermediaryOwner).put("/api/v1/organizations/" + intermediary + "/coordinator").then().statusCode(403);
        anonymous().put("/api/v1/organizations/" + intermediary + "/coordinator").then().statusCode(401);
        as(w.staff()).put("/api/v1/organizations/" + UUID.randomUUID() + "/coordinator").then().statusCode(404);
        as(w.staff()).put("/api/v1/organizations/not-a-uuid/coordinator").then().statusCode(400);
    }

    @Test
    void aBrokerOfAnotherMunicipalityIsRefusedAndOnlyTheBrokerWithdraws() {
        String need = need();
        String have = have();
        as("yamaguchi-staff").body(proposal(need, have)).post("/api/v1/matches").then().statusCode(403);
        as(w.ownerC()).body(proposal(need, have)).post("/api/v1/matches").then().statusCode(403);
        String id = as(w.staff()).body(proposal(need, have)).post("/api/v1/matches").then().statusCode(201)
                .extract().path("id");
        as("yamaguchi-staff").get("/api/v1/matches/" + id).then().statusCode(403);
        as(w.ownerA()).post("/api/v1/matches/" + id + "/withdrawal").then().statusCode(403);
        as(w.ownerC()).post("/api/v1/matches/" + id + "/withdrawal").then().statusCode(403);
        as(w.staff()).post("/api/v1/matches/" + id + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        as(w.ownerA()).get("/api/v1/me/notifications?size=100").then()
                .body("items.findAll { it.matchId == '" + id + "' }.kind", hasItem("MATCH_WITHDRAWN"));
    }

    @Test
    void theLiaisonQueueHoldsStrongSuggestionsNobodyActedOn() {
        World v = ListingFixtures.world();
        String need = post(v.ownerA(), v.orgA(), body("NEED", "GOODS", "避難所運営訓練で使う段ボールベッドを借りたい",
                "11月の地区防災訓練で体育館に避難所を開設します。ダンボールベッドが20台ほど必要です。",
                List.of("DISASTER_RELIEF"), List.of(v.neighbourhood()), "quantity", 20, "unit", "台"));
        String have = post(v.ownerB(), v.orgB(), body("HAVE", "GOODS", "段ボールベッド 50台 貸し出せます",
                "訓練や災害時のために簡易ベッドを備蓄しています。", List.of("DISASTER_RELIEF"), List.of(),
                "quantity", 50, "unit", "台"));
        String queue = "/api/v1/municipalities/" + v.code() + "/brokering-queue";
        // Suggested just now: not waiting long enough yet.
        as(v.staff()).get(queue).then().statusCode(200).body("items.need.id", not(hasItem(need)));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update listing_match set suggested_at = now() - interval '15 days' where need_id = ?1 and have_id = ?2")
                .setParameter(1, UUID.fromString(need)).setParameter(2, UUID.fromString(have)).executeUpdate());
        as(v.staff()).get(queue).then().statusCode(200)
                .body("items.find { it.need.id == '" + need + "' }.have.id", equalTo(have))
                .body("items.find { it.need.id == '" + need + "' }.status", equalTo("SUGGESTED"))
                .body("items.find { it.need.id == '" + need + "' }.needOrganization.id", equalTo(v.orgA()))
                .body("items.find { it.need.id == '" + need + "' }.daysWaiting", equalTo(15));
        // By area: the need's district (an ancestor of its neighbourhood) has it; another district does not.
        as(v.staff()).get(queue + "?area=" + v.district()).then().statusCode(200).body("items.need.id", hasItem(need));
        as(v.staff()).get(queue + "?area=" + v.otherDistrict()).then().statusCode(200).body("items.need.id", not(hasItem(need)));
        // The area's liaison officer sees it among "mine"; a staff member with no area sees none.
        String liaison = Api.unique("liaison");
        Fixtures.staff(v.code(), liaison, "STAFF");
        String liaisonId = as(liaison).get("/api/v1/me").then().extract().path("id");
        as(v.staff()).body(Map.of("userId", liaisonId, "role", "COORDINATOR", "startsOn", ListingFixtures.today(-1)))
                .post("/api/v1/areas/" + v.district() + "/liaisons").then().statusCode(201);
        as(liaison).get(queue + "?mine=true").then().statusCode(200).body("items.need.id", hasItem(need));
        as(v.staff()).get(queue + "?mine=true").then().statusCode(200).body("items.size()", equalTo(0));
        // Bad input and the wrong people.
        as(v.staff()).get(queue + "?area=nope").then().statusCode(400).body("errors.field", hasItem("area"));
        as(v.staff()).get(queue + "?area=" + w.district()).then().statusCode(400);
        as(v.ownerA()).get(queue).then().statusCode(403);
        as("yamaguchi-staff").get(queue).then().statusCode(403);
        anonymous().get(queue).then().statusCode(401);
        // Proposed from the queue in one step, it leaves the queue.
        String id = as(liaison).body(proposal(need, have)).post("/api/v1/matches").then().statusCode(201)
                .body("broker.kind", equalTo("STAFF")).extract().path("id");
        as(liaison).get(queue).then().statusCode(200).body("items.need.id", not(hasItem(need)));
        List<String> brokered = as(v.staff()).get("/api/v1/municipalities/" + v.code() + "/brokered-matches?status=PROPOSED")
                .then().statusCode(200).extract().path("items.matchId");
        assertTrue(brokered.contains(id), "brokered: " + brokered);
        as(v.staff()).get("/api/v1/municipalities/" + v.code() + "/brokered-matches?status=NOPE").then().statusCode(400)
                .body("errors.field", hasItem("status"));
    }
}
