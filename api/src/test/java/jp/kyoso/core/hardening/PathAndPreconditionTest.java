package jp.kyoso.core.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jp.kyoso.support.Api;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A path means what it says (issue 10, defect 2), every path parameter is read by one parser
 * (defect 3), and deleting or changing versioned data needs the ETag that was read (defects 4
 * and 7: weak tags, {@code *}, a member's role).
 */
@QuarkusTest
class PathAndPreconditionTest {

    private static final String PROBLEM = "application/problem+json";
    private final HttpClient http = HttpClient.newHttpClient();

    /** Sends the path exactly as written (no client-side normalisation). */
    private HttpResponse<String> raw(String method, String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", "Bearer " + Api.token(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String newOrganization(String owner) {
        return Fixtures.organization(Api.SANYO_ONODA, owner, "sanyo-staff", Api.unique("パス試験の団体"), "説明",
                List.of("CHILDREN"), List.of());
    }

    @Test
    void anEncodedDotSegmentNeverReachesTheParentResource() throws Exception {
        String owner = Api.unique("path-owner");
        String org = newOrganization(owner);
        String base = "/api/v1/organizations/" + org;
        for (String tail : List.of("/members/%2e%2e", "/members/%2E%2E", "/invitations/%2e%2e", "/members/..",
                "/members/.", "/messages/%2e%2e", "/members/%2e", "/members/a%2fb", "/members/a%5cb")) {
            HttpResponse<String> answer = raw("DELETE", base + tail, owner);
            assertEquals(400, answer.statusCode(), tail + ": " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM), tail);
            assertTrue(answer.body().contains("\"field\":\"path\""), answer.body());
        }
        assertEquals(400, raw("GET", base + "/%2e%2e", null).statusCode());
        as(owner).get(base).then().statusCode(200).body("id", equalTo(org));
        // A dot inside a segment is an ordinary character: the id is read (and refused) as an id.
        HttpResponse<String> dotted = raw("GET", "/api/v1/organizations/a..b", null);
        assertEquals(400, dotted.statusCode());
        assertTrue(dotted.body().contains("\"field\":\"id\""), dotted.body());
    }

    @Test
    void aBlankPathParameterIsA400NamingIt() throws Exception {
        String indicator = as("sanyo-manager").get("/api/v1/municipalities/352161/indicators").then().statusCode(200)
                .extract().path("items[0].id");
        String tag = Api.etag("sanyo-manager", "/api/v1/indicators/" + indicator);
        for (String blank : List.of("%20", "%09", "%0A", "%E3%80%80", "%20%20")) {
            as("sanyo-manager").urlEncodingEnabled(false).header("If-Match", tag).body(Map.of("actual", 1))
                    .put("/api/v1/indicators/" + indicator + "/values/" + blank).then()
                    .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("fiscalYear"));
        }
        as("sanyo-manager").urlEncodingEnabled(false).get("/api/v1/organizations/%20").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
        as("sanyo-manager").get("/api/v1/organizations/1-1-1-1-1").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
        as("sanyo-manager").get("/api/v1/plans/" + java.util.UUID.randomUUID() + "/versions/１").then().statusCode(400)
                .body("errors[0].field", equalTo("number"));
        as("sanyo-manager").queryParam("size", "１０").get("/api/v1/municipalities/352161/organizations").then()
                .statusCode(400).body("errors[0].field", equalTo("size"));
        assertEquals(tag, Api.etag("sanyo-manager", "/api/v1/indicators/" + indicator));
    }

    @Test
    void deletingVersionedDataNeedsTheETagThatWasRead() {
        String owner = Api.unique("delete-owner");
        String org = newOrganization(owner);
        String path = "/api/v1/organizations/" + org;
        String tag = Api.etag(owner, path);
        as(owner).delete(path).then().statusCode(428).contentType(PROBLEM);
        as(owner).header("If-Match", "").delete(path).then().statusCode(428);
        as(owner).header("If-Match", "\"\"").delete(path).then().statusCode(412);
        as(owner).header("If-Match", "W/" + tag).delete(path).then().statusCode(412);
        as(owner).header("If-Match", "\"99999\"").delete(path).then().statusCode(412);
        as(owner).get(path).then().statusCode(200);
        as(owner).header("If-Match", "\"99999\", " + tag).delete(path).then().statusCode(204);
        as(owner).get(path).then().statusCode(404);

        String other = newOrganization(owner);
        as(owner).header("If-Match", "*").delete("/api/v1/organizations/" + other).then().statusCode(204);
    }

    @Test
    void aWeakETagNeverMatchesAnUpdateButStarDoes() {
        String owner = Api.unique("weak-owner");
        String org = newOrganization(owner);
        String path = "/api/v1/organizations/" + org;
        Map<String, Object> body = Fixtures.organizationBody(Api.unique("改名"), "説明", List.of("CHILDREN"), List.of());
        as(owner).header("If-Match", "W/" + Api.etag(owner, path)).body(body).put(path).then().statusCode(412);
        as(owner).header("If-Match", "*").body(body).put(path).then().statusCode(200).body("name", equalTo(body.get("name")));
    }

    @Test
    void changingOrRemovingAMemberNeedsTheirETag() {
        String owner = Api.unique("member-owner");
        String org = newOrganization(owner);
        String editor = Api.unique("member-editor");
        String code = as(owner).body(Map.of("role", "EDITOR")).post("/api/v1/organizations/" + org + "/invitations")
                .then().statusCode(201).extract().path("code");
        as(editor).post("/api/v1/invitations/" + code + "/acceptance").then().statusCode(200);
        String editorId = as(editor).get("/api/v1/me").then().extract().path("id");
        String member = "/api/v1/organizations/" + org + "/members/" + editorId;
        Object version = as(owner).get("/api/v1/organizations/" + org + "/members").then().statusCode(200).extract()
                .path("items.find { it.userId == '" + editorId + "' }.version");
        String tag = "\"" + version + "\"";

        as(owner).body(Map.of("role", "OWNER")).put(member).then().statusCode(428);
        as(owner).header("If-Match", "\"77\"").body(Map.of("role", "OWNER")).put(member).then().statusCode(412);
        String next = as(owner).header("If-Match", tag).body(Map.of("role", "OWNER")).put(member).then().statusCode(200)
                .body("role", equalTo("OWNER")).extract().header("ETag");
        // The old tag is stale now: a second owner's client that read before cannot undo it blindly.
        as(owner).header("If-Match", tag).body(Map.of("role", "EDITOR")).put(member).then().statusCode(412);
        as(owner).delete(member).then().statusCode(428);
        as(owner).header("If-Match", next).delete(member).then().statusCode(204);
    }
}
