package jp.kyoso.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.local.DemoDataLoader;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo plans and indicators are loaded with the base demo data, and loading again adds nothing. */
@QuarkusTest
class PlanDemoDataTest {

    private static final String MUNICIPAL_PLAN = "dd260959-171e-5c99-8dc2-fe1d0682d9ae";
    /** The five citizen-participation indicators of demo/indicators.json. */
    private static final List<String> INDICATORS = List.of("30610dd2-a202-5872-9486-a4071698ef38",
            "f703ad00-ecde-5e64-a6fd-327419554c52", "38962dbd-3c30-578a-ace3-966f9842d7b6",
            "53f1d6e3-faee-5c65-b0a4-5143cf56beb5", "5743f6da-6420-54c4-8209-92c523b2837d");

    @Inject
    DemoDataLoader loader;

    @Inject
    EntityManager em;

    @Test
    void theMunicipalPlanHasFourPoliciesAndAboutFiftyItemsWithStatusesOverSeveralYears() {
        anonymous().get("/api/v1/plans/" + MUNICIPAL_PLAN).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("ownerType", equalTo("MUNICIPALITY"))
                .body("latestVersion", equalTo(5));
        Response items = anonymous().get("/api/v1/plans/" + MUNICIPAL_PLAN + "/items");
        items.then().statusCode(200)
                .body("items.findAll { it.depth == 0 }.code", contains("I", "II", "III", "IV"))
                .body("items.size()", greaterThanOrEqualTo(50));
        List<Map<String, Object>> leaves = items.path("items.findAll { it.leaf }");
        assertTrue(leaves.size() >= 40, "items: " + leaves.size());
        // Statuses in several fiscal years, of several kinds.
        List<Integer> years = items.path("items.findAll { it.leaf }.statuses.flatten().findAll { it.status != null }.fiscalYear");
        assertTrue(new HashSet<>(years).size() >= 3, "years " + new HashSet<>(years));
        List<String> kinds = items.path("items.findAll { it.leaf }.statuses.flatten().status");
        assertTrue(new HashSet<>(kinds).size() >= 5, "kinds " + new HashSet<>(kinds));

        anonymous().get("/api/v1/plans/" + MUNICIPAL_PLAN + "/progress?fiscalYear=2024").then().statusCode(200)
                .body("overall.total", equalTo(leaves.size()))
                .body("nodes.findAll { it.depth == 0 }", hasSize(4));
        anonymous().get("/api/v1/plans/" + MUNICIPAL_PLAN + "/versions").then().statusCode(200)
                .body("number", contains(5, 4, 3, 2, 1));
        anonymous().get("/api/v1/plans/" + MUNICIPAL_PLAN + "/diff?from=1&to=2").then().statusCode(200)
                .body("addedItems.code", hasItem("IV-(3)"));
        anonymous().get("/api/v1/plans/" + MUNICIPAL_PLAN + "/reviews").then().statusCode(200)
                .body("items.kind", hasItems("SELF", "THIRD_PARTY"));
        // The draft already holds statuses of the current year that are not published yet.
        as("sanyo-staff").get("/api/v1/plans/" + MUNICIPAL_PLAN).then().body("unpublishedChanges", equalTo(true));
    }

    @Test
    void aCommunityCouncilHasItsAreaPlan() {
        anonymous().get("/api/v1/municipalities/352161/plans?organizationId=5863b8f4-ab7d-40be-a977-31c61722b746").then().statusCode(200)
                .body("items.findAll { it.ownerType == 'ORGANIZATION' }.ownerName", hasItem("本山地区ふるさとづくり協議会"))
                .body("items.findAll { it.ownerType == 'ORGANIZATION' }.areaName", hasItem("本山地区"));
    }

    @Test
    void fiveCitizenParticipationIndicatorsOverTenYears() {
        List<String> statuses = new java.util.ArrayList<>();
        List<String> directions = new java.util.ArrayList<>();
        List<String> listed = anonymous().get("/api/v1/municipalities/352161/indicators?owner=MUNICIPALITY&size=100")
                .then().statusCode(200).extract().path("items.id");
        for (String id : INDICATORS) {
            assertTrue(listed.contains(id), id);
            Response r = anonymous().get("/api/v1/indicators/" + id);
            r.then().statusCode(200)
                    .body("actuals", hasSize(greaterThanOrEqualTo(10)))
                    .body("baseline.fiscalYear", equalTo(2016))
                    .body("targets.size()", greaterThanOrEqualTo(1))
                    .body("status", not(equalTo("NO_DATA")))
                    .body("series.size()", greaterThanOrEqualTo(10));
            statuses.add(r.path("status"));
            directions.add(r.path("direction"));
        }
        assertTrue(new HashSet<>(statuses).size() >= 3, "statuses " + statuses);
        assertTrue(directions.containsAll(List.of("INCREASE", "DECREASE", "MAINTAIN")), directions.toString());
    }

    @Test
    void loadingAgainAddsNothing() {
        List<Long> before = counts();
        loader.load();
        assertEquals(before, counts());
    }

    private List<Long> counts() {
        return List.of("plan", "plan_item", "plan_item_status", "plan_version", "plan_review", "indicator",
                        "indicator_item", "indicator_value").stream()
                .map(t -> ((Number) em.createNativeQuery("select count(*) from " + t).getSingleResult()).longValue())
                .toList();
    }
}
