package jp.kyoso.project;

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
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ProjectResourceTest {

    static World w;

    @BeforeEach
    void world() {
        if (w == null) {
            w = ListingFixtures.world();
        }
    }

    private static Map<String, Object> project(Object... extra) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "title", "赤崎地区 合同防災訓練",
                "summary", "自治会・防災士会・学校・市が一緒に取り組む地区防災訓練",
                "vision", "自分たちの地域は自分たちで守る",
                "issue", "避難所の開設・運営を担える人が少ない",
                "domain", "CITIZEN_INITIATIVE",
                "forms", List.of("EXECUTIVE_COMMITTEE", "CO_HOSTING"),
                "areaIds", List.of(w.district()),
                "organizationId", w.orgA(),
                "contribution", "会場の手配と住民への周知"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    private static String create(Object... extra) {
        return as(w.ownerA()).body(project(extra)).post("/api/v1/municipalities/" + w.code() + "/projects")
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> write(Map<String, Object> created, Object... extra) {
        Map<String, Object> body = new HashMap<>(created);
        body.remove("organizationId");
        body.remove("contribution");
        body.remove("stage");
        body.remove("fromMatchId");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    @Test
    void aMemberStartsAProjectThatPartnersAndStaffSee() {
        String id = as(w.ownerA()).body(project()).post("/api/v1/municipalities/" + w.code() + "/projects")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/projects/")).header("ETag", notNullValue())
                .body("stage", equalTo("TRIGGER")).body("stageLabel", equalTo("きっかけ"))
                .body("domainLabel", equalTo("B: 市民主導・民間主導"))
                .body("formLabels", hasItems("実行委員会・協議会", "共催"))
                .body("published", equalTo(false))
                .body("partners", hasSize(1))
                .body("partners[0].organizationId", equalTo(w.orgA()))
                .body("partners[0].role", equalTo("LEAD")).body("partners[0].status", equalTo("ACTIVE"))
                .body("partners[0].contribution", equalTo("会場の手配と住民への周知"))
                .body("stageHistory", hasSize(1)).body("stageHistory[0].toStage", equalTo("TRIGGER"))
                .extract().path("id");
        // Not published: partners and staff only.
        anonymous().get("/api/v1/projects/" + id).then().statusCode(404).contentType("application/problem+json");
        as(w.ownerC()).get("/api/v1/projects/" + id).then().statusCode(404);
        as("yamaguchi-staff").get("/api/v1/projects/" + id).then().statusCode(404);
        as(w.staff()).get("/api/v1/projects/" + id).then().statusCode(200);
        as(w.ownerA()).get("/api/v1/projects/" + id).then().statusCode(200);
        anonymous().get("/api/v1/municipalities/" + w.code() + "/projects?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as(w.ownerA()).get("/api/v1/municipalities/" + w.code() + "/projects?size=100").then()
                .body("items.id", hasItem(id));
        as(w.staff()).get("/api/v1/municipalities/" + w.code() + "/projects?size=100").then()
                .body("items.id", hasItem(id));
    }

    @Test
    void invalidProjectsNameTheFieldAndCreateNothing() {
        int before = total();
        as(w.ownerA()).body(project("title", "")).post("/api/v1/municipalities/" + w.code() + "/projects")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("title"));
        as(w.ownerA()).body(project("domain", "F")).post("/api/v1/municipalities/" + w.code() + "/projects")
                .then().statusCode(400).body("errors.field", hasItem("domain"));
        as(w.ownerA()).body(project("startsOn", "2030-04-01", "endsOn", "2030-03-31"))
                .post("/api/v1/municipalities/" + w.code() + "/projects")
                .then().statusCode(400).body("errors.field", hasItem("endsOn"));
        Map<String, Object> noLead = project();
        noLead.remove("organizationId");
        as(w.ownerA()).body(noLead).post("/api/v1/municipalities/" + w.code() + "/projects")
                .then().statusCode(400).body("errors.field", hasItem("organizationId"));
        // An organisation of another municipality, an area of another municipality.
        as(w.ownerA()).body(project("organizationId", "98699f1f-6961-4302-9d4a-d04687c8d96e"))
                .post("/api/v1/municipalities/" + w.code() + "/projects")
                .then().statusCode(400).body("errors.field", hasItem("organizationId"));
        as(w.ownerA()).body(project("areaIds", List.of("db202b84-deff-4e43-9d85-f7fc21728292")))
                .post("/api/v1/municipalities/" + w.code() + "/projects")
                .then().statusCode(400).body("errors.field", hasItem("areaIds"));
        org.junit.jupiter.api.Assertions.assertEquals(before, total());
    }

    @Test
    void onlyMembersOfTheLeadOrStaffStartOne() {
        anonymous().body(project()).post("/api/v1/municipalities/" + w.code() + "/projects").then().statusCode(401);
        as(w.ownerC()).body(project()).post("/api/v1/municipalities/" + w.code() + "/projects").then().statusCode(403);
        as("yamaguchi-staff").body(project()).post("/api/v1/municipalities/" + w.code() + "/projects").then().statusCode(403);
        as(w.staff()).body(project()).post("/api/v1/municipalities/" + w.code() + "/projects").then().statusCode(201);
    }

    @Test
    void editsNeedTheETagAndAPartnerOrStaff() {
        String id = create("published", true);
        Map<String, Object> created = project("published", true);
        String etag = anonymous().get("/api/v1/projects/" + id).then().statusCode(200).extract().header("ETag");
        as(w.ownerA()).body(write(created, "title", "新しい名前")).put("/api/v1/projects/" + id).then().statusCode(428);
        anonymous().header("If-Match", etag).body(write(created)).put("/api/v1/projects/" + id).then().statusCode(401);
        as(w.ownerC()).header("If-Match", etag).body(write(created)).put("/api/v1/projects/" + id).then().statusCode(403);
        as("yamaguchi-staff").header("If-Match", etag).body(write(created)).put("/api/v1/projects/" + id)
                .then().statusCode(403);
        String next = as(w.ownerA()).header("If-Match", etag).body(write(created, "title", "赤崎地区 防災訓練2025"))
                .put("/api/v1/projects/" + id).then().statusCode(200).body("title", equalTo("赤崎地区 防災訓練2025"))
                .extract().header("ETag");
        as(w.staff()).header("If-Match", etag).body(write(created)).put("/api/v1/projects/" + id).then().statusCode(412);
        as(w.staff()).header("If-Match", next).body(write(created, "vision", "災害に強いまちづくり"))
                .put("/api/v1/projects/" + id).then().statusCode(200).body("vision", equalTo("災害に強いまちづくり"));
        anonymous().get("/api/v1/municipalities/" + w.code() + "/projects?q=防災訓練&size=100").then()
                .statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void theStageMovesForwardOneStepOrBackWithANote() {
        String id = create();
        as(w.ownerA()).body(Map.of("stage", "VISION", "note", "第1回の話し合いで目指す姿を共有")).post("/api/v1/projects/" + id + "/stage-changes")
                .then().statusCode(200).body("stage", equalTo("VISION"))
                .body("stageHistory", hasSize(2))
                .body("stageHistory[1].fromStage", equalTo("TRIGGER"))
                .body("stageHistory[1].toStage", equalTo("VISION"))
                .body("stageHistory[1].note", equalTo("第1回の話し合いで目指す姿を共有"));
        as(w.ownerA()).body(Map.of("stage", "POLICY", "note", "飛ばしたい")).post("/api/v1/projects/" + id + "/stage-changes")
                .then().statusCode(409).contentType("application/problem+json");
        as(w.ownerA()).body(Map.of("stage", "VISION", "note", "同じ")).post("/api/v1/projects/" + id + "/stage-changes")
                .then().statusCode(409);
        as(w.ownerA()).body(Map.of("stage", "ISSUES")).post("/api/v1/projects/" + id + "/stage-changes")
                .then().statusCode(400).body("errors.field", hasItem("note"));
        as(w.ownerA()).body(Map.of("stage", "LATER", "note", "x")).post("/api/v1/projects/" + id + "/stage-changes")
                .then().statusCode(400).body("errors.field", hasItem("stage"));
        anonymous().body(Map.of("stage", "ISSUES", "note", "x")).post("/api/v1/projects/" + id + "/stage-changes")
                .then().statusCode(401);
        as(w.ownerC()).body(Map.of("stage", "ISSUES", "note", "x")).post("/api/v1/projects/" + id + "/stage-changes")
                .then().statusCode(404);
        for (String stage : List.of("ISSUES", "POLICY", "ACTION", "REVIEW")) {
            as(w.staff()).body(Map.of("stage", stage, "note", stage + " へ")).post("/api/v1/projects/" + id + "/stage-changes")
                    .then().statusCode(200).body("stage", equalTo(stage));
        }
        // After the review, back to the start of the next cycle.
        as(w.ownerA()).body(Map.of("stage", "VISION", "note", "ふりかえりを受けて目標を見直す"))
                .post("/api/v1/projects/" + id + "/stage-changes").then().statusCode(200)
                .body("stageHistory.toStage", equalTo(List.of("TRIGGER", "VISION", "ISSUES", "POLICY", "ACTION",
                        "REVIEW", "VISION")));
        as(w.ownerA()).header("Accept-Language", "en").get("/api/v1/projects/" + id).then()
                .body("stageHistory[6].fromStageLabel", equalTo("Review"));
    }

    @Test
    void partnersInviteAndTheInvitedAcceptOrDecline() {
        String id = create();
        String partner = as(w.ownerA()).body(Map.of("organizationId", w.orgC(), "role", "PARTNER",
                        "contribution", "子育て世代への周知")).post("/api/v1/projects/" + id + "/partners")
                .then().statusCode(201).body("status", equalTo("INVITED")).body("statusLabel", equalTo("招待中"))
                .extract().path("id");
        as(w.ownerC()).get("/api/v1/me/notifications?size=100").then()
                .body("items.findAll { it.projectId == '" + id + "' }.kind", hasItem("PROJECT_INVITATION"));
        // Invited members see the project; others cannot answer for them.
        as(w.ownerC()).get("/api/v1/projects/" + id).then().statusCode(200);
        as(w.ownerB()).post("/api/v1/projects/" + id + "/partners/" + partner + "/acceptance").then().statusCode(404);
        as(w.ownerA()).post("/api/v1/projects/" + id + "/partners/" + partner + "/acceptance").then().statusCode(403);
        anonymous().post("/api/v1/projects/" + id + "/partners/" + partner + "/acceptance").then().statusCode(401);
        as(w.ownerC()).post("/api/v1/projects/" + id + "/partners/" + partner + "/acceptance").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        as(w.ownerA()).get("/api/v1/me/notifications?size=100").then()
                .body("items.findAll { it.projectId == '" + id + "' }.kind", hasItem("PROJECT_INVITATION_ACCEPTED"));
        as(w.ownerC()).post("/api/v1/projects/" + id + "/partners/" + partner + "/acceptance").then().statusCode(409);
        as(w.ownerC()).post("/api/v1/projects/" + id + "/partners/" + partner + "/declination").then().statusCode(409);
        as(w.ownerA()).body(Map.of("organizationId", w.orgC(), "role", "PARTNER")).post("/api/v1/projects/" + id + "/partners")
                .then().statusCode(409);
        // Now a partner, orgC edits and invites too.
        String b = as(w.ownerC()).body(Map.of("organizationId", w.orgB(), "role", "SUPPORTER"))
                .post("/api/v1/projects/" + id + "/partners").then().statusCode(201).extract().path("id");
        as(w.ownerB()).post("/api/v1/projects/" + id + "/partners/" + b + "/declination").then().statusCode(200)
                .body("status", equalTo("DECLINED"));
        as(w.ownerB()).post("/api/v1/projects/" + id + "/partners/" + b + "/acceptance").then().statusCode(409);
        as(w.ownerC()).get("/api/v1/me/notifications?size=100").then()
                .body("items.findAll { it.projectId == '" + id + "' }.kind", hasItem("PROJECT_INVITATION_DECLINED"));
        // A declined organisation may be invited again.
        as(w.ownerA()).body(Map.of("organizationId", w.orgB(), "role", "SUPPORTER"))
                .post("/api/v1/projects/" + id + "/partners").then().statusCode(201).body("status", equalTo("INVITED"));
        // Invalid invitations.
        as(w.ownerA()).body(Map.of("organizationId", "98699f1f-6961-4302-9d4a-d04687c8d96e", "role", "PARTNER"))
                .post("/api/v1/projects/" + id + "/partners").then().statusCode(400).body("errors.field", hasItem("organizationId"));
        String otherListing = post(w.ownerB(), w.orgB(), body("HAVE", "PEOPLE", "防災士の派遣", "", List.of(), List.of()));
        as(w.ownerA()).body(Map.of("organizationId", w.orgC(), "role", "PARTNER", "listingIds", List.of(otherListing)))
                .post("/api/v1/projects/" + id + "/partners").then().statusCode(400).body("errors.field", hasItem("listingIds"));
        anonymous().body(Map.of("organizationId", w.orgB(), "role", "PARTNER")).post("/api/v1/projects/" + id + "/partners")
                .then().statusCode(401);
    }

    @Test
    void aPartnerUpdatesItsContributionWithTheETag() {
        String id = create();
        String partner = as(w.ownerA()).get("/api/v1/projects/" + id).then().extract().path("partners[0].id");
        String listing = post(w.ownerA(), w.orgA(), body("HAVE", "VENUE", "集会所", "和室", List.of(), List.of()));
        long version = ((Number) as(w.ownerA()).get("/api/v1/projects/" + id).then().extract()
                .path("partners[0].version")).longValue();
        as(w.ownerA()).body(Map.of("role", "LEAD", "contribution", "集会所を会場に", "listingIds", List.of(listing)))
                .put("/api/v1/projects/" + id + "/partners/" + partner).then().statusCode(428);
        as(w.ownerC()).header("If-Match", "\"" + version + "\"").body(Map.of("role", "LEAD"))
                .put("/api/v1/projects/" + id + "/partners/" + partner).then().statusCode(404);
        as(w.ownerA()).header("If-Match", "\"" + version + "\"")
                .body(Map.of("role", "LEAD", "contribution", "集会所を会場に", "listingIds", List.of(listing)))
                .put("/api/v1/projects/" + id + "/partners/" + partner).then().statusCode(200)
                .body("contribution", equalTo("集会所を会場に")).body("listingIds", equalTo(List.of(listing)));
        as(w.ownerA()).header("If-Match", "\"" + version + "\"").body(Map.of("role", "LEAD"))
                .put("/api/v1/projects/" + id + "/partners/" + partner).then().statusCode(412);
    }

    @Test
    void aPartnerCannotMakeItselfOrAnotherOrganisationTheLead() {
        String id = create();
        String partner = as(w.ownerA()).body(Map.of("organizationId", w.orgC(), "role", "PARTNER"))
                .post("/api/v1/projects/" + id + "/partners").then().statusCode(201).extract().path("id");
        as(w.ownerC()).post("/api/v1/projects/" + id + "/partners/" + partner + "/acceptance").then().statusCode(200);
        String etag = "\"" + as(w.ownerC()).get("/api/v1/projects/" + id).then().extract()
                .path("partners.find { it.id == '" + partner + "' }.version") + "\"";
        // The partner describes what it brings, but cannot take the lead's rights.
        as(w.ownerC()).header("If-Match", etag).body(Map.of("role", "LEAD", "contribution", "全部仕切ります"))
                .put("/api/v1/projects/" + id + "/partners/" + partner).then().statusCode(403);
        as(w.ownerC()).body(Map.of("organizationId", w.orgB(), "role", "LEAD"))
                .post("/api/v1/projects/" + id + "/partners").then().statusCode(403);
        String updated = as(w.ownerC()).header("If-Match", etag).body(Map.of("role", "PARTNER", "contribution", "子ども向けの出し物"))
                .put("/api/v1/projects/" + id + "/partners/" + partner).then().statusCode(200)
                .body("role", equalTo("PARTNER")).body("contribution", equalTo("子ども向けの出し物"))
                .extract().header("ETag");
        // The lead and staff may change a partner's role.
        as(w.ownerA()).header("If-Match", updated).body(Map.of("role", "COORDINATOR"))
                .put("/api/v1/projects/" + id + "/partners/" + partner).then().statusCode(200)
                .body("role", equalTo("COORDINATOR"));
        as(w.ownerC()).body(Map.of("organizationId", w.orgB(), "role", "SUPPORTER"))
                .post("/api/v1/projects/" + id + "/partners").then().statusCode(201);
    }

    @Test
    void publishedProjectsArePublicWithTheirActivePartnersOnly() {
        String id = create("published", true);
        as(w.ownerA()).body(Map.of("organizationId", w.orgC(), "role", "PARTNER")).post("/api/v1/projects/" + id + "/partners")
                .then().statusCode(201);
        anonymous().get("/api/v1/projects/" + id).then().statusCode(200)
                .body("partners.organizationId", equalTo(List.of(w.orgA())));
        as(w.ownerA()).get("/api/v1/projects/" + id).then().body("partners.organizationId", hasItems(w.orgA(), w.orgC()));
        anonymous().get("/api/v1/municipalities/" + w.code() + "/projects?stage=TRIGGER&domain=CITIZEN_INITIATIVE&area="
                + w.district() + "&size=100").then().statusCode(200).body("items.id", hasItem(id));
        anonymous().get("/api/v1/municipalities/" + w.code() + "/projects?stage=ACTION&size=100").then()
                .body("items.id", not(hasItem(id)));
        anonymous().get("/api/v1/municipalities/" + w.code() + "/projects?stage=SOON").then().statusCode(400)
                .body("errors.field", hasItem("stage"));
        anonymous().get("/api/v1/municipalities/352039/projects?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void anAcceptedMatchSeedsAProjectOnce() {
        String need = post(w.ownerA(), w.orgA(), body("NEED", "PEOPLE", "避難所運営の指導者", "防災訓練で",
                List.of("DISASTER_RELIEF"), List.of(w.district())));
        String have = post(w.ownerB(), w.orgB(), body("HAVE", "PEOPLE", "防災士の派遣", "避難所運営を指導",
                List.of("DISASTER_RELIEF"), List.of()));
        String match = as(w.ownerA()).body(Map.of("needId", need, "haveId", have)).post("/api/v1/matches")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> fromMatch = new HashMap<>(Map.of("title", "避難所運営訓練", "domain", "EQUAL",
                "fromMatchId", match));
        as(w.ownerA()).body(fromMatch).post("/api/v1/municipalities/" + w.code() + "/projects").then().statusCode(409)
                .contentType("application/problem+json");
        as(w.ownerB()).post("/api/v1/matches/" + match + "/acceptance").then().statusCode(200);
        as(w.ownerC()).body(fromMatch).post("/api/v1/municipalities/" + w.code() + "/projects").then().statusCode(403);
        World other = ListingFixtures.world();
        as(other.ownerA()).body(fromMatch).post("/api/v1/municipalities/" + other.code() + "/projects").then()
                .statusCode(400).body("errors.field", hasItem("fromMatchId"));
        as(w.ownerB()).body(fromMatch).post("/api/v1/municipalities/" + w.code() + "/projects").then().statusCode(201)
                .body("sourceMatchId", equalTo(match))
                .body("partners", hasSize(2))
                .body("partners.find { it.organizationId == '" + w.orgB() + "' }.role", equalTo("LEAD"))
                .body("partners.find { it.organizationId == '" + w.orgB() + "' }.listingIds", equalTo(List.of(have)))
                .body("partners.find { it.organizationId == '" + w.orgA() + "' }.listingIds", equalTo(List.of(need)))
                .body("partners.find { it.organizationId == '" + w.orgA() + "' }.status", equalTo("ACTIVE"))
                .body("partners.find { it.organizationId == '" + w.orgA() + "' }.contribution",
                        equalTo("無い: 避難所運営の指導者"))
                .body("areaIds", equalTo(List.of()))
                .body("stageHistory[0].note", equalTo("成立したマッチから協創の場を立ち上げました"));
        as(w.ownerA()).body(fromMatch).post("/api/v1/municipalities/" + w.code() + "/projects").then().statusCode(409);
    }

    @Test
    void onlyTheLeadOrStaffDelete() {
        String id = create();
        as(w.ownerA()).body(Map.of("organizationId", w.orgC(), "role", "PARTNER")).post("/api/v1/projects/" + id + "/partners")
                .then().statusCode(201);
        String partner = as(w.ownerA()).get("/api/v1/projects/" + id).then()
                .extract().path("partners.find { it.organizationId == '" + w.orgC() + "' }.id");
        as(w.ownerC()).post("/api/v1/projects/" + id + "/partners/" + partner + "/acceptance").then().statusCode(200);
        as(w.ownerC()).delete("/api/v1/projects/" + id).then().statusCode(403);
        anonymous().delete("/api/v1/projects/" + id).then().statusCode(401);
        as(w.ownerA()).header("If-Match", Api.etag(w.ownerA(), "/api/v1/projects/" + id)).delete("/api/v1/projects/" + id)
                .then().statusCode(204);
        as(w.ownerA()).get("/api/v1/projects/" + id).then().statusCode(404);
        as(w.staff()).get("/api/v1/municipalities/" + w.code() + "/audit-log?entityType=project&entityId=" + id)
                .then().body("items.action", hasItems("project.create", "project.partner.invite",
                        "project.partner.accept", "project.delete"));
    }

    @Test
    void unknownProjectIsAProblem() {
        anonymous().get("/api/v1/projects/00000000-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json").body("detail", notNullValue()).body("errors", nullValue());
    }

    private static int total() {
        return as(w.staff()).get("/api/v1/municipalities/" + w.code() + "/projects?size=1").then().statusCode(200)
                .extract().path("total");
    }
}
