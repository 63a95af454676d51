package jp.kyoso.core.operations;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static jp.kyoso.support.Api.anonymous;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * What an operator's probes and Prometheus depend on: health and metrics on the management
 * interface and not on the public port, and a request id that ties a problem answer to its logs.
 */
@QuarkusTest
class OperationsEndpointsTest {

    /** The management interface in tests: the free port the build reserved (api/pom.xml). */
    private static final String MANAGEMENT = "http://localhost:"
            + org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.management.test-port", String.class);

    private final String ready = MANAGEMENT + "/q/health/ready";
    private final String metrics = MANAGEMENT + "/q/metrics";

    @Test
    void healthAnswersOnTheManagementPortWithTheDatabase() {
        RestAssured.get(ready).then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        RestAssured.get(MANAGEMENT + "/q/health/live").then().statusCode(200);
        RestAssured.get(MANAGEMENT + "/q/health/started").then().statusCode(200);
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        anonymous().get("/q/health").then().statusCode(404);
        anonymous().get("/q/health/ready").then().statusCode(404);
        anonymous().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void metricsCarryRouteTemplatesThePoolAndTheJvm() {
        anonymous().get("/api/v1/municipalities/352161").then().statusCode(200);
        String body = RestAssured.get(metrics).then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(body, containsString("uri=\"/api/v1/municipalities/{code}\""));
        org.hamcrest.MatcherAssert.assertThat(body, containsString("agroal_"));
        org.hamcrest.MatcherAssert.assertThat(body, containsString("jvm_memory_used_bytes"));
    }

    @Test
    void aProblemNamesTheRequestIdOfItsLogLines() {
        anonymous().header("X-Request-Id", "trace-me-42").get("/api/v1/municipalities/999990")
                .then().statusCode(404).header("X-Request-Id", "trace-me-42").body("requestId", equalTo("trace-me-42"));
        String generated = anonymous().get("/api/v1/municipalities/999990")
                .then().statusCode(404).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        anonymous().header("X-Request-Id", "not a plain id!").get("/api/v1/municipalities/999990")
                .then().statusCode(404).body("requestId", matchesPattern("[0-9a-f-]{36}"));
        org.junit.jupiter.api.Assertions.assertNotNull(generated);
    }
}
