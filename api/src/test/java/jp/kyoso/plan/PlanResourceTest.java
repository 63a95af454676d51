package jp.kyoso.plan;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.kyoso.support.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.kyoso.plan.PlanFixtures.SANYO;
import static jp.kyoso.plan.PlanFixtures.SANYO_AREA;
import static jp.kyoso.plan.PlanFixtures.YAMAGUCHI;
import static jp.kyoso.plan.PlanFixtures.YAMAGUCHI_AREA;
import static jp.kyoso.plan.PlanFixtures.etag;
import static jp.kyoso.plan.PlanFixtures.item;
import static jp.kyoso.plan.PlanFixtures.planBody;
import static jp.kyoso.plan.PlanFixtures.publish;
import static jp.kyoso.plan.PlanFixtures.statuses;
import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PlanResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager em;

    @Test
    void staffCreateAMunicipalPlanThatStaysHiddenUntilPublished() {
        Map<String, Object> body = planBody(null, 2022, 2025);
        body.put("areaId", SANYO_AREA);
        String id = as("sanyo-staff").body(body).post("/api/v1/municipalities/" + SANYO + "/plans")
                .then().statusCode(201)
                .header("ETag", notNullValue())
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/plans/"))
                .body("status", equalTo("DRAFT"))
                .body("statusLabel", equalTo("下書き"))
                .body("ownerType", equalTo("MUNICIPALITY"))
                .body("ownerName", equalTo("山陽小野田市"))
                .body("areaName", equalTo("本山地区"))
                .body("startFiscalYearLabel", equalTo("令和4年度"))
                .body("endFiscalYearLabel", equalTo("令和7年度"))
                .body("fiscalYears.fiscalYear", contains(2022, 2023, 2024, 2025))
                .body("fiscalYears.fiscalYearLabel", contains("令和4年度", "令和5年度", "令和6年度", "令和7年度"))
                .body("draft", equalTo(true))
                .body("canEdit", equalTo(true))
                .body("latestVersion", nullValue())
                .extract().path("id");

        anonymous().get("/api/v1/plans/" + id).then().statusCode(404).contentType(PROBLEM);
        as("resident").get("/api/v1/plans/" + id).then().statusCode(404);
        as("yamaguchi-staff").get("/api/v1/plans/" + id).then().statusCode(404);
        as("sanyo-manager").get("/api/v1/plans/" + id).then().statusCode(200).body("canEdit", equalTo(true));
        anonymous().get("/api/v1/municipalities/" + SANYO + "/plans?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as("sanyo-staff").get("/api/v1/municipalities/" + SANYO + "/plans?size=100&status=DRAFT").then().statusCode(200)
                .body("items.id", hasItem(id));
        anonymous().header("Accept-Language", "en").get("/api/v1/municipalities/" + SANYO + "/plans").then()
                .statusCode(200);
        as("sanyo-staff").header("Accept-Language", "en").get("/api/v1/plans/" + id).then().statusCode(200)
                .body("startFiscalYearLabel", equalTo("FY2022"))
                .body("fiscalYears[0].fiscalYearLabel", equalTo("FY2022"))
                .body("statusLabel", equalTo("Draft"));
    }

    @Test
    void invalidPlansAreRefusedByFieldAndNothingIsCreated() {
        long before = draftCount();
        Map<String, Object> noTitle = planBody(null, 2024, 2027);
        noTitle.remove("title");
        as("sanyo-staff").body(noTitle).post("/api/v1/municipalities/" + SANYO + "/plans").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("title"));
        as("sanyo-staff").body(planBody(null, 2026, 2024)).post("/api/v1/municipalities/" + SANYO + "/plans")
                .then().statusCode(400).body("errors.field", hasItem("endFiscalYear"));
        as("sanyo-staff").body(planBody(null, 2024, 2070)).post("/api/v1/municipalities/" + SANYO + "/plans")
                .then().statusCode(400).body("errors.field", hasItem("endFiscalYear"));
        Map<String, Object> foreignArea = planBody(null, 2024, 2027);
        foreignArea.put("areaId", YAMAGUCHI_AREA);
        as("sanyo-staff").body(foreignArea).post("/api/v1/municipalities/" + SANYO + "/plans")
                .then().statusCode(400).body("errors.field", hasItem("areaId"));
        // A neighbourhood association is not a community council.
        as("sanyo-owner").body(planBody("98699f1f-6961-4302-9d4a-d04687c8d96e", 2024, 2027))
                .post("/api/v1/municipalities/" + SANYO + "/plans")
                .then().statusCode(400).body("errors.field", hasItem("organizationId"));
        Map<String, Object> unknown = planBody(null, 2024, 2027);
        unknown.put("status", "PUBLISHED");
        as("sanyo-staff").body(unknown).post("/api/v1/municipalities/" + SANYO + "/plans")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        assertEquals(before, draftCount());
    }

    @Test
    void onlyStaffWriteTheMunicipalitysPlansAndOnlyMembersTheirCouncils() {
        anonymous().body(planBody(null, 2024, 2027)).post("/api/v1/municipalities/" + SANYO + "/plans")
                .then().statusCode(401).contentType(PROBLEM);
        as("resident").body(planBody(null, 2024, 2027)).post("/api/v1/municipalities/" + SANYO + "/plans")
                .then().statusCode(403).contentType(PROBLEM);
        as("yamaguchi-staff").body(planBody(null, 2024, 2027)).post("/api/v1/municipalities/" + SANYO + "/plans")
                .then().statusCode(403);
        as("sanyo-staff").body(planBody(null, 2024, 2027)).post("/api/v1/municipalities/999990/plans")
                .then().statusCode(404);

        String member = Api.unique("council-member");
        String council = PlanFixtures.council(SANYO, member, "sanyo-staff");
        String planId = as(member).body(planBody(council, 2024, 2028))
                .post("/api/v1/municipalities/" + SANYO + "/plans").then().statusCode(201)
                .body("ownerType", equalTo("ORGANIZATION"))
                .body("organizationId", equalTo(council))
                .body("ownerTypeLabel", equalTo("地域づくり協議会"))
                .extract().path("id");
        // Staff support councils and may edit; other members and other municipalities may not.
        as("sanyo-staff").get("/api/v1/plans/" + planId).then().statusCode(200).body("canEdit", equalTo(true));
        as("sanyo-owner").body(planBody(council, 2024, 2028)).post("/api/v1/municipalities/" + SANYO + "/plans")
                .then().statusCode(403);
        as("sanyo-owner").get("/api/v1/plans/" + planId).then().statusCode(404);
        as("sanyo-owner").header("If-Match", "\"0\"").body(update("x", 2024, 2028))
                .put("/api/v1/plans/" + planId).then().statusCode(404);
        // A council of another municipality cannot own a plan here.
        String otherMember = Api.unique("yamaguchi-council");
        String otherCouncil = PlanFixtures.council(YAMAGUCHI, otherMember, "yamaguchi-staff");
        as(otherMember).body(planBody(otherCouncil, 2024, 2028)).post("/api/v1/municipalities/" + SANYO + "/plans")
                .then().statusCode(400).body("errors.field", hasItem("organizationId"));
        as(otherMember).get("/api/v1/municipalities/" + YAMAGUCHI + "/plans?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(planId)));

        publish(member, planId);
        as("yamaguchi-staff").get("/api/v1/plans/" + planId).then().statusCode(200).body("canEdit", equalTo(false));
        String tag = etag("sanyo-staff", planId);
        as("yamaguchi-staff").header("If-Match", tag).body(update("乗っ取り", 2024, 2028))
                .put("/api/v1/plans/" + planId).then().statusCode(403);
        as("sanyo-owner").header("If-Match", tag).body(update("乗っ取り", 2024, 2028))
                .put("/api/v1/plans/" + planId).then().statusCode(403);
        anonymous().header("If-Match", tag).body(update("乗っ取り", 2024, 2028))
                .put("/api/v1/plans/" + planId).then().statusCode(401);
        anonymous().get("/api/v1/plans/" + planId).then().statusCode(200).body("title", not(equalTo("乗っ取り")));
    }

    @Test
    void updatesNeedTheCurrentEtag() {
        String id = PlanFixtures.municipalPlan(SANYO, "sanyo-staff", 2024, 2027);
        String tag = etag("sanyo-staff", id);
        as("sanyo-staff").body(update("見直し後", 2024, 2027)).put("/api/v1/plans/" + id)
                .then().statusCode(428).contentType(PROBLEM);
        String next = as("sanyo-staff").header("If-Match", tag).body(update("見直し後", 2024, 2028))
                .put("/api/v1/plans/" + id).then().statusCode(200)
                .body("title", equalTo("見直し後"))
                .body("endFiscalYear", equalTo(2028))
                .extract().header("ETag");
        assertTrue(!next.equals(tag));
        as("sanyo-manager").header("If-Match", tag).body(update("古い版から", 2024, 2027))
                .put("/api/v1/plans/" + id).then().statusCode(412).contentType(PROBLEM);
        as("sanyo-staff").get("/api/v1/plans/" + id).then().body("title", equalTo("見直し後"));
    }

    @Test
    void aSpanCannotShrinkPastRecordedStatuses() {
        String id = PlanFixtures.municipalPlan(SANYO, "sanyo-staff", 2022, 2025);
        String leaf = item("sanyo-staff", id, null, null, "項目");
        statuses("sanyo-staff", id, List.<Object[]>of(new Object[]{leaf, 2022, "DONE"}));
        as("sanyo-staff").header("If-Match", etag("sanyo-staff", id)).body(update("短縮", 2023, 2025))
                .put("/api/v1/plans/" + id).then().statusCode(400).body("errors.field", hasItem("startFiscalYear"));
        as("sanyo-staff").get("/api/v1/plans/" + id).then().body("startFiscalYear", equalTo(2022));
    }

    @Test
    void publishedVersionsAreImmutableAndLaterEditsWorkOnANewDraft() {
        String id = PlanFixtures.municipalPlan(SANYO, "sanyo-staff", 2022, 2025);
        String policy = item("sanyo-staff", id, null, null, "きっかけをつくる");
        String leaf = item("sanyo-staff", id, policy, null, "フォーラムを開く");
        statuses("sanyo-staff", id, List.<Object[]>of(new Object[]{leaf, 2022, "UNDER_STUDY"}));
        String originalTitle = as("sanyo-staff").get("/api/v1/plans/" + id).then().extract().path("title");

        as("resident").body(Map.of()).post("/api/v1/plans/" + id + "/versions").then().statusCode(404);
        as("sanyo-staff").header("If-Match", "\"999\"").body(Map.of()).post("/api/v1/plans/" + id + "/versions")
                .then().statusCode(412);
        as("sanyo-staff").body(Map.of("note", "策定")).post("/api/v1/plans/" + id + "/versions").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/plans/" + id + "/versions/1"))
                .body("number", equalTo(1))
                .body("note", equalTo("策定"))
                .body("publishedByName", notNullValue());
        // Nothing changed since: nothing to publish.
        as("sanyo-staff").body(Map.of()).post("/api/v1/plans/" + id + "/versions").then().statusCode(409);
        anonymous().get("/api/v1/plans/" + id).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("latestVersion", equalTo(1))
                .body("draft", equalTo(false)).body("canEdit", equalTo(false))
                .body("publishedAt", notNullValue());

        // The next draft: new title, a new item, a changed status.
        as("sanyo-staff").header("If-Match", etag("sanyo-staff", id)).body(update("改定版", 2022, 2025))
                .put("/api/v1/plans/" + id).then().statusCode(200)
                .body("unpublishedChanges", equalTo(true)).body("draft", equalTo(true));
        String added = item("sanyo-staff", id, policy, null, "ワークショップを開く");
        statuses("sanyo-staff", id, List.<Object[]>of(new Object[]{leaf, 2022, "DONE"}, new Object[]{leaf, 2023, "ONGOING"}));

        // The public still reads version 1, exactly as published.
        anonymous().get("/api/v1/plans/" + id).then().statusCode(200).body("title", equalTo(originalTitle))
                .body("unpublishedChanges", equalTo(false));
        anonymous().get("/api/v1/plans/" + id + "/items").then().statusCode(200)
                .body("versionNumber", equalTo(1))
                .body("items.id", contains(policy, leaf))
                .body("items[1].statuses[0].status", equalTo("UNDER_STUDY"));
        anonymous().get("/api/v1/plans/" + id + "/progress?fiscalYear=2022").then().statusCode(200)
                .body("overall.counts.UNDER_STUDY", equalTo(1)).body("overall.counts.DONE", equalTo(0));
        as("sanyo-staff").get("/api/v1/plans/" + id + "/progress?fiscalYear=2022").then().statusCode(200)
                .body("versionNumber", nullValue())
                .body("overall.total", equalTo(2)).body("overall.counts.DONE", equalTo(1));

        // What publishing now would change, then version 2.
        as("sanyo-staff").get("/api/v1/plans/" + id + "/diff?to=draft").then().statusCode(200)
                .body("from", equalTo(1)).body("to", nullValue())
                .body("fields.field", contains("title", "vision"))
                .body("addedItems.itemId", contains(added));
        anonymous().get("/api/v1/plans/" + id + "/diff?to=draft").then().statusCode(401);
        publish("sanyo-staff", id);

        anonymous().get("/api/v1/plans/" + id + "/versions").then().statusCode(200)
                .body("number", contains(2, 1))
                .body("publishedBy", contains(nullValue(), nullValue()))
                .body("publishedByName", contains(nullValue(), nullValue()));
        anonymous().get("/api/v1/plans/" + id + "/versions/1").then().statusCode(200)
                .body("version.number", equalTo(1))
                .body("plan.title", equalTo(originalTitle))
                .body("items.items", hasSize(2))
                .body("items.items[1].statuses.status", contains("UNDER_STUDY", null, null, null));
        anonymous().get("/api/v1/plans/" + id + "/versions/2").then().statusCode(200)
                .body("plan.title", equalTo("改定版"))
                .body("items.items", hasSize(3));
        anonymous().get("/api/v1/plans/" + id + "/versions/3").then().statusCode(404);
        anonymous().get("/api/v1/plans/" + id + "/diff?from=1&to=2").then().statusCode(200)
                .body("from", equalTo(1)).body("to", equalTo(2))
                .body("fields[0].field", equalTo("title"))
                .body("fields[0].before", equalTo(originalTitle))
                .body("fields[0].after", equalTo("改定版"))
                .body("addedItems.code", contains("I-(2)"))
                .body("removedItems", hasSize(0))
                .body("statuses.fiscalYear", contains(2022, 2023))
                .body("statuses.before", contains("UNDER_STUDY", null))
                .body("statuses.after", contains("DONE", "ONGOING"))
                .body("statuses[0].fiscalYearLabel", equalTo("令和4年度"));
        anonymous().get("/api/v1/plans/" + id + "/diff").then().statusCode(200).body("from", equalTo(1)).body("to", equalTo(2));
        anonymous().get("/api/v1/plans/" + id + "/diff?from=x").then().statusCode(400).body("errors.field", hasItem("from"));

        // The database itself refuses to change a published version.
        Exception refused = assertThrows(Exception.class, () -> rewriteVersion(UUID.fromString(id)));
        Throwable cause = refused;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("plan versions are immutable"), cause.getMessage());
        anonymous().get("/api/v1/plans/" + id + "/versions/1").then().body("plan.title", equalTo(originalTitle));
    }

    @Test
    void anArchivedPlanIsReadOnlyAndAPublishedOneCannotBeDeleted() {
        String id = PlanFixtures.municipalPlan(SANYO, "sanyo-staff", 2022, 2025);
        as("sanyo-staff").post("/api/v1/plans/" + id + "/archival").then().statusCode(409);
        publish("sanyo-staff", id);
        as("sanyo-staff").header("If-Match", PlanFixtures.etag("sanyo-staff", id)).delete("/api/v1/plans/" + id).then().statusCode(409).contentType(PROBLEM);
        as("resident").post("/api/v1/plans/" + id + "/archival").then().statusCode(403);
        anonymous().post("/api/v1/plans/" + id + "/archival").then().statusCode(401);
        as("sanyo-staff").post("/api/v1/plans/" + id + "/archival").then().statusCode(200)
                .body("status", equalTo("ARCHIVED"));
        as("sanyo-staff").header("If-Match", etag("sanyo-staff", id)).body(update("変更", 2022, 2025))
                .put("/api/v1/plans/" + id).then().statusCode(409);
        as("sanyo-staff").body(Map.of("title", "追加")).post("/api/v1/plans/" + id + "/items").then().statusCode(409);
        anonymous().get("/api/v1/plans/" + id).then().statusCode(200).body("status", equalTo("ARCHIVED"));
        anonymous().get("/api/v1/municipalities/" + SANYO + "/plans?status=ARCHIVED&size=100").then()
                .body("items.id", hasItem(id));
    }

    @Test
    void aDraftCanBeDeleted() {
        String id = PlanFixtures.municipalPlan(SANYO, "sanyo-staff", 2022, 2025);
        item("sanyo-staff", id, null, null, "項目");
        as("resident").delete("/api/v1/plans/" + id).then().statusCode(404);
        as("yamaguchi-staff").delete("/api/v1/plans/" + id).then().statusCode(404);
        as("sanyo-staff").header("If-Match", "\"99\"").delete("/api/v1/plans/" + id).then().statusCode(412);
        as("sanyo-staff").header("If-Match", PlanFixtures.etag("sanyo-staff", id)).delete("/api/v1/plans/" + id).then().statusCode(204);
        as("sanyo-staff").get("/api/v1/plans/" + id).then().statusCode(404);
        as("sanyo-staff").get("/api/v1/municipalities/" + SANYO + "/audit-log?entityType=plan&entityId=" + id)
                .then().statusCode(200).body("items.action", hasItem("plan.delete"));
    }

    @Test
    void everyWriteIsAudited() {
        String id = PlanFixtures.municipalPlan(SANYO, "sanyo-staff", 2022, 2025);
        as("sanyo-staff").header("If-Match", etag("sanyo-staff", id)).body(update("監査", 2022, 2025))
                .put("/api/v1/plans/" + id).then().statusCode(200);
        publish("sanyo-staff", id);
        as("sanyo-staff").get("/api/v1/municipalities/" + SANYO + "/audit-log?entityType=plan&entityId=" + id)
                .then().statusCode(200)
                .body("items.action", contains("plan.publish", "plan.update", "plan.create"));
    }

    private static Map<String, Object> update(String title, int start, int end) {
        return Map.of("title", title, "vision", "目指す姿", "startFiscalYear", start, "endFiscalYear", end);
    }

    void rewriteVersion(UUID planId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update plan_version set note = 'tampered' where plan_id = ?1")
                .setParameter(1, planId).executeUpdate());
    }

    long draftCount() {
        return ((Number) em.createNativeQuery("select count(*) from plan").getSingleResult()).longValue();
    }
}
