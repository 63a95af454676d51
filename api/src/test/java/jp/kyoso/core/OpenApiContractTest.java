package jp.kyoso.core;

import jp.kyoso.support.ContractOperations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed {@code openapi.yaml} is the contract third parties generate clients from: it
 * must be exactly what the code serves, and complete. To refresh it after an API change run
 * {@code ./mvnw -pl api test -Dtest=OpenApiContractTest -Dkyoso.openapi.update=true}.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path COMMITTED = Path.of("..", "openapi.yaml");

    @Test
    void committedContractIsWhatTheCodeServes() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        if (Boolean.getBoolean("kyoso.openapi.update")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(COMMITTED), "openapi.yaml is missing at the repository root");
        assertEquals(Files.readString(COMMITTED, StandardCharsets.UTF_8), served,
                "openapi.yaml differs from the code; refresh it with "
                        + "./mvnw -pl api test -Dtest=OpenApiContractTest -Dkyoso.openapi.update=true");
    }

    @Test
    void everyOperationIsDescribedWithErrorsAndSecurity() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        assertTrue(doc.path("openapi").asText().startsWith("3."), "an OpenAPI 3 document");
        assertTrue(doc.path("components").path("securitySchemes").has("bearer"), "bearer security scheme");
        List<String> defects = new ArrayList<>();
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> op : ContractOperations.operations(doc).entrySet()) {
            operations++;
            String name = op.getKey();
            JsonNode operation = op.getValue();
            if (operation.path("summary").asText().isBlank()) {
                defects.add(name + ": no summary");
            }
            // Generated clients name their methods after these: searchOrganizations, not apiV1MunicipalitiesCodeOrganizationsGet.
            String operationId = operation.path("operationId").asText();
            if (!operationId.matches("[a-z][A-Za-z]+")) {
                defects.add(name + ": no operationId in lowerCamelCase");
            } else if (!operationIds.add(operationId)) {
                defects.add(name + ": operationId " + operationId + " is used twice");
            }
            if (operation.path("tags").size() == 0) {
                defects.add(name + ": no tag");
            }
            JsonNode responses = operation.path("responses");
            boolean success = false;
            for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
                String code = codes.next();
                if (code.startsWith("2") || code.startsWith("3")) {
                    success = true;
                    JsonNode content = responses.path(code).path("content");
                    if (code.startsWith("2") && !code.equals("204") && content.isMissingNode()) {
                        defects.add(name + ": " + code + " has no typed content");
                    }
                }
            }
            if (!success) {
                defects.add(name + ": no success response");
            }
            if (!responses.path("500").path("content").has("application/problem+json")) {
                defects.add(name + ": errors are not described as problem+json");
            }
            boolean secured = operation.has("security") && operation.path("security").size() > 0;
            if (!name.startsWith("GET ") && !secured) {
                defects.add(name + ": a write without a security requirement");
            }
            if (secured && !responses.has("401")) {
                defects.add(name + ": secured but no 401 described");
            }
            if (name.startsWith("PUT ") && !responses.has("412")) {
                defects.add(name + ": update without 412");
            }
        }
        assertTrue(operations >= 25, "expected the whole API, found " + operations + " operations");
        assertEquals(List.of(), defects);
    }
}
