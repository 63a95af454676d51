package jp.kyoso.core;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.kyoso.support.ContractValidation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Every client mistake is a clear problem+json answer: never a stack trace, SQL or a 500. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJsonIsABadRequest() {
        as("admin").body("{\"code\": ").post("/api/v1/municipalities").then().statusCode(400)
                .contentType(PROBLEM).body("status", equalTo(400))
                .body(not(containsString("Exception"))).body(not(containsString("at jp.")));
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        as("admin").body(Map.of("code", "352039", "name", "x", "nameKana", "x", "prefecture", "x",
                        "conceptTerm", "COLLABORATION", "version", 99)).post("/api/v1/municipalities")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("version"));
    }

    @Test
    void wrongTypesAreNamed() {
        as("sanyo-staff").body(Map.of("kind", "DISTRICT", "name", "x", "population", "many"))
                .post("/api/v1/municipalities/352161/areas")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("population"));
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        as("admin").contentType(ContentType.TEXT).body("hello").post("/api/v1/municipalities")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void unknownPathsAreNotFound() {
        // The one request whose path is deliberately not in the contract, so the contract check
        // (which would rightly reject it) is switched off for it; the problem+json is asserted here.
        anonymous().noFiltersOfType(ContractValidation.ResponseCheck.class).get("/api/v1/nothing-here")
                .then().statusCode(404).contentType(PROBLEM);
        anonymous().get("/api/v1/organizations/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void malformedParametersAreBadRequests() {
        anonymous().get("/api/v1/organizations/not-a-uuid").then().statusCode(400).contentType(PROBLEM);
        anonymous().get("/api/v1/municipalities?size=abc").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anInvalidTokenIsUnauthorisedEvenOnAPublicRead() {
        given().auth().oauth2("not.a.token").accept(ContentType.JSON).get("/api/v1/me")
                .then().statusCode(401).contentType(PROBLEM).body("title", notNullValue());
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        // Signed by a different key than the trusted issuer's.
        String forged = jp.kyoso.core.boot.DevIdentityProvider.start(0).accessToken("admin");
        given().auth().oauth2(forged).contentType(ContentType.JSON)
                .body(Map.of("code", "352039")).post("/api/v1/municipalities")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void problemsSpeakEnglishOnRequest() {
        anonymous().header("Accept-Language", "en").get("/api/v1/municipalities/999990")
                .then().statusCode(404).body("title", equalTo("Not found"));
        anonymous().get("/api/v1/municipalities/999990")
                .then().statusCode(404).body("title", equalTo("見つかりません"));
    }

    @Test
    void pageSizeIsBounded() {
        anonymous().get("/api/v1/municipalities?size=101").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("size"));
        anonymous().get("/api/v1/municipalities?page=-1").then().statusCode(400).contentType(PROBLEM);
    }
}
