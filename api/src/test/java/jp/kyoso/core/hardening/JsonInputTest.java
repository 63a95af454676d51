package jp.kyoso.core.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jp.kyoso.support.Api;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Request bodies are read strictly and bounded while they are read: a long array of nulls or of
 * too many elements is refused by the JSON reader, before bean validation could spend seconds
 * on it (issue 10, defect 1); trailing content, lone surrogates and silent coercions are refused
 * (defect 7).
 */
@QuarkusTest
class JsonInputTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CITY = Api.SANYO_ONODA;

    private static ValidatableResponse registerOrganization(String user, Object body) {
        return as(user).body(body).post("/api/v1/municipalities/" + CITY + "/organizations").then();
    }

    private static Map<String, Object> organization(Object areaIds) {
        Map<String, Object> body = new HashMap<>(Fixtures.organizationBody(Api.unique("配列の団体"), "説明",
                List.of("CHILDREN"), List.of()));
        body.put("areaIds", areaIds);
        return body;
    }

    private static long organizationsNamed(String prefix) {
        return ((Number) as("sanyo-manager").queryParam("q", prefix).queryParam("status", "PENDING")
                .get("/api/v1/municipalities/" + CITY + "/organizations").then().statusCode(200)
                .extract().path("total")).longValue();
    }

    @Test
    void anArrayOfTenThousandNullsIsRefusedAtItsFirstElementByTheReader() {
        long before = organizationsNamed("配列の団体");
        registerOrganization("resident", organization(Collections.nCopies(10_000, null)))
                .statusCode(400).contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("areaIds[0]"))
                .body("errors[0].message", equalTo("null は使えません"));
        registerOrganization("resident", Map.of("type", "CIVIC_GROUP", "bond", "THEMATIC", "name", "x",
                "themes", Collections.nCopies(20_000, null)))
                .statusCode(400).body("errors[0].field", equalTo("themes[0]"));
        assertEquals(before, organizationsNamed("配列の団体"), "nothing was registered");
    }

    @Test
    void anArrayLongerThanItsLimitIsRefusedAsAWholeBeforeItsElementsAreChecked() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        registerOrganization("resident", organization(ids)).statusCode(400).contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("areaIds"))
                .body("errors[0].message", equalTo("要素は 100 個までです"));
        // Within the limit, each element is still validated as before.
        registerOrganization("resident", organization(ids.subList(0, 101))).statusCode(400)
                .body("errors[0].field", equalTo("areaIds"));
    }

    @Test
    void aBulkStatusChangeOfFiveThousandBadEntriesReportsTheFirstHundred() {
        String staff = "sanyo-staff";
        String plan = as(staff).body(Map.of("title", Api.unique("一括の計画"), "startFiscalYear", 2024,
                        "endFiscalYear", 2026)).post("/api/v1/municipalities/" + CITY + "/plans")
                .then().statusCode(201).extract().path("id");
        String tag = Api.etag(staff, "/api/v1/plans/" + plan);
        List<Map<String, Object>> entries = Collections.nCopies(5_000, Map.of());
        as(staff).header("If-Match", tag).body(Map.of("statuses", entries)).put("/api/v1/plans/" + plan + "/statuses")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.size()", lessThanOrEqualTo(101))
                .body("errors[0].field", equalTo("statuses[0].itemId"))
                .body("detail", containsString("100"));
        as(staff).header("If-Match", tag).body(Map.of("statuses", Collections.nCopies(5_001, Map.of())))
                .put("/api/v1/plans/" + plan + "/statuses")
                .then().statusCode(400).body("errors[0].field", equalTo("statuses"))
                .body("errors[0].message", equalTo("要素は 5000 個までです"));
        assertEquals(tag, Api.etag(staff, "/api/v1/plans/" + plan), "the plan is unchanged");
    }

    @Test
    void contentAfterTheJsonValueIsRefused() {
        as("resident").body("{\"type\":\"CIVIC_GROUP\",\"bond\":\"THEMATIC\",\"name\":\"後ろに何か\"}garbage")
                .post("/api/v1/municipalities/" + CITY + "/organizations").then().statusCode(400).contentType(PROBLEM);
        as("resident").body("{\"type\":\"CIVIC_GROUP\",\"bond\":\"THEMATIC\",\"name\":\"二つの値\"} {}")
                .post("/api/v1/municipalities/" + CITY + "/organizations").then().statusCode(400);
    }

    @Test
    void aLoneSurrogateIsRefusedRatherThanStoredAsAQuestionMark() {
        registerOrganization("resident", "{\"type\":\"CIVIC_GROUP\",\"bond\":\"THEMATIC\",\"name\":\"壊れた\\ud800文字\"}")
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        registerOrganization("resident", "{\"type\":\"CIVIC_GROUP\",\"bond\":\"THEMATIC\",\"name\":\"逆\\udc00\"}")
                .statusCode(400).body("errors[0].field", equalTo("name"));
        // A real pair (an emoji) is text.
        registerOrganization("resident", "{\"type\":\"CIVIC_GROUP\",\"bond\":\"THEMATIC\",\"name\":\"絵文字\\ud83c\\udf38"
                + UUID.randomUUID() + "\"}").statusCode(201).body("name", containsString("\uD83C\uDF38"));
    }

    @Test
    void valuesAreNotSilentlyCoerced() {
        String org = as("sanyo-owner").get("/api/v1/me").then().extract()
                .path("organizations.find { it.role == 'OWNER' && it.municipalityCode == '352161' }.organizationId");
        String listings = "/api/v1/organizations/" + org + "/listings";
        Map<String, Object> listing = new HashMap<>(Map.of("kind", " HAVE", "category", "GOODS",
                "title", "強制変換", "description", "説明", "themes", List.of(), "areaIds", List.of()));
        as("sanyo-owner").body(listing).post(listings).then().statusCode(400).body("errors[0].field", equalTo("kind"));
        listing.put("kind", "have");
        as("sanyo-owner").body(listing).post(listings).then().statusCode(400).body("errors[0].field", equalTo("kind"));
        listing.put("kind", "HAVE");
        listing.put("quantity", "１２");
        as("sanyo-owner").body(listing).post(listings).then().statusCode(400).body("errors[0].field", equalTo("quantity"));
        listing.put("quantity", "12");
        as("sanyo-owner").body(listing).post(listings).then().statusCode(400).body("errors[0].field", equalTo("quantity"));
        listing.remove("quantity");
        Map<String, Object> organization = organization(List.of());
        organization.put("contactPublished", Map.of("name", "true", "email", false, "phone", false));
        registerOrganization("resident", organization).statusCode(400)
                .body("errors[0].field", equalTo("contactPublished.name"));
    }
}
