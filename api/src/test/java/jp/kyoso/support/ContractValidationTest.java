package jp.kyoso.support;

import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract check is not a no-op: hand-made responses that contradict {@code openapi.yaml}
 * fail it, and a truthful one passes. (That the check runs on every API response of every test
 * is shown by {@code ContractValidationInstalledTest}.)
 */
class ContractValidationTest {

    private static final String MUNICIPALITY = """
            {"code":"352161","name":"山陽小野田市","nameKana":"さんようおのだし","prefecture":"山口県",
             "conceptTerm":"CO_CREATION","conceptLabel":"協創","version":1,
             "createdAt":"2026-04-01T09:00:00+09:00","updatedAt":"2026-04-01T09:00:00+09:00"}""";

    private static final String AREA = """
            {"id":"3f1c2a4e-8b7d-4c1a-9e2f-1a2b3c4d5e6f","municipalityCode":"352161","parentId":%s,
             "depth":0,"kind":"DISTRICT","kindLabel":"地区","name":"厚狭地区","nameKana":"あさちく",
             "profile":{"population":null,"aged65Share":null,"households":null,"asOf":null},
             "sortOrder":1,"liaisons":[],"version":1,
             "createdAt":"2026-04-01T09:00:00+09:00","updatedAt":"2026-04-01T09:00:00+09:00"}""";

    private static ValidationReport get(String path, int status, String contentType, String body) {
        return ContractValidation.validate("GET", path, status, contentType, Map.of(), body);
    }

    private static void assertValid(ValidationReport report) {
        assertFalse(report.hasErrors(), () -> ContractValidation.describe(report));
    }

    /** The report rejects the response for the reason named: message key and a word of its text. */
    private static void assertLie(ValidationReport report, String messageKey, String mentions) {
        assertTrue(report.hasErrors(), "the validator accepted a response that contradicts openapi.yaml");
        String all = ContractValidation.describe(report);
        assertTrue(all.lines().anyMatch(line -> line.contains(messageKey) && line.contains(mentions)),
                "expected " + messageKey + " about " + mentions + " in\n" + all);
    }

    @Test
    void truthfulResponsesPass() {
        assertValid(get("/api/v1/municipalities/352161", 200, "application/json", MUNICIPALITY));
        assertValid(get("/api/v1/areas/3f1c2a4e-8b7d-4c1a-9e2f-1a2b3c4d5e6f", 200, "application/json",
                AREA.formatted("null")));
        assertValid(get("/api/v1/areas/3f1c2a4e-8b7d-4c1a-9e2f-1a2b3c4d5e6f", 200, "application/json",
                AREA.formatted("\"9a1c2a4e-8b7d-4c1a-9e2f-1a2b3c4d5e6f\"")));
        assertValid(get("/api/v1/municipalities/999999", 404, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}"));
    }

    @Test
    void aWrongTypeInTheBodyIsALie() {
        assertLie(get("/api/v1/municipalities/352161", 200, "application/json",
                MUNICIPALITY.replace("\"version\":1", "\"version\":\"one\"")), "validation.response.body.schema", "version");
    }

    @Test
    void aNullWhereTheContractPromisesAValueIsALie() {
        assertLie(get("/api/v1/municipalities/352161", 200, "application/json",
                MUNICIPALITY.replace("\"name\":\"山陽小野田市\"", "\"name\":null")), "validation.response.body.schema", "name");
    }

    @Test
    void aMissingFieldIsALie() {
        // Responses always carry every field of their record, so the contract lists them as required.
        assertLie(get("/api/v1/areas/3f1c2a4e-8b7d-4c1a-9e2f-1a2b3c4d5e6f", 200, "application/json",
                AREA.formatted("null").replace("\"kindLabel\":\"地区\",", "")), "validation.response.body.schema.required", "kindLabel");
    }

    @Test
    void aValueOutsideTheEnumIsALie() {
        assertLie(get("/api/v1/areas/3f1c2a4e-8b7d-4c1a-9e2f-1a2b3c4d5e6f", 200, "application/json",
                AREA.formatted("null").replace("DISTRICT", "GALAXY")), "validation.response.body.schema", "kind");
    }

    @Test
    void aNullableReferenceStillHasToMatchItsSchema() {
        assertLie(get("/api/v1/areas/3f1c2a4e-8b7d-4c1a-9e2f-1a2b3c4d5e6f", 200, "application/json",
                AREA.formatted("42")), "validation.response.body.schema", "parentId");
    }

    @Test
    void aFieldTheContractDoesNotNameIsALie() {
        assertLie(get("/api/v1/municipalities/352161", 200, "application/json",
                MUNICIPALITY.replace("{", "{\"secret\":\"x\",")), "validation.response.body.schema", "secret");
    }

    @Test
    void anUndeclaredStatusIsALie() {
        assertLie(get("/api/v1/municipalities/352161", 418, "application/problem+json",
                "{\"status\":418}"), "validation.response.status.unknown", "418");
    }

    @Test
    void anUndeclaredContentTypeIsALie() {
        assertLie(get("/api/v1/municipalities/352161", 200, "text/html", "<html></html>"),
                "validation.response.contentType.notAllowed", "text/html");
        assertLie(get("/api/v1/municipalities/999999", 404, "application/json",
                "{\"status\":404}"), "validation.response.contentType.notAllowed", "application/json");
    }

    @Test
    void anUnknownPathIsALie() {
        assertLie(get("/api/v1/nowhere", 200, "application/json", "{}"), "validation.request.path.missing", "/api/v1/nowhere");
    }

    @Test
    void everyOperationOfTheContractIsKnown() {
        assertTrue(ContractValidation.operations().contains("GET /api/v1/municipalities/{code}"));
        assertTrue(ContractValidation.operations().size() >= 90, "operations: " + ContractValidation.operations().size());
    }

    @Test
    void pathsFallUnderTheirMostLiteralTemplate() {
        assertEquals("/api/v1/municipalities/{code}", ContractValidation.template("/api/v1/municipalities/352161"));
    }
}
