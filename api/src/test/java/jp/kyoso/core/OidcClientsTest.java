package jp.kyoso.core;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jp.kyoso.support.Api;
import jp.kyoso.support.BrowserLogin;
import jp.kyoso.support.Keycloak;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bearer-token clients against the run's real Keycloak: a mobile app (public client,
 * authorization code with PKCE, custom-scheme redirect) and an integration (confidential
 * client, client credentials). Both call the API with the access token.
 */
@QuarkusTest
class OidcClientsTest {

    private static final String MOBILE_REDIRECT = "jp.kyoso.app:/oauth2redirect";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    @Test
    void aMobileAppSignsInWithPkceAsAPublicClientAndCallsTheApi() {
        BrowserLogin browser = new BrowserLogin("http://localhost:" + RestAssured.port);

        // First authorisation: the person types into Keycloak's login page in the app's browser tab.
        String verifier = verifier();
        HttpResponse<String> page = browser.get(authorize(challenge(verifier)));
        assertTrue(BrowserLogin.isLoginForm(page), "Keycloak's login page");
        HttpResponse<String> back = browser.submitLogin(page, "sanyo-owner", "demo");
        String code = codeFrom(back);

        // The code is worthless without the verifier (a stolen redirect gains nothing) ...
        HttpResponse<String> withoutVerifier = Keycloak.tokenRequest(Map.of("grant_type", "authorization_code",
                "client_id", "kyoso-mobile", "code", code, "redirect_uri", MOBILE_REDIRECT));
        assertEquals(400, withoutVerifier.statusCode(), withoutVerifier.body());

        // ... or with a wrong one (single sign-on now answers the next authorisation at once).
        String code2 = codeFrom(browser.get(authorize(challenge(verifier()))));
        HttpResponse<String> wrongVerifier = Keycloak.tokenRequest(Map.of("grant_type", "authorization_code",
                "client_id", "kyoso-mobile", "code", code2, "redirect_uri", MOBILE_REDIRECT, "code_verifier", verifier()));
        assertEquals(400, wrongVerifier.statusCode(), wrongVerifier.body());

        // With the right verifier and no client secret (a public client has none) the app gets tokens.
        String verifier3 = verifier();
        String code3 = codeFrom(browser.get(authorize(challenge(verifier3))));
        HttpResponse<String> tokens = Keycloak.tokenRequest(Map.of("grant_type", "authorization_code",
                "client_id", "kyoso-mobile", "code", code3, "redirect_uri", MOBILE_REDIRECT, "code_verifier", verifier3));
        assertEquals(200, tokens.statusCode(), tokens.body());
        String accessToken = io.restassured.path.json.JsonPath.from(tokens.body()).getString("access_token");

        given().auth().oauth2(accessToken).accept(ContentType.JSON).get("/api/v1/me").then().statusCode(200)
                .body("name", equalTo("赤崎 一郎"));
    }

    @Test
    void anAuthorisationRequestWithoutPkceIsRefusedForTheMobileClient() {
        BrowserLogin browser = new BrowserLogin("http://localhost:" + RestAssured.port);
        String url = Keycloak.realmUrl() + "/protocol/openid-connect/auth?client_id=kyoso-mobile&response_type=code&scope=openid"
                + "&state=s1&redirect_uri=" + URLEncoder.encode(MOBILE_REDIRECT, StandardCharsets.UTF_8);
        HttpResponse<String> answer = browser.get(url);
        assertEquals(302, answer.statusCode());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(MOBILE_REDIRECT) && location.contains("error=invalid_request"), location);
    }

    @Test
    void anIntegrationUsesClientCredentialsAndGetsNoMoreThanItsRights() {
        HttpResponse<String> wrongSecret = Keycloak.tokenRequest(Map.of("grant_type", "client_credentials",
                "client_id", "kyoso-integration", "client_secret", "guessed"));
        assertEquals(401, wrongSecret.statusCode(), wrongSecret.body());

        HttpResponse<String> tokens = Keycloak.tokenRequest(Map.of("grant_type", "client_credentials",
                "client_id", "kyoso-integration", "client_secret", "kyoso-integration-secret"));
        assertEquals(200, tokens.statusCode(), tokens.body());
        String accessToken = io.restassured.path.json.JsonPath.from(tokens.body()).getString("access_token");

        given().auth().oauth2(accessToken).accept(ContentType.JSON).get("/api/v1/me").then().statusCode(200)
                .body("name", equalTo("service-account-kyoso-integration"))
                .body("admin", equalTo(false));
        // An integration is no municipality's staff: it cannot add an area.
        Map<String, Object> area = new HashMap<>(Map.of("kind", "DISTRICT", "name", Api.unique("連携地区")));
        given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(area)
                .post("/api/v1/municipalities/352161/areas").then().statusCode(403)
                .contentType("application/problem+json");
        // A bearer token the API did not get from its issuer is refused.
        given().auth().oauth2(accessToken.substring(0, accessToken.length() - 4) + "AAAA").accept(ContentType.JSON)
                .get("/api/v1/me").then().statusCode(401);
    }

    private static String authorize(String challenge) {
        return Keycloak.realmUrl() + "/protocol/openid-connect/auth?client_id=kyoso-mobile&response_type=code&scope=openid"
                + "&state=" + verifier().substring(0, 12)
                + "&redirect_uri=" + URLEncoder.encode(MOBILE_REDIRECT, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private static String codeFrom(HttpResponse<String> redirect) {
        assertEquals(302, redirect.statusCode(), "Keycloak redirects to the app");
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(MOBILE_REDIRECT), location);
        Matcher m = CODE.matcher(URI.create(location).getRawQuery() == null ? location : "?" + URI.create(location).getRawQuery());
        assertTrue(m.find(), location);
        return java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    private static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
