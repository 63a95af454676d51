package jp.kyoso.support;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract check runs on every API response of every test, without the test asking for it. */
@QuarkusTest
class ContractValidationInstalledTest {

    private static final String OPERATION = "GET /api/v1/municipalities/{code}";

    @Test
    void everyRequestIsCheckedWhicheverWayTheTestBuildsIt() {
        assertTrue(RestAssured.filters().contains(ContractValidation.FILTER), "the filter is installed");
        int before = ContractValidation.validatedCount(OPERATION);
        Api.anonymous().get("/api/v1/municipalities/" + Api.SANYO_ONODA).then().statusCode(200);
        Api.as("resident").get("/api/v1/municipalities/" + Api.SANYO_ONODA).then().statusCode(200);
        given().get("/api/v1/municipalities/000000").then().statusCode(404);
        assertEquals(before + 3, ContractValidation.validatedCount(OPERATION));
    }

    @Test
    void aRealResponseTheContractDoesNotDescribeFailsTheTest() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Api.anonymous().get("/api/v1/no-such-operation"));
        assertTrue(failure.getMessage().contains("does not match openapi.yaml"), failure.getMessage());
    }
}
