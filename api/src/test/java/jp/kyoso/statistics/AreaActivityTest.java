package jp.kyoso.statistics;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.support.Api;
import jp.kyoso.support.Fixtures;
import jp.kyoso.support.ListingFixtures;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AreaActivityTest {

    @Test
    void theAreaProfileCountsPublicActivityOfTheAreaAndItsSubAreasOnly() {
        String code = Fixtures.municipality();
        String staff = unique("act-staff");
        Fixtures.staff(code, staff, "STAFF");
        String district = Fixtures.area(code, staff, null, "東地区");
        String neighbourhood = Fixtures.area(code, staff, district, "東一丁目");
        String elsewhere = Fixtures.area(code, staff, null, "西地区");
        String owner = unique("act-owner");
        String org = Fixtures.organization(code, owner, staff, "東一丁目の会", "見守り", List.of(), List.of(neighbourhood));
        Fixtures.organization(code, unique("act-o2"), staff, "東地区の会", "防災", List.of(), List.of(district));
        Fixtures.organization(code, unique("act-o3"), null, "審査中の会", "未承認", List.of(), List.of(district));
        Fixtures.organization(code, unique("act-o4"), staff, "西地区の会", "よそ", List.of(), List.of(elsewhere));
        Fixtures.organization(code, unique("act-o5"), staff, "全市の会", "全市", List.of(), List.of());
        ListingFixtures.post(owner, org, ListingFixtures.body("HAVE", "VENUE", "集会所を貸せます", "平日夜",
                List.of(), List.of(neighbourhood)));
        ListingFixtures.post(owner, org, ListingFixtures.body("NEED", "PEOPLE", "見守りの担い手", "週1回",
                List.of(), List.of(district)));
        as(owner).body(Map.of("title", "東地区の協創", "domain", "EQUAL", "organizationId", org,
                "areaIds", List.of(district), "published", true)).post("/api/v1/municipalities/" + code + "/projects")
                .then().statusCode(201);
        as(owner).body(Map.of("title", "非公開の協創", "domain", "EQUAL", "organizationId", org,
                "areaIds", List.of(district))).post("/api/v1/municipalities/" + code + "/projects")
                .then().statusCode(201);
        String plan = as(staff).body(new HashMap<>(Map.of("title", "東一丁目の計画", "startFiscalYear", 2024,
                "endFiscalYear", 2030, "areaId", neighbourhood))).post("/api/v1/municipalities/" + code + "/plans")
                .then().statusCode(201).extract().path("id");
        as(staff).body(Map.of("title", "サロンの開設")).post("/api/v1/plans/" + plan + "/items").then().statusCode(201);
        as(staff).body(Map.of()).post("/api/v1/plans/" + plan + "/versions").then().statusCode(201);
        as(staff).body(new HashMap<>(Map.of("title", "下書きの計画", "startFiscalYear", 2024, "endFiscalYear", 2030,
                "areaId", district))).post("/api/v1/municipalities/" + code + "/plans").then().statusCode(201);

        anonymous().get("/api/v1/areas/" + district + "/activity").then().statusCode(200)
                .body("areaName", equalTo("東地区")).body("subAreas", equalTo(1))
                .body("organizations", equalTo(2))
                .body("organizationsByType.find { it.value == 'CIVIC_GROUP' }.count", equalTo(2))
                .body("organizationsByBond.find { it.value == 'THEMATIC' }.count", equalTo(2))
                .body("haves.total", equalTo(1))
                .body("haves.byCategory.find { it.value == 'VENUE' }.count", equalTo(1))
                .body("needs.total", equalTo(1))
                .body("needs.byCategory.find { it.value == 'PEOPLE' }.count", equalTo(1))
                .body("projects", equalTo(1))
                .body("plans", hasSize(1))
                .body("plans[0].title", equalTo("東一丁目の計画"))
                .body("plans[0].areaName", equalTo("東一丁目"))
                .body("plans[0].progress.total", equalTo(1))
                .body("events", hasSize(0))
                .body("organizationsByType", hasSize(jp.kyoso.organization.OrganizationType.values().length));

        // The sub-area alone: its own organisation, listing and plan.
        anonymous().get("/api/v1/areas/" + neighbourhood + "/activity").then().statusCode(200)
                .body("subAreas", equalTo(0)).body("organizations", equalTo(1)).body("haves.total", equalTo(1))
                .body("needs.total", equalTo(0)).body("projects", equalTo(0)).body("plans.title", contains("東一丁目の計画"));
    }

    @Test
    void eventsAndParticipantsAreTheParticipationFunnelsFiguresForTheArea() {
        String code = Api.SANYO_ONODA;
        List<String> areas = anonymous().get("/api/v1/municipalities/" + code + "/areas?size=100").then()
                .statusCode(200).extract().path("items.id");
        for (String area : areas.subList(0, Math.min(3, areas.size()))) {
            List<Map<String, Object>> funnel = anonymous().get("/api/v1/municipalities/" + code
                    + "/participation?area=" + area).then().statusCode(200).extract().path("years");
            List<Map<String, Object>> events = anonymous().get("/api/v1/areas/" + area + "/activity").then()
                    .statusCode(200).extract().path("events");
            assertEquals(funnel.size(), events.size(), area);
            for (int i = 0; i < funnel.size(); i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> total = (Map<String, Object>) funnel.get(i).get("total");
                assertEquals(funnel.get(i).get("fiscalYear"), events.get(i).get("fiscalYear"));
                for (String figure : List.of("eventsHeld", "registrations", "attendees", "headcount")) {
                    assertEquals(((Number) total.get(figure)).longValue(),
                            ((Number) events.get(i).get(figure)).longValue(), area + " " + figure);
                }
            }
        }
    }
}
