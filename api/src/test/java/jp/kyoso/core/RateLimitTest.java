package jp.kyoso.core;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.kyoso.core.web.RateLimits;
import jp.kyoso.support.EdgeProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Past its limit a client gets 429 with Retry-After; others are not affected. */
@QuarkusTest
@TestProfile(EdgeProfile.class)
class RateLimitTest {

    @BeforeEach
    void freshWindows() {
        RateLimits.reset();
    }

    @Test
    void anonymousReadsPastTheLimitAreTooMany() {
        for (int i = 0; i < 5; i++) {
            anonymous().get("/api/v1/themes").then().statusCode(200);
        }
        anonymous().get("/api/v1/themes").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        // A signed-in reader is not counted as anonymous.
        as("resident").get("/api/v1/themes").then().statusCode(200);
    }

    @Test
    void writesAreLimitedPerUser() {
        for (int i = 0; i < 3; i++) {
            as("rate-writer").post("/api/v1/invitations/no-such-code/acceptance").then().statusCode(404);
        }
        as("rate-writer").post("/api/v1/invitations/no-such-code/acceptance").then().statusCode(429)
                .header("Retry-After", notNullValue());
        as("another-writer").post("/api/v1/invitations/no-such-code/acceptance").then().statusCode(404);
    }
}
