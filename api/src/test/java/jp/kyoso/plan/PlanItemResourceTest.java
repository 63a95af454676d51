package jp.kyoso.plan;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.kyoso.plan.PlanFixtures.SANYO;
import static jp.kyoso.plan.PlanFixtures.etag;
import static jp.kyoso.plan.PlanFixtures.item;
import static jp.kyoso.plan.PlanFixtures.publish;
import static jp.kyoso.plan.PlanFixtures.statuses;
import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PlanItemResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String STAFF = "sanyo-staff";

    /** I → I-(1) → ①②③, I → I-(2) → ①; II → II-(1) → ①. */
    private record Tree(String plan, String i, String i1, String a, String b, String c, String i2, String d,
                        String ii, String ii1, String e) {
    }

    private static Tree tree() {
        String plan = PlanFixtures.municipalPlan(SANYO, STAFF, 2022, 2025);
        String i = item(STAFF, plan, null, null, "「協創」への関心を高める");
        String i1 = item(STAFF, plan, i, null, "きっかけづくり");
        String a = item(STAFF, plan, i1, null, "協創フォーラムの開催");
        String b = item(STAFF, plan, i1, null, "地域でのワークショップ");
        String c = item(STAFF, plan, i1, null, "出前講座");
        String i2 = item(STAFF, plan, i, null, "情報発信");
        String d = item(STAFF, plan, i2, null, "広報紙の特集");
        String ii = item(STAFF, plan, null, null, "「協創の場」をつくる");
        String ii1 = item(STAFF, plan, ii, null, "場づくり");
        String e = item(STAFF, plan, ii1, null, "地域運営組織の設立支援");
        return new Tree(plan, i, i1, a, b, c, i2, d, ii, ii1, e);
    }

    @Test
    void itemsFormAnOrderedTreeWithGeneratedCodes() {
        Tree t = tree();
        as(STAFF).get("/api/v1/plans/" + t.plan() + "/items").then().statusCode(200)
                .body("versionNumber", nullValue())
                .body("fiscalYears.fiscalYearLabel", contains("令和4年度", "令和5年度", "令和6年度", "令和7年度"))
                .body("items.id", contains(t.i(), t.i1(), t.a(), t.b(), t.c(), t.i2(), t.d(), t.ii(), t.ii1(), t.e()))
                .body("items.code", contains("I", "I-(1)", "I-(1)-①", "I-(1)-②", "I-(1)-③", "I-(2)", "I-(2)-①",
                        "II", "II-(1)", "II-(1)-①"))
                .body("items.depth", contains(0, 1, 2, 2, 2, 1, 2, 0, 1, 2))
                .body("items.leaf", contains(false, false, true, true, true, false, true, false, false, true))
                .body("items[0].statuses", hasSize(0))
                .body("items[2].statuses", hasSize(4))
                .body("items[2].statuses[0].status", nullValue());

        // An explicit code and position: inserted first among the measures of I.
        Map<String, Object> body = new HashMap<>(Map.of("title", "人材育成", "code", "I-(0)", "position", 0,
                "parentItemId", t.i()));
        String first = as(STAFF).body(body).post("/api/v1/plans/" + t.plan() + "/items").then().statusCode(201)
                .body("position", equalTo(0)).body("depth", equalTo(1)).extract().path("id");
        as(STAFF).get("/api/v1/plans/" + t.plan() + "/items").then()
                .body("items.id[1]", equalTo(first))
                .body("items.findAll { it.parentItemId == '" + t.i() + "' }.position", contains(0, 1, 2));
        // A code already in use is refused.
        body.put("code", "I-(1)");
        as(STAFF).body(body).post("/api/v1/plans/" + t.plan() + "/items").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("code"));
        as(STAFF).body(Map.of("title", "")).post("/api/v1/plans/" + t.plan() + "/items").then().statusCode(400)
                .body("errors.field", hasItem("title"));
        as(STAFF).body(Map.of("title", "x", "parentItemId", java.util.UUID.randomUUID().toString()))
                .post("/api/v1/plans/" + t.plan() + "/items").then().statusCode(400)
                .body("errors.field", hasItem("parentItemId"));
    }

    @Test
    void itemsMoveAndAreDeletedWithTheirSubtree() {
        Tree t = tree();
        String tag = etag(STAFF, t.plan());
        // Moving I-(2) under its own child is a cycle.
        as(STAFF).header("If-Match", tag).body(Map.of("title", "情報発信", "parentItemId", t.d()))
                .put("/api/v1/plans/" + t.plan() + "/items/" + t.i2()).then().statusCode(400)
                .body("errors.field", hasItem("parentItemId"));
        as(STAFF).body(Map.of("title", "情報発信", "parentItemId", t.ii()))
                .put("/api/v1/plans/" + t.plan() + "/items/" + t.i2()).then().statusCode(428);
        as(STAFF).header("If-Match", tag).body(Map.of("title", "情報発信と広報", "parentItemId", t.ii(), "position", 0))
                .put("/api/v1/plans/" + t.plan() + "/items/" + t.i2()).then().statusCode(200)
                .body("parentItemId", equalTo(t.ii())).body("position", equalTo(0)).body("title", equalTo("情報発信と広報"))
                .body("code", equalTo("I-(2)"));
        as(STAFF).header("If-Match", tag).body(Map.of("title", "古い ETag"))
                .put("/api/v1/plans/" + t.plan() + "/items/" + t.a()).then().statusCode(412);
        as(STAFF).get("/api/v1/plans/" + t.plan() + "/items").then()
                .body("items.id", contains(t.i(), t.i1(), t.a(), t.b(), t.c(), t.ii(), t.i2(), t.d(), t.ii1(), t.e()));

        statuses(STAFF, t.plan(), List.<Object[]>of(new Object[]{t.a(), 2022, "DONE"}));
        as("resident").delete("/api/v1/plans/" + t.plan() + "/items/" + t.i1()).then().statusCode(404);
        as(STAFF).header("If-Match", PlanFixtures.etag(STAFF, t.plan())).delete("/api/v1/plans/" + t.plan() + "/items/" + t.i1())
                .then().statusCode(204);
        as(STAFF).get("/api/v1/plans/" + t.plan() + "/items").then()
                .body("items.id", contains(t.i(), t.ii(), t.i2(), t.d(), t.ii1(), t.e()))
                .body("items[0].leaf", equalTo(true));
        as(STAFF).get("/api/v1/plans/" + t.plan() + "/items/" + t.a()).then().statusCode(404);
        as(STAFF).get("/api/v1/plans/" + t.plan() + "/progress?fiscalYear=2022").then()
                .body("overall.total", equalTo(3)).body("overall.counts.DONE", equalTo(0));
    }

    @Test
    void manyStatusesAreSetInOneRequestAndTheProgressTableCountsEveryLevel() {
        Tree t = tree();
        var response = statuses(STAFF, t.plan(), List.<Object[]>of(
                new Object[]{t.a(), 2024, "DONE"},
                new Object[]{t.b(), 2024, "ONGOING"},
                // c: no status in 2024 → NOT_STARTED
                new Object[]{t.c(), 2023, "DONE"},
                new Object[]{t.d(), 2024, "DONE"},
                new Object[]{t.e(), 2024, "UNDER_STUDY"},
                new Object[]{t.e(), 2023, "PARTLY_DONE"}));
        assertEquals(200, response.statusCode());
        assertEquals("DONE", response.path("items.find { it.id == '" + t.a() + "' }.statuses.find { it.fiscalYear == 2024 }.status"));

        as(STAFF).get("/api/v1/plans/" + t.plan() + "/progress?fiscalYear=2024").then().statusCode(200)
                .body("planId", equalTo(t.plan()))
                .body("fiscalYear", equalTo(2024))
                .body("fiscalYearLabel", equalTo("令和6年度"))
                .body("overall.total", equalTo(5))
                .body("overall.counts.DONE", equalTo(2))
                .body("overall.counts.ONGOING", equalTo(1))
                .body("overall.counts.UNDER_STUDY", equalTo(1))
                .body("overall.counts.NOT_STARTED", equalTo(1))
                .body("overall.counts.PARTLY_DONE", equalTo(0))
                .body("overall.percents.DONE", equalTo(40.0f))
                .body("overall.percents.NOT_STARTED", equalTo(20.0f))
                .body("nodes.itemId", contains(t.i(), t.i1(), t.a(), t.b(), t.c(), t.i2(), t.d(), t.ii(), t.ii1(), t.e()))
                .body("nodes.code", hasItems("I", "I-(1)-①"))
                // I: a, b, c, d → DONE 2 of 4
                .body("nodes[0].total", equalTo(4))
                .body("nodes[0].counts.DONE", equalTo(2))
                .body("nodes[0].percents.DONE", equalTo(50.0f))
                // I-(1): a, b, c → one of three each
                .body("nodes[1].total", equalTo(3))
                .body("nodes[1].percents.DONE", equalTo(33.3f))
                .body("nodes[1].percents.ONGOING", equalTo(33.3f))
                .body("nodes[1].percents.NOT_STARTED", equalTo(33.3f))
                .body("nodes[1].parentItemId", equalTo(t.i()))
                // a leaf counts itself
                .body("nodes[4].total", equalTo(1))
                .body("nodes[4].counts.NOT_STARTED", equalTo(1))
                .body("nodes[4].percents.NOT_STARTED", equalTo(100.0f))
                .body("nodes[7].counts.UNDER_STUDY", equalTo(1))
                // the trend: every year of the plan, same figures
                .body("series.fiscalYear", contains(2022, 2023, 2024, 2025))
                .body("series.fiscalYearLabel", contains("令和4年度", "令和5年度", "令和6年度", "令和7年度"))
                .body("series[0].overall.counts.NOT_STARTED", equalTo(5))
                .body("series[1].overall.counts.DONE", equalTo(1))
                .body("series[1].overall.counts.PARTLY_DONE", equalTo(1))
                .body("series[1].overall.percents.DONE", equalTo(20.0f))
                .body("series[1].nodes[1].percents.DONE", equalTo(33.3f))
                .body("series[1].nodes[1].percents.NOT_STARTED", equalTo(66.7f))
                .body("series[2].overall.counts.DONE", equalTo(2))
                .body("statuses.status", contains("NOT_STARTED", "UNDER_STUDY", "PARTLY_DONE", "ONGOING", "DONE"))
                .body("statuses.label", contains("未着手", "検討中", "一部実施", "継続推進", "実施済"));

        as(STAFF).header("Accept-Language", "en").get("/api/v1/plans/" + t.plan() + "/progress?fiscalYear=令和5年度")
                .then().statusCode(200)
                .body("fiscalYear", equalTo(2023))
                .body("fiscalYearLabel", equalTo("FY2023"))
                .body("series[0].fiscalYearLabel", equalTo("FY2022"))
                .body("statuses.label", hasItem("Done"));

        // A null status clears; the cleared leaf is NOT_STARTED again.
        statuses(STAFF, t.plan(), List.<Object[]>of(new Object[]{t.a(), 2024, null}));
        as(STAFF).get("/api/v1/plans/" + t.plan() + "/progress?fiscalYear=2024").then()
                .body("overall.counts.DONE", equalTo(1)).body("overall.counts.NOT_STARTED", equalTo(2));
    }

    @Test
    void aBadEntryRejectsTheWholeRequestAndChangesNothing() {
        Tree t = tree();
        String before = etag(STAFF, t.plan());
        String foreign = item(STAFF, PlanFixtures.municipalPlan(SANYO, STAFF, 2022, 2025), null, null, "他の計画");
        String after = etag(STAFF, t.plan());
        assertEquals(before, after);
        List<Map<String, Object>> entries = List.of(
                Map.of("itemId", t.a(), "fiscalYear", 2024, "status", "DONE"),
                Map.of("itemId", t.i1(), "fiscalYear", 2024, "status", "DONE"),
                Map.of("itemId", t.b(), "fiscalYear", 2030, "status", "DONE"),
                Map.of("itemId", foreign, "fiscalYear", 2024, "status", "DONE"),
                Map.of("itemId", t.a(), "fiscalYear", 2024, "status", "ONGOING"));
        as(STAFF).header("If-Match", before).body(Map.of("statuses", entries))
                .put("/api/v1/plans/" + t.plan() + "/statuses").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("statuses[1].itemId", "statuses[2].fiscalYear", "statuses[3].itemId",
                        "statuses[4]"));
        as(STAFF).header("If-Match", before).body(Map.of("statuses", List.of(
                        Map.of("itemId", t.a(), "fiscalYear", 2024, "status", "FINISHED"))))
                .put("/api/v1/plans/" + t.plan() + "/statuses").then().statusCode(400)
                .body("errors.field", hasItem("statuses[0].status"));
        as(STAFF).header("If-Match", before).body(Map.of("statuses", List.of()))
                .put("/api/v1/plans/" + t.plan() + "/statuses").then().statusCode(400)
                .body("errors.field", hasItem("statuses"));
        assertEquals(before, etag(STAFF, t.plan()));
        as(STAFF).get("/api/v1/plans/" + t.plan() + "/progress?fiscalYear=2024").then()
                .body("overall.counts.NOT_STARTED", equalTo(5));

        // Statuses need the plan's ETag; leaves with statuses get no children.
        as(STAFF).body(Map.of("statuses", List.of(Map.of("itemId", t.a(), "fiscalYear", 2024, "status", "DONE"))))
                .put("/api/v1/plans/" + t.plan() + "/statuses").then().statusCode(428);
        statuses(STAFF, t.plan(), List.<Object[]>of(new Object[]{t.a(), 2024, "DONE"}));
        as(STAFF).body(Map.of("title", "子", "parentItemId", t.a())).post("/api/v1/plans/" + t.plan() + "/items")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void progressOfAnEmptyPlanAndOfYearsOutsideIt() {
        String plan = PlanFixtures.municipalPlan(SANYO, STAFF, 2024, 2026);
        as(STAFF).get("/api/v1/plans/" + plan + "/progress?fiscalYear=2025").then().statusCode(200)
                .body("overall.total", equalTo(0))
                .body("overall.counts.DONE", equalTo(0))
                .body("overall.percents.DONE", equalTo(0.0f))
                .body("overall.percents.NOT_STARTED", equalTo(0.0f))
                .body("nodes", hasSize(0))
                .body("series", hasSize(3));
        as(STAFF).get("/api/v1/plans/" + plan + "/progress").then().statusCode(200)
                .body("fiscalYear", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.greaterThanOrEqualTo(2024),
                        org.hamcrest.Matchers.lessThanOrEqualTo(2026)));
        as(STAFF).get("/api/v1/plans/" + plan + "/progress?fiscalYear=2023").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("fiscalYear"));
        as(STAFF).get("/api/v1/plans/" + plan + "/progress?fiscalYear=soon").then().statusCode(400)
                .body("errors.field", hasItem("fiscalYear"));
        as(STAFF).get("/api/v1/plans/" + plan + "/progress?version=1").then().statusCode(404);
    }

    @Test
    void itemWritesNeedAnEditorAndDraftsStayPrivate() {
        Tree t = tree();
        anonymous().body(Map.of("title", "x")).post("/api/v1/plans/" + t.plan() + "/items").then().statusCode(401);
        anonymous().get("/api/v1/plans/" + t.plan() + "/items").then().statusCode(404);
        anonymous().get("/api/v1/plans/" + t.plan() + "/progress").then().statusCode(404);
        as("yamaguchi-staff").get("/api/v1/plans/" + t.plan() + "/items").then().statusCode(404);
        publish(STAFF, t.plan());
        as("resident").body(Map.of("title", "x")).post("/api/v1/plans/" + t.plan() + "/items").then().statusCode(403)
                .contentType(PROBLEM);
        as("yamaguchi-staff").body(Map.of("title", "x")).post("/api/v1/plans/" + t.plan() + "/items").then()
                .statusCode(403);
        as("yamaguchi-staff").header("If-Match", etag(STAFF, t.plan()))
                .body(Map.of("statuses", List.of(Map.of("itemId", t.a(), "fiscalYear", 2024, "status", "DONE"))))
                .put("/api/v1/plans/" + t.plan() + "/statuses").then().statusCode(403);
        as("resident").delete("/api/v1/plans/" + t.plan() + "/items/" + t.a()).then().statusCode(403);
        anonymous().get("/api/v1/plans/" + t.plan() + "/items").then().statusCode(200).body("versionNumber", equalTo(1))
                .body("items", hasSize(10));
        anonymous().get("/api/v1/plans/" + t.plan() + "/items/" + t.a()).then().statusCode(200)
                .body("code", equalTo("I-(1)-①"));
    }
}
