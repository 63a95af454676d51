package jp.kyoso.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/** Requests as a given person: tokens come from the running issuer's token endpoint. */
public final class Api {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** Demo municipalities and people loaded by the demo data (see demo/demo-data.json, users.json). */
    public static final String SANYO_ONODA = "352161";
    public static final String YAMAGUCHI = "352039";

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification as(String username) {
        return anonymous().auth().oauth2(token(username));
    }

    public static String token(String username) {
        // Keyed by issuer too: a test profile restarts the app with a new issuer and key.
        return TOKENS.computeIfAbsent(issuer() + "|" + username, key -> RestAssured.given()
                .baseUri(issuer())
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", "kyoso-cli")
                .formParam("username", username)
                .formParam("password", "demo")
                .post("/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token"));
    }

    public static String issuer() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    /** A name no other test uses, for people and things a test creates. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
