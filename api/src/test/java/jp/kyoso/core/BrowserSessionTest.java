package jp.kyoso.core;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jp.kyoso.support.Api;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser's sign-in, as a browser does it: the API runs the OIDC code flow (with PKCE)
 * against the issuer's login page and keeps an HttpOnly session cookie; the page never sees a
 * token. Cookie-authenticated writes need the CSRF token.
 */
@QuarkusTest
class BrowserSessionTest {

    private final Map<String, String> cookies = new HashMap<>();

    @Test
    void aBrowserSignsInThroughTheLoginPageAndUsesTheApiWithACookie() {
        Map<String, String> session = signIn("sanyo-manager", "/organizations");

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
    void theSessionCookieIsHttpOnlyAndTheLoginRedirectStaysOnThisSite() {
        Response last = walkSignIn("resident", "https://evil.example/steal");
        assertEquals(303, last.statusCode());
        assertEquals("/", URI.create(last.header("Location")).getPath());
        String setCookies = String.join("\n", cookieHeadersSeen);
        assertTrue(setCookies.contains("q_session"), setCookies);
        assertTrue(Pattern.compile("q_session[^\\n]*HttpOnly", Pattern.CASE_INSENSITIVE).matcher(setCookies).find(),
                "session cookie must be HttpOnly: " + setCookies);
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        Response toIssuer = given().redirects().follow(false).get("/api/v1/auth/login");
        assertEquals(302, toIssuer.statusCode());
        String authorize = toIssuer.header("Location");
        Map<String, String> form = hiddenFields(RestAssured.given().urlEncodingEnabled(false).redirects().follow(false).get(authorize).asString());
        form.put("username", "resident");
        form.put("password", "wrong");
        Response answer = RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(form).post(authorize.substring(0, authorize.indexOf('?')));
        assertEquals(401, answer.statusCode());
        assertFalse(answer.asString().contains("code="));
    }

    @Test
    void bearerCallsNeedNoCsrfToken() {
        String code = Fixtures.municipality();
        Api.as("admin").get("/api/v1/municipalities/" + code).then().statusCode(200);
    }

    private final java.util.List<String> cookieHeadersSeen = new java.util.ArrayList<>();

    private Map<String, String> signIn(String username, String returnTo) {
        Response last = walkSignIn(username, returnTo);
        assertEquals(303, last.statusCode());
        assertEquals(returnTo, last.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertNotNull(cookies.get("kyoso_csrf"));
        return new HashMap<>(cookies);
    }

    /** Follows the redirects of the code flow by hand, keeping cookies per site like a browser. */
    private Response walkSignIn(String username, String returnTo) {
        Response r = given().redirects().follow(false).queryParam("returnTo", returnTo).get("/api/v1/auth/login");
        remember(r);
        assertEquals(302, r.statusCode(), "to the identity provider");
        String authorize = r.header("Location");
        assertTrue(authorize.startsWith(Api.issuer()), authorize);
        assertTrue(authorize.contains("code_challenge="), "PKCE is used: " + authorize);
        Map<String, String> form = hiddenFields(RestAssured.given().urlEncodingEnabled(false).redirects().follow(false).get(authorize).asString());
        form.put("username", username);
        form.put("password", "demo");
        Response back = RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(form).post(authorize.substring(0, authorize.indexOf('?')));
        assertEquals(302, back.statusCode(), "back to the API with a code");
        String next = back.header("Location");
        for (int hop = 0; hop < 5; hop++) {
            r = given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false)
                    .get(next.replaceFirst("^https?://[^/]+", ""));
            remember(r);
            if (r.statusCode() != 302 || r.header("Location").startsWith(Api.issuer())) {
                return r;
            }
            next = r.header("Location");
        }
        return r;
    }

    private void remember(Response r) {
        r.getHeaders().getValues("Set-Cookie").forEach(cookieHeadersSeen::add);
        r.getDetailedCookies().forEach(c -> {
            if (c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&"));
        }
        return fields;
    }
}
