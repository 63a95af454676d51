package jp.kyoso.plan;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jp.kyoso.support.Api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.as;

/** Plans, community councils and items for tests, made through the API. */
final class PlanFixtures {

    static final String SANYO = Api.SANYO_ONODA;
    static final String YAMAGUCHI = Api.YAMAGUCHI;
    /** 本山地区 of 山陽小野田市 and 宮野地区 of 山口市 in the demo data. */
    static final String SANYO_AREA = "9e70fca2-05b1-487c-a134-40df69e58e48";
    static final String YAMAGUCHI_AREA = "2dde7c83-ed37-492b-acb5-b822e5f88cca";

    private PlanFixtures() {
    }

    /** An approved community council owned by {@code owner} (a fresh user when it is a new name). */
    static String council(String code, String owner, String staff) {
        Map<String, Object> body = Map.of("type", "COMMUNITY_COUNCIL", "bond", "TERRITORIAL",
                "name", Api.unique("テスト地区まちづくり協議会"), "description", "テスト用の協議会",
                "themes", List.of("COMMUNITY_DEVELOPMENT"), "areaIds", List.of());
        String id = as(owner).body(body).post("/api/v1/municipalities/" + code + "/organizations")
                .then().statusCode(201).extract().path("id");
        as(staff).post("/api/v1/organizations/" + id + "/approval").then().statusCode(200);
        return id;
    }

    static Map<String, Object> planBody(String organizationId, int start, int end) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", Api.unique("テスト計画"));
        body.put("vision", "誰もが支え合い、笑顔で暮らせるまち");
        body.put("startFiscalYear", start);
        body.put("endFiscalYear", end);
        if (organizationId != null) {
            body.put("organizationId", organizationId);
        }
        return body;
    }

    /** A draft plan of the municipality, made by {@code staff}. */
    static String municipalPlan(String code, String staff, int start, int end) {
        return as(staff).body(planBody(null, start, end)).post("/api/v1/municipalities/" + code + "/plans")
                .then().statusCode(201).extract().path("id");
    }

    static String etag(String user, String planId) {
        return as(user).get("/api/v1/plans/" + planId).then().statusCode(200).extract().header("ETag");
    }

    /** Adds an item (code generated when null) and returns its id. */
    static String item(String user, String planId, String parentId, String code, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        if (parentId != null) {
            body.put("parentItemId", parentId);
        }
        if (code != null) {
            body.put("code", code);
        }
        return as(user).body(body).post("/api/v1/plans/" + planId + "/items")
                .then().statusCode(201).extract().path("id");
    }

    /** Sets statuses: entries of itemId, fiscalYear, status (null clears). */
    static ExtractableResponse<Response> statuses(String user, String planId, List<Object[]> entries) {
        List<Map<String, Object>> list = entries.stream().map(e -> {
            Map<String, Object> m = new HashMap<>();
            m.put("itemId", e[0]);
            m.put("fiscalYear", e[1]);
            m.put("status", e[2]);
            return m;
        }).toList();
        return as(user).header("If-Match", etag(user, planId)).body(Map.of("statuses", list))
                .put("/api/v1/plans/" + planId + "/statuses").then().extract();
    }

    static void publish(String user, String planId) {
        as(user).body(Map.of()).post("/api/v1/plans/" + planId + "/versions").then().statusCode(201);
    }
}
