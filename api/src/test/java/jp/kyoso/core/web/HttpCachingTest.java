package jp.kyoso.core.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jp.kyoso.support.Api;
import jp.kyoso.support.ContractValidation;
import org.junit.jupiter.api.Test;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shared caches may keep public reads briefly and revalidate them with If-None-Match (304), and
 * never keep what a signed-in caller reads.
 */
@QuarkusTest
class HttpCachingTest {

    private static final String ORGANIZATIONS = "/api/v1/municipalities/" + Api.SANYO_ONODA + "/organizations?size=5";

    @Test
    void aPublicListIsShareableBrieflyAndRevalidatesWith304() {
        Response first = anonymous().get(ORGANIZATIONS).then().statusCode(200).extract().response();
        String cacheControl = first.header("Cache-Control");
        assertTrue(cacheControl.startsWith("public") && cacheControl.contains("s-maxage=60"), cacheControl);
        assertTrue(first.header("Vary").contains("Authorization") && first.header("Vary").contains("Cookie")
                && first.header("Vary").contains("Accept-Language"), first.header("Vary"));
        String tag = first.header("ETag");
        assertNotNull(tag);
        assertTrue(tag.startsWith("W/\""), tag);
        assertEquals(tag, anonymous().get(ORGANIZATIONS).then().statusCode(200).extract().header("ETag"),
                "the same answer has the same tag");

        // A 304 is HTTP's answer to a conditional read, not an answer of the contract's operations.
        Response revalidated = unchecked().header("If-None-Match", tag).get(ORGANIZATIONS);
        assertEquals(304, revalidated.statusCode());
        assertEquals("", revalidated.asString());
        assertEquals(tag, revalidated.header("ETag"));
        assertEquals(200, unchecked().header("If-None-Match", "W/\"other\"").get(ORGANIZATIONS).statusCode());

        String english = anonymous().header("Accept-Language", "en").get(ORGANIZATIONS).then().statusCode(200)
                .extract().header("ETag");
        assertNotEquals(tag, english, "another language is another answer");
    }

    @Test
    void aPublicObjectIsShareableAndKeepsItsVersionAsETag() {
        String id = anonymous().get(ORGANIZATIONS).then().statusCode(200).extract().path("items[0].id");
        Response object = anonymous().get("/api/v1/organizations/" + id).then().statusCode(200).extract().response();
        assertTrue(object.header("Cache-Control").startsWith("public"), object.header("Cache-Control"));
        assertTrue(object.header("ETag").matches("\"\\d+\""), "the version, for If-Match: " + object.header("ETag"));
    }

    @Test
    void signedInAndPersonalReadsAreNeverShared() {
        Response me = as("sanyo-owner").get("/api/v1/me").then().statusCode(200).extract().response();
        assertEquals("private, no-store", me.header("Cache-Control"));
        // Staff see organisations the public does not: their list is theirs alone.
        Response staff = as("sanyo-manager").get(ORGANIZATIONS).then().statusCode(200).extract().response();
        assertFalse(staff.header("Cache-Control").contains("public"), staff.header("Cache-Control"));
        assertTrue(staff.header("Cache-Control").startsWith("private"), staff.header("Cache-Control"));
        assertTrue(staff.header("Vary").contains("Authorization"), staff.header("Vary"));
        Response notifications = as("sanyo-owner").get("/api/v1/me/notifications").then().statusCode(200).extract().response();
        assertEquals("private, no-store", notifications.header("Cache-Control"));
        // Refusals and writes are not marked cacheable.
        Response refused = anonymous().get("/api/v1/me").then().statusCode(401).extract().response();
        assertTrue(refused.header("Cache-Control") == null || !refused.header("Cache-Control").contains("public"));
    }

    private static io.restassured.specification.RequestSpecification unchecked() {
        return RestAssured.given().noFiltersOfType(ContractValidation.ResponseCheck.class);
    }
}
