package jp.kyoso.core;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jp.kyoso.support.Api;
import jp.kyoso.support.BrowserLogin;
import jp.kyoso.support.Fixtures;
import jp.kyoso.support.Keycloak;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser's sign-in, as a browser does it, against the run's Keycloak: the API runs the
 * OIDC code flow (with PKCE), the person types into Keycloak's own login page, and the API keeps
 * an HttpOnly session cookie; the page never sees a token. Cookie-authenticated writes need the
 * CSRF token. Signing out ends the Keycloak session too.
 */
@QuarkusTest
class BrowserSessionTest {

    private static BrowserLogin browser() {
        return new BrowserLogin("http://localhost:" + RestAssured.port);
    }

    @Test
    void aBrowserSignsInThroughKeycloaksLoginPageAndUsesTheApiWithACookie() {
        BrowserLogin browser = browser();
        HttpResponse<String> landed = browser.signIn("sanyo-manager", "/organizations");
        assertEquals(303, landed.statusCode());
        assertEquals("/organizations", URI.create(landed.headers().firstValue("Location").orElseThrow()).getPath());
        Map<String, String> session = browser.appCookies();
        assertNotNull(session.get("kyoso_csrf"));

        given().cookies(session).accept(ContentType.JSON).get("/api/v1/me").then().statusCode(200)
                .body("name", equalTo("小野田 誠（市民活動推進課）"))
                .body("staff[0].municipalityCode", equalTo("352161"));

        String csrf = session.get("kyoso_csrf");
        Map<String, Object> area = Map.of("kind", "DISTRICT", "name", Api.unique("クッキー地区"));
        // A cookie-authenticated write without the CSRF token is refused and changes nothing.
        given().cookies(session).contentType(ContentType.JSON).body(area)
                .post("/api/v1/municipalities/352161/areas").then().statusCode(403)
                .contentType("application/problem+json");
        given().cookies(session).contentType(ContentType.JSON).header("X-CSRF-Token", "forged").body(area)
                .post("/api/v1/municipalities/352161/areas").then().statusCode(403);
        given().cookies(session).contentType(ContentType.JSON).header("X-CSRF-Token", csrf).body(area)
                .post("/api/v1/municipalities/352161/areas").then().statusCode(201);
    }

    @Test
    void theLoginUsesPkceTheSessionCookieIsHttpOnlyAndTheRedirectStaysOnThisSite() {
        BrowserLogin browser = browser();
        HttpResponse<String> toKeycloak = browser.get("/api/v1/auth/login");
        assertEquals(302, toKeycloak.statusCode());
        String authorize = toKeycloak.headers().firstValue("Location").orElseThrow();
        assertTrue(authorize.startsWith(Keycloak.realmUrl() + "/protocol/openid-connect/auth"), authorize);
        assertTrue(authorize.contains("code_challenge=") && authorize.contains("code_challenge_method=S256"),
                "PKCE is used: " + authorize);

        HttpResponse<String> landed = browser().signIn("resident", "https://evil.example/steal");
        assertEquals(303, landed.statusCode());
        assertEquals("/", URI.create(landed.headers().firstValue("Location").orElseThrow()).getPath());
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndEncrypted() {
        BrowserLogin browser = browser();
        browser.signIn("resident", "/");
        List<String> fromApi = browser.setCookieHeaders().stream()
                .filter(h -> !h.contains("Path=/realms/")) // Keycloak's own cookies
                .filter(h -> !h.matches("^[^=]+=;.*")) // deletions
                .toList();
        assertTrue(fromApi.stream().anyMatch(h -> h.startsWith("q_session")), String.join("\n", fromApi));
        for (String header : fromApi) {
            if (header.startsWith("kyoso_csrf=")) {
                // Readable by the page on purpose (double submit); it grants nothing on its own.
                assertTrue(header.contains("SameSite=Strict"), header);
                continue;
            }
            assertTrue(header.toLowerCase(Locale.ROOT).contains("httponly"), "HttpOnly: " + header);
            assertTrue(header.toLowerCase(Locale.ROOT).contains("samesite=lax"), "SameSite: " + header);
        }
        // The session cookie holds only a random id: the tokens stay on the server (encrypted there too).
        String session = browser.appCookies().entrySet().stream().filter(e -> e.getKey().startsWith("q_session"))
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).findFirst().orElseThrow();
        assertTrue(session.matches("[A-Za-z0-9_-]{43}"), "an opaque session id: " + session);
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        BrowserLogin browser = browser();
        HttpResponse<String> page = browser.follow("/api/v1/auth/login");
        assertTrue(BrowserLogin.isLoginForm(page), "Keycloak's login page");
        HttpResponse<String> answer = browser.submitLogin(page, "resident", "wrong");
        assertEquals(200, answer.statusCode(), "Keycloak shows its page again");
        assertTrue(BrowserLogin.isLoginForm(answer));
        assertFalse(answer.headers().firstValue("Location").isPresent());
        assertFalse(browser.appCookies().containsKey("q_session"));
        given().cookies(browser.appCookies()).accept(ContentType.JSON).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void signingOutEndsTheSessionAtKeycloakToo() {
        BrowserLogin browser = browser();
        browser.signIn("sanyo-editor", "/");
        // While the Keycloak session lives, a new sign-in needs no password (single sign-on) ...
        HttpResponse<String> again = browser.follow("/api/v1/auth/login");
        assertFalse(BrowserLogin.isLoginForm(again), "single sign-on while the Keycloak session lives");

        HttpResponse<String> out = browser.get("/api/v1/auth/logout");
        assertEquals(302, out.statusCode());
        String endSession = out.headers().firstValue("Location").orElseThrow();
        assertTrue(endSession.startsWith(Keycloak.realmUrl() + "/protocol/openid-connect/logout"), endSession);
        HttpResponse<String> back = browser.followWithinApp(endSession);
        assertTrue(back.statusCode() < 400, "Keycloak ends its session and sends the browser home: " + back.statusCode());
        given().cookies(browser.appCookies()).accept(ContentType.JSON).get("/api/v1/me").then().statusCode(401);

        // ... and afterwards Keycloak asks for the password again.
        HttpResponse<String> next = browser.follow("/api/v1/auth/login");
        assertTrue(BrowserLogin.isLoginForm(next), "Keycloak's login page after signing out");
    }

    @Test
    void bearerCallsNeedNoCsrfToken() {
        String code = Fixtures.municipality();
        Api.as("admin").get("/api/v1/municipalities/" + code).then().statusCode(200);
    }
}
