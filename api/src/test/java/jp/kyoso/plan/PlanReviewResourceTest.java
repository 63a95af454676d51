package jp.kyoso.plan;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.support.Api;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static jp.kyoso.plan.PlanFixtures.SANYO;
import static jp.kyoso.plan.PlanFixtures.planBody;
import static jp.kyoso.plan.PlanFixtures.publish;
import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PlanReviewResourceTest {

    private static Map<String, Object> review(int fiscalYear, String kind, String summary) {
        Map<String, Object> body = new HashMap<>();
        body.put("fiscalYear", fiscalYear);
        body.put("kind", kind);
        body.put("summary", summary);
        body.put("evaluator", "役員会");
        body.put("findings", "参加者の固定化が見られた");
        body.put("nextActions", "若い世代への声かけを強める");
        return body;
    }

    @Test
    void councilMembersReviewTheirPlanYearByYearAndThePublicReadsIt() {
        String member = Api.unique("council-reviewer");
        String council = PlanFixtures.council(SANYO, member, "sanyo-staff");
        String plan = as(member).body(planBody(council, 2023, 2027)).post("/api/v1/municipalities/" + SANYO + "/plans")
                .then().statusCode(201).extract().path("id");

        String first = as(member).body(review(2023, "SELF", "計画どおり進んだ"))
                .post("/api/v1/plans/" + plan + "/reviews").then().statusCode(201)
                .header("ETag", notNullValue())
                .body("fiscalYear", equalTo(2023))
                .body("fiscalYearLabel", equalTo("令和5年度"))
                .body("kind", equalTo("SELF"))
                .body("kindLabel", equalTo("自己評価"))
                .body("authorName", notNullValue())
                .extract().path("id");
        as("sanyo-staff").body(review(2024, "THIRD_PARTY", "第三者委員会の評価"))
                .post("/api/v1/plans/" + plan + "/reviews").then().statusCode(201);
        as(member).body(review(2024, "MUTUAL", "隣の地区との相互評価"))
                .post("/api/v1/plans/" + plan + "/reviews").then().statusCode(201);

        // Drafts' reviews are private; once the plan is published anyone reads them, without who wrote them.
        anonymous().get("/api/v1/plans/" + plan + "/reviews").then().statusCode(404);
        publish(member, plan);
        anonymous().get("/api/v1/plans/" + plan + "/reviews").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.fiscalYear", contains(2024, 2024, 2023))
                .body("items[0].authorId", nullValue())
                .body("items[0].authorName", nullValue());
        anonymous().header("Accept-Language", "en").get("/api/v1/plans/" + plan + "/reviews?fiscalYear=2024")
                .then().statusCode(200)
                .body("items.kind", contains("THIRD_PARTY", "MUTUAL"))
                .body("items[0].kindLabel", equalTo("Third-party evaluation"))
                .body("items[0].fiscalYearLabel", equalTo("FY2024"));

        String tag = as(member).get("/api/v1/plans/" + plan + "/reviews/" + first).then().statusCode(200)
                .extract().header("ETag");
        as(member).body(review(2023, "SELF", "見直し")).put("/api/v1/plans/" + plan + "/reviews/" + first)
                .then().statusCode(428);
        as(member).header("If-Match", tag).body(review(2023, "SELF", "見直し"))
                .put("/api/v1/plans/" + plan + "/reviews/" + first).then().statusCode(200)
                .body("summary", equalTo("見直し"));
        as(member).header("If-Match", tag).body(review(2023, "SELF", "古い"))
                .put("/api/v1/plans/" + plan + "/reviews/" + first).then().statusCode(412);
        as("resident").delete("/api/v1/plans/" + plan + "/reviews/" + first).then().statusCode(403);
        as(member).delete("/api/v1/plans/" + plan + "/reviews/" + first).then().statusCode(428);
        as(member).header("If-Match", tag).delete("/api/v1/plans/" + plan + "/reviews/" + first).then().statusCode(412);
        as(member).header("If-Match", Api.etag(member, "/api/v1/plans/" + plan + "/reviews/" + first))
                .delete("/api/v1/plans/" + plan + "/reviews/" + first).then().statusCode(204);
        anonymous().get("/api/v1/plans/" + plan + "/reviews/" + first).then().statusCode(404);
    }

    @Test
    void invalidReviewsAndOutsidersAreRefused() {
        String plan = PlanFixtures.municipalPlan(SANYO, "sanyo-staff", 2023, 2025);
        as("sanyo-staff").body(review(2030, "SELF", "期間外")).post("/api/v1/plans/" + plan + "/reviews")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("fiscalYear"));
        Map<String, Object> noSummary = review(2024, "SELF", "");
        noSummary.put("kind", "PEER");
        as("sanyo-staff").body(noSummary).post("/api/v1/plans/" + plan + "/reviews")
                .then().statusCode(400).body("errors.field", hasItem("kind"));
        as("sanyo-staff").body(review(2024, "SELF", " ")).post("/api/v1/plans/" + plan + "/reviews")
                .then().statusCode(400).body("errors.field", hasItem("summary"));
        anonymous().body(review(2024, "SELF", "x")).post("/api/v1/plans/" + plan + "/reviews").then().statusCode(401);
        publish("sanyo-staff", plan);
        as("resident").body(review(2024, "SELF", "x")).post("/api/v1/plans/" + plan + "/reviews").then()
                .statusCode(403);
        as("yamaguchi-manager").body(review(2024, "SELF", "x")).post("/api/v1/plans/" + plan + "/reviews").then()
                .statusCode(403);
        as("sanyo-staff").get("/api/v1/plans/" + plan + "/reviews").then().statusCode(200).body("total", equalTo(0));
        as("sanyo-staff").get("/api/v1/plans/" + plan + "/reviews?fiscalYear=next").then().statusCode(400);
    }
}
