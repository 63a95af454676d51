package jp.kyoso.support;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests as a given person: tokens come from the test run's Keycloak (see {@link Keycloak}). */
public final class Api {

    /** Demo municipalities and people (see demo/demo-data.json and docker/keycloak/kyoso-realm.json). */
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

    /** An access token from Keycloak for a demo person, or for a person the test invents. */
    public static String token(String username) {
        return Keycloak.accessToken(username);
    }

    public static String issuer() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    /**
     * The display name Kyoso shows for a person a test invents: Keycloak's {@code name} claim,
     * "firstName lastName", and {@link Keycloak#ensureUser} gives them the family name テスト.
     */
    public static String nameOf(String invented) {
        return invented + " テスト";
    }

    /** The ETag anyone reads at a public {@code path}: what an update or delete of it sends as If-Match. */
    public static String etag(String path) {
        return anonymous().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** The ETag {@code user} reads at {@code path}: what an update or delete of it sends as If-Match. */
    public static String etag(String user, String path) {
        return as(user).get(path).then().statusCode(200).extract().header("ETag");
    }

    /** A name no other test uses, for people and things a test creates. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
