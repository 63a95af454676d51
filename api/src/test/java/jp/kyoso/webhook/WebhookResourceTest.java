package jp.kyoso.webhook;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.support.Api;
import jp.kyoso.support.Fixtures;
import jp.kyoso.support.Keycloak;
import jp.kyoso.support.ListingFixtures;
import jp.kyoso.support.ListingFixtures.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Registering webhook endpoints: owners of an organisation and staff of a municipality, the
 * secret shown once, URLs checked (SSRF), stale writes, and who may not.
 */
@QuarkusTest
class WebhookResourceTest {

    static World w;

    @BeforeEach
    void world() {
        if (w == null) {
            w = ListingFixtures.world();
        }
    }

    static Map<String, Object> body(String url, String... types) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("description", "連携システム");
        body.put("eventTypes", List.of(types));
        return body;
    }

    private String orgHooks() {
        return "/api/v1/organizations/" + w.orgA() + "/webhooks";
    }

    @Test
    void anOwnerRegistersAnEndpointAndSeesTheSecretOnce() {
        var created = as(w.ownerA()).body(body("http://127.0.0.1:9/hooks", "listing.created", "match.proposed", "listing.created"))
                .post(orgHooks()).then().statusCode(201)
                .header("Location", containsString(orgHooks() + "/"))
                .header("ETag", notNullValue())
                .body("secret", startsWith("whsec_"))
                .body("organizationId", equalTo(w.orgA()))
                .body("municipalityCode", equalTo(w.code()))
                .body("eventTypes", equalTo(List.of("listing.created", "match.proposed")))
                .body("enabled", equalTo(true))
                .extract();
        String id = created.path("id");
        String secret = created.path("secret");
        assertEquals(32, java.util.Base64.getDecoder().decode(secret.substring(6)).length);
        // Read back: never the secret again.
        as(w.ownerA()).get(orgHooks() + "/" + id).then().statusCode(200)
                .body("$", not(hasKey("secret"))).body("url", equalTo("http://127.0.0.1:9/hooks"))
                .body("description", equalTo("連携システム"));
        as(w.ownerA()).get(orgHooks()).then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));
        // Staff of the municipality may manage it too; another organisation's owner may not see it.
        as(w.staff()).get(orgHooks() + "/" + id).then().statusCode(200);
        as(w.ownerB()).get(orgHooks() + "/" + id).then().statusCode(403);
        as(w.ownerB()).get("/api/v1/organizations/" + w.orgB() + "/webhooks/" + id).then().statusCode(404);

        // Rotation: a new secret, shown once.
        String rotated = as(w.ownerA()).post(orgHooks() + "/" + id + "/rotate-secret").then().statusCode(200)
                .body("secret", startsWith("whsec_")).extract().path("secret");
        assertNotEquals(secret, rotated);

        // Replace with If-Match; a stale or missing one changes nothing.
        String etag = Api.etag(w.ownerA(), orgHooks() + "/" + id);
        Map<String, Object> changed = body("http://127.0.0.1:9/other", "listing.closed");
        changed.put("enabled", false);
        as(w.ownerA()).body(changed).put(orgHooks() + "/" + id).then().statusCode(428);
        as(w.ownerA()).header("If-Match", "\"0\"").body(changed).put(orgHooks() + "/" + id).then().statusCode(412);
        as(w.ownerA()).header("If-Match", etag).body(changed).put(orgHooks() + "/" + id).then().statusCode(200)
                .body("url", equalTo("http://127.0.0.1:9/other")).body("eventTypes", equalTo(List.of("listing.closed")))
                .body("enabled", equalTo(false)).body("$", not(hasKey("secret")));
        as(w.ownerA()).header("If-Match", etag).delete(orgHooks() + "/" + id).then().statusCode(412);
        as(w.ownerA()).header("If-Match", Api.etag(w.ownerA(), orgHooks() + "/" + id)).delete(orgHooks() + "/" + id)
                .then().statusCode(204);
        as(w.ownerA()).get(orgHooks() + "/" + id).then().statusCode(404);
    }

    @Test
    void staffRegisterTheMunicipalitysOwnEndpoints() {
        String hooks = "/api/v1/municipalities/" + w.code() + "/webhooks";
        String id = as(w.staff()).body(body("http://localhost:9/city", "match.accepted"))
                .post(hooks).then().statusCode(201)
                .body("organizationId", nullValue()).extract().path("id");
        as(w.staff()).get(hooks + "/" + id + "/deliveries").then().statusCode(200).body("total", equalTo(0));
        // An organisation's owner is no staff; staff of another municipality neither; an organisation's
        // endpoint is not the municipality's.
        as(w.ownerA()).get(hooks).then().statusCode(403);
        as("sanyo-staff").get(hooks).then().statusCode(403);
        anonymous().get(hooks).then().statusCode(401);
        as(w.staff()).get("/api/v1/organizations/" + w.orgA() + "/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void aBadUrlIsA400NamingTheFieldAndAForbiddenTargetSaysWhy() {
        int before = as(w.ownerA()).get(orgHooks()).then().statusCode(200).extract().path("total");
        for (String bad : new String[] {"not a url", "ftp://127.0.0.1/x", "mailto:someone@example.jp", "/relative/path",
                "http://user:pw@127.0.0.1/x", "http://127.0.0.1/x#part"}) {
            as(w.ownerA()).body(body(bad, "listing.created")).post(orgHooks()).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        // Nothing can answer at these, so they are refused even where private targets are allowed (tests, demo).
        as(w.ownerA()).body(body("http://0.0.0.0:8080/x", "listing.created")).post(orgHooks()).then().statusCode(400)
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("未指定アドレス"));
        as(w.ownerA()).header("Accept-Language", "en").body(body("http://[ff02::1]/x", "listing.created"))
                .post(orgHooks()).then().statusCode(400)
                .body("errors[0].message", containsString("is a multicast address and may not be used"));
        as(w.ownerA()).body(body("http://no-such-host.invalid/x", "listing.created")).post(orgHooks()).then()
                .statusCode(400).body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("解決できません"));
        as(w.ownerA()).body(body("http://127.0.0.1:9/x", "listing.deleted")).post(orgHooks()).then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes"));
        as(w.ownerA()).body(body("http://127.0.0.1:9/x")).post(orgHooks()).then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes"));
        as(w.ownerA()).get(orgHooks()).then().body("total", equalTo(before));
    }

    @Test
    void anIntegrationClientWithClientCredentialsManagesTheEndpointsOfAnOrganisationItOwns() {
        // The confidential client kyoso-integration: its service account is a person with no rights of its own ...
        var tokens = Keycloak.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", "kyoso-integration",
                "client_secret", "kyoso-integration-secret"));
        assertEquals(200, tokens.statusCode(), tokens.body());
        String token = io.restassured.path.json.JsonPath.from(tokens.body()).getString("access_token");
        Map<String, Object> valid = body("http://127.0.0.1:9/integration", "listing.created");
        anonymous().auth().oauth2(token).body(valid).post(orgHooks()).then().statusCode(403);
        // ... until an owner makes it one with an invitation code.
        String code = as(w.ownerA()).body(Map.of("role", "OWNER"))
                .post("/api/v1/organizations/" + w.orgA() + "/invitations").then().statusCode(201).extract().path("code");
        anonymous().auth().oauth2(token).post("/api/v1/invitations/" + code + "/acceptance").then().statusCode(200);
        String id = anonymous().auth().oauth2(token).body(valid).post(orgHooks()).then().statusCode(201)
                .body("secret", startsWith("whsec_")).extract().path("id");
        anonymous().auth().oauth2(token).get(orgHooks() + "/" + id + "/deliveries").then().statusCode(200);
    }

    @Test
    void onlyOwnersAndStaffManageAnOrganisationsEndpoints() {
        Map<String, Object> valid = body("http://127.0.0.1:9/x", "listing.created");
        anonymous().body(valid).post(orgHooks()).then().statusCode(401);
        as(w.ownerB()).body(valid).post(orgHooks()).then().statusCode(403);
        as(Api.unique("resident")).body(valid).post(orgHooks()).then().statusCode(403);
        String otherStaff = Api.unique("other-staff");
        Fixtures.staff(Fixtures.municipality(), otherStaff, "STAFF");
        as(otherStaff).body(valid).post(orgHooks()).then().statusCode(403);
        as(otherStaff).get(orgHooks()).then().statusCode(403);
    }
}
