package jp.kyoso.authorization;

import jp.kyoso.support.ContractOperations;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.kyoso.authorization.AuthzWorld.Role;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mass assignment: a client can never set ids, status, ownership, municipality, versions,
 * timestamps or computed fields through a request body. For every operation of
 * {@code openapi.yaml} with a JSON body, the valid body of the authorisation matrix is sent by
 * someone allowed to send it, once with each server-owned field added: the server must reject
 * the field (400 problem+json naming it: unknown properties fail) or ignore it (the stored
 * object never shows the client's value). The valid body alone must then succeed, so that the
 * rejections are the added fields' doing; for updates it is sent with the If-Match read before
 * the attempts, so its success also proves that no attempt changed the stored object. Nested
 * objects (a contact, the entries of a list) are tried with an id and a timestamp too.
 * Ownership fields that a body may name by design (the organisation of a new plan or project,
 * the plan of an indicator) are authorisation questions: the matrix sends them as outsiders.
 * Server-owned fields are derived from the contract:
 * every property of the operation's success response that its request schema does not have,
 * plus the usual ones (id, version, createdAt ...). A new writable operation without a request
 * builder in {@link MatrixCases} fails.
 */
@QuarkusTest
class MassAssignmentTest {

    /** Fields no request body may set, whatever the operation's response shows. */
    private static final List<String> ALWAYS = List.of("id", "status", "version", "createdAt", "updatedAt",
            "createdBy", "ownerId", "municipalityCode", "deletedAt", "score");
    private static final String INJECTED_ID = "0b6f2c1e-dead-4bad-8bad-00000000a5a5";

    @TestFactory
    Stream<DynamicTest> serverOwnedFieldsAreNeverTakenFromTheClient() throws IOException {
        JsonNode doc = ContractOperations.document();
        JsonNode schemas = doc.path("components").path("schemas");
        Map<String, JsonNode> writable = new LinkedHashMap<>();
        ContractOperations.operations(doc).forEach((op, def) -> {
            if (!op.startsWith("GET ") && !op.startsWith("DELETE ")
                    && def.path("requestBody").path("content").has("application/json")) {
                writable.put(op, def);
            }
        });
        Map<String, Map<Role, Integer>> matrix = AuthorizationMatrixTest.readMatrix();
        AuthzWorld world = new AuthzWorld();
        MatrixCases cases = new MatrixCases(world);
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger nestedFields = new AtomicInteger();
        List<String> csvOperations = new ArrayList<>();
        Set<String> schemaNames = new TreeSet<>();
        Map<String, Set<String>> injected = new java.util.concurrent.ConcurrentSkipListMap<>();

        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : writable.entrySet()) {
            String op = entry.getKey();
            JsonNode requestSchema = resolve(schemas,
                    entry.getValue().path("requestBody").path("content").path("application/json").path("schema"));
            String schemaName = refName(entry.getValue().path("requestBody").path("content").path("application/json")
                    .path("schema"));
            schemaNames.add(schemaName);
            tests.add(DynamicTest.dynamicTest(op + " (" + schemaName + ")", () -> {
                Function<Role, Req> builder = cases.cases.get(op);
                assertTrue(builder != null, "no request builder for " + op + " in MatrixCases");
                Role role = allowedRole(matrix.get(op));
                Set<String> clientFields = new LinkedHashSet<>();
                requestSchema.path("properties").fieldNames().forEachRemaining(clientFields::add);
                Map<String, JsonNode> serverFields = serverOwnedFields(schemas, entry.getValue(), clientFields);
                assertTrue(!serverFields.isEmpty(), "no server-owned fields found for " + op);
                injected.put(op, serverFields.keySet());

                List<String> wrong = new ArrayList<>();
                Req req = builder.apply(role);
                for (Map.Entry<String, JsonNode> field : serverFields.entrySet()) {
                    Object value = sample(schemas, field.getKey(), field.getValue());
                    Map<String, Object> body = new HashMap<>(bodyOf(req));
                    body.put(field.getKey(), value);
                    Req attempt = req.withBody(body);
                    Response response = attempt.send(world.username(role));
                    requests.incrementAndGet();
                    int status = response.statusCode();
                    if (status == 400) {
                        String type = response.contentType();
                        List<String> named = response.path("errors.field");
                        if (type == null || !type.startsWith("application/problem+json") || named == null
                                || !named.contains(field.getKey())) {
                            wrong.add(field.getKey() + ": 400 without naming the field: " + response.asString());
                        }
                    } else if (status / 100 == 2) {
                        Object shown = response.path(field.getKey());
                        if (Objects.equals(String.valueOf(shown), String.valueOf(value))) {
                            wrong.add(field.getKey() + ": the server took the client's value " + value);
                        }
                        req = builder.apply(role); // the object changed: a fresh one for the next field
                    } else {
                        wrong.add(field.getKey() + ": neither rejected with 400 nor ignored: HTTP " + status + " "
                                + response.asString());
                    }
                }
                // Nested objects (a contact, the entries of a list) take no server-owned fields either.
                for (Map.Entry<String, Object> nested : bodyOf(req).entrySet()) {
                    for (String field : List.of("id", "createdAt")) {
                        Map<String, Object> body = new HashMap<>(bodyOf(req));
                        String path;
                        if (nested.getValue() instanceof Map<?, ?> object) {
                            Map<Object, Object> copy = new HashMap<>(object);
                            copy.put(field, sample(schemas, field, null));
                            body.put(nested.getKey(), copy);
                            path = nested.getKey() + "." + field;
                        } else if (nested.getValue() instanceof List<?> list && !list.isEmpty()
                                && list.get(0) instanceof Map<?, ?> first) {
                            Map<Object, Object> copy = new HashMap<>(first);
                            copy.put(field, sample(schemas, field, null));
                            List<Object> items = new ArrayList<>(list);
                            items.set(0, copy);
                            body.put(nested.getKey(), items);
                            path = nested.getKey() + "[0]." + field;
                        } else {
                            continue;
                        }
                        Response response = req.withBody(body).send(world.username(role));
                        requests.incrementAndGet();
                        nestedFields.incrementAndGet();
                        List<String> named = response.statusCode() == 400 ? response.path("errors.field") : null;
                        if (named == null || !named.contains(path)) {
                            wrong.add(path + ": not refused with 400 naming it: HTTP " + response.statusCode() + " "
                                    + response.asString());
                        }
                    }
                }
                Response valid = req.send(world.username(role));
                requests.incrementAndGet();
                assertEquals(2, valid.statusCode() / 100, "the valid body itself must succeed for " + op + " as "
                        + role.column + ": " + valid.asString());
                assertTrue(wrong.isEmpty(), op + ":\n  " + String.join("\n  ", wrong));
            }));
        }
        // CSV imports: a column for a server-owned field is an unknown header, and nothing is imported.
        ContractOperations.operations(doc).forEach((op, def) -> {
            if (!op.startsWith("PUT ") || !def.path("requestBody").path("content").has("text/csv")) {
                return;
            }
            csvOperations.add(op);
            tests.add(DynamicTest.dynamicTest(op + " (CSV)", () -> {
                Function<Role, Req> builder = cases.cases.get(op);
                assertTrue(builder != null, "no request builder for " + op + " in MatrixCases");
                Role role = allowedRole(matrix.get(op));
                Req req = builder.apply(role);
                List<String> lines = ((String) req.body).lines().toList();
                for (String column : List.of("id", "status", "version", "createdBy")) {
                    StringBuilder csv = new StringBuilder(lines.get(0)).append(',').append(column).append("\r\n");
                    lines.subList(1, lines.size()).forEach(l -> csv.append(l).append(',').append(INJECTED_ID)
                            .append("\r\n"));
                    Response response = req.withBody(csv.toString()).send(world.username(role));
                    requests.incrementAndGet();
                    assertEquals(400, response.statusCode(), op + " with a " + column + " column: " + response.asString());
                    assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
                }
                Response valid = req.send(world.username(role));
                requests.incrementAndGet();
                assertEquals(2, valid.statusCode() / 100, "the valid CSV itself must be accepted: " + valid.asString());
            }));
        });
        tests.add(DynamicTest.dynamicTest("no object carries an id the client sent", () -> {
            for (String kind : List.of("areas", "organizations", "listings", "matches", "plans", "projects",
                    "indicators")) {
                assertEquals(404, AuthzWorld.spec(AuthzWorld.ADMIN).get("/api/v1/" + kind + "/" + INJECTED_ID)
                        .statusCode(), kind);
            }
            assertEquals(404, AuthzWorld.spec(AuthzWorld.ADMIN).get("/api/v1/municipalities/424242").statusCode());
        }));
        tests.add(DynamicTest.dynamicTest("summary", () -> {
            AuthzWorld.cleanUp();
            int fields = injected.values().stream().mapToInt(Set::size).sum();
            System.out.println("Mass assignment: " + writable.size() + " writable operations, " + schemaNames.size()
                    + " request schemas " + schemaNames + ", " + fields + " server-owned fields tried at the top level and "
                    + nestedFields.get() + " in nested objects, " + csvOperations.size() + " CSV imports, "
                    + requests.get() + " requests");
            injected.forEach((op, f) -> System.out.println("  " + op + ": " + f));
        }));
        return tests.stream();
    }

    /** The first column allowed to send the operation: the owner, then staff, then admin, then anyone. */
    private static Role allowedRole(Map<Role, Integer> row) {
        for (Role role : List.of(Role.OWNER_A, Role.STAFF_SAME, Role.ADMIN, Role.USER)) {
            if (row.get(role) / 100 == 2) {
                return role;
            }
        }
        throw new AssertionError("nobody may send it");
    }

    /** Properties of the success response that the request may not carry, plus {@link #ALWAYS}. */
    private static Map<String, JsonNode> serverOwnedFields(JsonNode schemas, JsonNode op, Set<String> clientFields) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            JsonNode schema = resolve(schemas, response.getValue().path("content").path("application/json").path("schema"));
            schema.path("properties").fields().forEachRemaining(p -> fields.put(p.getKey(), p.getValue()));
        }
        for (String always : ALWAYS) {
            fields.putIfAbsent(always, null);
        }
        fields.keySet().removeAll(clientFields);
        return fields;
    }

    private static JsonNode resolve(JsonNode schemas, JsonNode schema) {
        String ref = refName(schema);
        return ref == null ? schema : schemas.path(ref);
    }

    private static String refName(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null && schema.has("allOf")) {
            ref = schema.path("allOf").path(0).path("$ref").asText(null);
        }
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** A well-typed value for the field, so that only its being server-owned can make it fail. */
    private static Object sample(JsonNode schemas, String name, JsonNode property) {
        JsonNode schema = property == null ? null : resolve(schemas, property);
        if (schema != null && schema.has("anyOf")) {
            schema = resolve(schemas, schema.path("anyOf").path(0));
        }
        String type = schema == null ? "" : schema.path("type").isArray() ? schema.path("type").path(0).asText()
                : schema.path("type").asText("");
        if (schema != null && schema.has("enum")) {
            JsonNode values = schema.path("enum");
            return values.path(values.size() - 1).asText();
        }
        if (name.equals("id") || name.endsWith("Id") || (schema != null && "uuid".equals(schema.path("format").asText()))
                || (schema != null && schema.path("pattern").asText().contains("[a-f0-9]{8}"))) {
            return INJECTED_ID;
        }
        if (name.endsWith("At") || (schema != null && "date-time".equals(schema.path("format").asText()))) {
            return "2001-02-03T04:05:06Z";
        }
        return switch (type) {
            case "integer" -> 424242;
            case "number" -> 0.4242;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> Map.of();
            default -> switch (name) {
                case "version" -> 424242;
                case "score" -> 0.4242;
                case "municipalityCode" -> AuthzWorld.OTHER_CODE;
                case "status" -> "ACTIVE";
                default -> "injected-by-client";
            };
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bodyOf(Req req) {
        if (req.body == null) {
            return Map.of();
        }
        if (!(req.body instanceof Map<?, ?> map)) {
            throw new AssertionError("not a JSON object body: " + req);
        }
        return (Map<String, Object>) map;
    }
}
