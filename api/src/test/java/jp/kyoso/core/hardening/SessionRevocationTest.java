package jp.kyoso.core.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jp.kyoso.support.Api;
import jp.kyoso.support.BrowserLogin;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Browser sessions live on the server: signing out ends them at once, for a copy of the cookie
 * too (issue 10, defect 5); the CSRF token belongs to one session (defect 7); a session that
 * ended reads public data as an anonymous visitor instead of failing with 401 (defect 7), while
 * a refused bearer token keeps its 401 with {@code WWW-Authenticate}.
 */
@QuarkusTest
class SessionRevocationTest {

    private static BrowserLogin browser() {
        return new BrowserLogin("http://localhost:" + RestAssured.port);
    }

    private static Map<String, Object> area() {
        return Map.of("kind", "DISTRICT", "name", Api.unique("セッション地区"));
    }

    @Test
    void aCookieCopiedBeforeSignOutIsUselessAfterIt() {
        BrowserLogin browser = browser();
        browser.signIn("sanyo-manager", "/");
        Map<String, String> copied = new HashMap<>(browser.appCookies());
        String csrf = copied.get("kyoso_csrf");
        given().cookies(copied).accept(ContentType.JSON).get("/api/v1/me").then().statusCode(200);
        given().cookies(copied).contentType(ContentType.JSON).header("X-CSRF-Token", csrf).body(area())
                .post("/api/v1/municipalities/352161/areas").then().statusCode(201);

        HttpResponse<String> out = browser.get("/api/v1/auth/logout");
        assertEquals(302, out.statusCode());

        // The copy still has the cookie and its CSRF value: it no longer reads or writes anything.
        given().cookies(copied).accept(ContentType.JSON).get("/api/v1/me").then().statusCode(401);
        given().cookies(copied).contentType(ContentType.JSON).header("X-CSRF-Token", csrf).body(area())
                .post("/api/v1/municipalities/352161/areas").then().statusCode(401);
    }

    @Test
    void theCsrfTokenOfOneSessionIsWorthNothingInAnother() {
        BrowserLogin first = browser();
        first.signIn("sanyo-staff", "/");
        BrowserLogin second = browser();
        second.signIn("sanyo-manager", "/");
        Map<String, String> mine = second.appCookies();
        String theirs = first.appCookies().get("kyoso_csrf");
        assertNotEquals(theirs, mine.get("kyoso_csrf"));

        // The other session's token, sent as header and cookie (double submit alone would pass).
        Map<String, String> forged = new HashMap<>(mine);
        forged.put("kyoso_csrf", theirs);
        given().cookies(forged).contentType(ContentType.JSON).header("X-CSRF-Token", theirs).body(area())
                .post("/api/v1/municipalities/352161/areas").then().statusCode(403)
                .contentType("application/problem+json");
        given().cookies(mine).contentType(ContentType.JSON).header("X-CSRF-Token", mine.get("kyoso_csrf")).body(area())
                .post("/api/v1/municipalities/352161/areas").then().statusCode(201);
    }

    @Test
    void anEndedOrUnknownSessionReadsPublicDataAsAnAnonymousVisitor() {
        BrowserLogin browser = browser();
        browser.signIn("resident", "/");
        Map<String, String> cookies = new HashMap<>(browser.appCookies());
        browser.get("/api/v1/auth/logout");
        for (String stale : new String[]{cookies.get("q_session"), "A".repeat(43), "not-a-session"}) {
            Map<String, String> sent = Map.of("q_session", stale);
            given().cookies(sent).accept(ContentType.JSON).get("/api/v1/municipalities/352161/organizations")
                    .then().statusCode(200)
                    .header("Set-Cookie", containsString("q_session=;"));
            given().cookies(sent).accept(ContentType.JSON).get("/api/v1/me").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aRefusedBearerTokenIsA401WithItsChallenge() {
        given().auth().oauth2("not.a.token").accept(ContentType.JSON).get("/api/v1/municipalities/352161/organizations")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""));
    }
}
