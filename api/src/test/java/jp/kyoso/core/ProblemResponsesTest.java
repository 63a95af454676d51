package jp.kyoso.core;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jp.kyoso.support.ContractValidation;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every client mistake is a clear problem+json answer: never a stack trace, SQL or a 500. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void deletingTheSameThingTwiceAtOnceIsNeverA500() throws Exception {
        // Both requests read the row, one deletes it first: the other fails at commit, and that
        // failure (wrapped on its way out) must still be a problem+json 4xx, not an error page.
        String staffId = as("sanyo-staff").get("/api/v1/me").then().statusCode(200).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 8; round++) {
                String area = as("sanyo-staff").body(Map.of("kind", "OTHER", "name", "同時削除の地域" + round))
                        .post("/api/v1/municipalities/352161/areas").then().statusCode(201).extract().path("id");
                String liaison = as("sanyo-staff").body(Map.of("userId", staffId, "role", "SUPPORTER",
                                "startsOn", "2026-04-01")).post("/api/v1/areas/" + area + "/liaisons")
                        .then().statusCode(201).extract().path("id");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return as("sanyo-staff").delete("/api/v1/areas/" + area + "/liaisons/" + liaison);
                    }));
                }
                answers.add(pool.submit(() -> {
                    start.await();
                    return as("sanyo-staff").delete("/api/v1/areas/" + area);
                }));
                start.countDown();
                for (Future<Response> answer : answers) {
                    Response r = answer.get();
                    assertTrue(r.statusCode() < 500,
                            "HTTP " + r.statusCode() + ": " + r.asString());
                    if (r.statusCode() >= 400) {
                        assertTrue(r.contentType().startsWith(PROBLEM), r.contentType());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

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
        String forged = jp.kyoso.support.DevIdentityProvider.start(0).accessToken("admin");
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

    @Test
    void unknownQueryParametersAreNamed() {
        anonymous().get("/api/v1/municipalities?sise=10").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("sise"));
        // A write with a misspelt parameter does nothing.
        as("sanyo-owner").post("/api/v1/me/notifications/read-all?all=true").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void controlCharactersAndInvalidUtf8AreRefused() {
        as("sanyo-staff").body("{\"kind\":\"DISTRICT\",\"name\":\"a\\u0000b\"}")
                .post("/api/v1/municipalities/352161/areas")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("name"));
        as("sanyo-staff").body(new byte[]{'{', '"', 'k', 'i', 'n', 'd', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'})
                .post("/api/v1/municipalities/352161/areas").then().statusCode(400).contentType(PROBLEM);
        anonymous().urlEncodingEnabled(false).get("/api/v1/municipalities/352161/organizations?q=%00").then().statusCode(400).contentType(PROBLEM);
        anonymous().urlEncodingEnabled(false).get("/api/v1/municipalities/352161/organizations?q=%C3%28").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void valuesAreNotSilentlyConverted() {
        for (String body : List.of(
                "{\"kind\":0,\"name\":\"x\"}",                                   // an enum by index
                "{\"kind\":\"DISTRICT\",\"name\":12}",                             // a number for a string
                "{\"kind\":\"DISTRICT\",\"name\":\"x\",\"population\":1.5}",       // a fraction for an integer
                "{\"kind\":\"DISTRICT\",\"name\":\"x\",\"profileAsOf\":\"2024-03-31T00:00:00Z\"}",
                "{\"kind\":\"DISTRICT\",\"name\":\"x\",\"profileAsOf\":\"\"}",
                "{\"kind\":\"DISTRICT\",\"name\":\"x\",\"name\":\"y\"}")) {        // a duplicate key
            as("sanyo-staff").body(body).post("/api/v1/municipalities/352161/areas")
                    .then().statusCode(400).contentType(PROBLEM);
        }
    }

    @Test
    void aBodyWithoutContentTypeIsUnsupported() {
        given().auth().oauth2(jp.kyoso.support.Api.token("sanyo-staff")).body("{\"kind\":\"DISTRICT\",\"name\":\"x\"}".getBytes())
                .post("/api/v1/municipalities/352161/areas").then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void anOversizedBodyIsAProblem() throws Exception {
        String big = "{\"kind\":\"DISTRICT\",\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        HttpResponse<String> sized = post("/api/v1/municipalities/352161/areas", big, false);
        assertEquals(413, sized.statusCode());
        assertTrue(sized.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM));
        assertTrue(sized.body().contains("\"status\":413"), sized.body());
        // Sent without a length (chunked): cut off at the same limit, with the same answer.
        HttpResponse<String> chunked = post("/api/v1/municipalities/352161/areas", big, true);
        assertEquals(413, chunked.statusCode());
        assertTrue(chunked.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM));
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws Exception {
        HttpResponse<String> created = post("/api/v1/municipalities/352161/areas",
                "{\"kind\":\"DISTRICT\",\"name\":\"" + jp.kyoso.support.Api.unique("チャンク地区") + "\"}", true);
        assertEquals(201, created.statusCode(), created.body());
    }

    private static HttpResponse<String> post(String path, String body, boolean chunked) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + jp.kyoso.support.Api.token("sanyo-staff"))
                .header("Content-Type", "application/json")
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                        : HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
