package jp.kyoso.municipality;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MunicipalityResourceTest {

    private static Map<String, Object> body(String code) {
        return Map.of("code", code, "name", "テスト市", "nameKana", "てすとし", "prefecture", "山口県",
                "conceptTerm", "CO_CREATION");
    }

    @Test
    void anyoneListsAndReadsMunicipalities() {
        anonymous().get("/api/v1/municipalities?size=100").then().statusCode(200)
                .body("items.code", hasItem("352161"))
                .body("total", greaterThanOrEqualTo(2))
                .body("size", equalTo(100));
        anonymous().get("/api/v1/municipalities/352161").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("name", equalTo("山陽小野田市"))
                .body("conceptLabel", equalTo("協創"));
        anonymous().header("Accept-Language", "en").get("/api/v1/municipalities/352039").then().statusCode(200)
                .body("conceptLabel", equalTo("collaboration"));
    }

    /** A page that is not full tells the total without counting; a full page and one past the end count. */
    @Test
    void everyPageTellsTheSameTotal() {
        int all = anonymous().get("/api/v1/municipalities?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
        assertTrue(all >= 3, "the demo's municipalities: " + all);
        anonymous().get("/api/v1/municipalities?size=100").then().body("total", equalTo(all));
        anonymous().get("/api/v1/municipalities?size=" + (all - 1)).then()
                .body("items.size()", equalTo(all - 1)).body("total", equalTo(all));
        anonymous().get("/api/v1/municipalities?size=" + (all - 1) + "&page=1").then()
                .body("items.size()", equalTo(1)).body("total", equalTo(all));
        anonymous().get("/api/v1/municipalities?size=" + all + "&page=1").then()
                .body("items.size()", equalTo(0)).body("total", equalTo(all));
    }

    @Test
    void unknownMunicipalityIsAProblem() {
        anonymous().get("/api/v1/municipalities/999990").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", notNullValue());
    }

    @Test
    void adminRegistersAMunicipality() {
        String code = Fixtures.newCode();
        as("admin").body(body(code)).post("/api/v1/municipalities").then().statusCode(201)
                .header("Location", containsString("/api/v1/municipalities/" + code))
                .header("ETag", notNullValue())
                .body("code", equalTo(code)).body("conceptTerm", equalTo("CO_CREATION"));
        anonymous().get("/api/v1/municipalities/" + code).then().statusCode(200);
        as("admin").body(body(code)).post("/api/v1/municipalities").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aWrongCheckDigitIsRejectedAndNothingIsCreated() {
        as("admin").body(body("352030")).post("/api/v1/municipalities").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("code"));
        anonymous().get("/api/v1/municipalities/352030").then().statusCode(404);
    }

    @Test
    void invalidFieldsAreNamed() {
        as("admin").body(Map.of("code", "12", "name", "", "conceptTerm", "NOPE")).post("/api/v1/municipalities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("conceptTerm"));
        as("admin").body(Map.of("code", "12", "name", "", "nameKana", "x", "prefecture", "x",
                        "conceptTerm", "CO_CREATION")).post("/api/v1/municipalities")
                .then().statusCode(400).body("errors.field", hasItem("code")).body("errors.field", hasItem("name"));
    }

    @Test
    void onlyAdminsRegister() {
        anonymous().body(body(Fixtures.newCode())).post("/api/v1/municipalities").then().statusCode(401)
                .contentType("application/problem+json");
        as("sanyo-manager").body(body(Fixtures.newCode())).post("/api/v1/municipalities").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
        String code = Fixtures.newCode();
        String key = java.util.UUID.randomUUID().toString();
        String first = as("admin").header("Idempotency-Key", key).body(body(code))
                .post("/api/v1/municipalities").then().statusCode(201).extract().asString();
        as("admin").header("Idempotency-Key", key).body(body(code))
                .post("/api/v1/municipalities").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body(equalTo(first));
        as("admin").header("Idempotency-Key", key).body(body(Fixtures.newCode()))
                .post("/api/v1/municipalities").then().statusCode(422);
    }
}
