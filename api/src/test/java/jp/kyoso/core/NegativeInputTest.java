package jp.kyoso.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.kyoso.support.Api;
import jp.kyoso.support.ContractOperations;
import jp.kyoso.support.TableChecksums;
import jp.kyoso.support.walker.ContractSchemas;
import jp.kyoso.support.walker.ContractSchemas.Field;
import jp.kyoso.support.walker.ContractSchemas.Kind;
import jp.kyoso.support.walker.DemoObjects;
import jp.kyoso.support.walker.MalformedValues;
import jp.kyoso.support.walker.Verdicts;
import jp.kyoso.support.walker.Verdicts.Case;
import jp.kyoso.support.walker.Verdicts.Expect;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.walker.ContractSchemas.hasHeaderParameter;
import static jp.kyoso.support.walker.ContractSchemas.isType;
import static jp.kyoso.support.walker.ContractSchemas.kindOf;
import static jp.kyoso.support.walker.JsonSurgery.JSON;
import static jp.kyoso.support.walker.JsonSurgery.NODES;
import static jp.kyoso.support.walker.JsonSurgery.bytes;
import static jp.kyoso.support.walker.JsonSurgery.enc;
import static jp.kyoso.support.walker.JsonSurgery.fieldName;
import static jp.kyoso.support.walker.JsonSurgery.oversized;
import static jp.kyoso.support.walker.JsonSurgery.remove;
import static jp.kyoso.support.walker.JsonSurgery.set;
import static jp.kyoso.support.walker.JsonSurgery.splice;
import static jp.kyoso.support.walker.MalformedValues.INJECTIONS;
import static jp.kyoso.support.walker.MalformedValues.OVERLONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input, never a crash: walks every operation of the committed {@code openapi.yaml} and sends
 * it malformed input (wrong types, missing and extra fields, empty and 100 kB strings, control
 * characters, lone surrogates and invalid UTF-8, huge and negative numbers, numbers as strings and
 * in Unicode digits, bad ids and dates, injection strings, bad enum values, unknown query
 * parameters, dot segments and blank values in paths, arrays of 10,000 nulls or elements,
 * trailing content, deletes without If-Match, a signed-out session's cookie, wrong content types,
 * oversized and malformed bodies), as a user who would be allowed to call the operation and
 * anonymously. Every answer must be a 4xx problem+json without internals, with a status the
 * operation declares, no request may cost the server more than a fraction of a second of CPU,
 * and no table may change. What to send is written here; reading the contract, the wrong values,
 * sending and judging are the walker's support classes ({@code jp.kyoso.support.walker}).
 */
@QuarkusTest
class NegativeInputTest {

    /**
     * No malformed request may cost the server more than a fraction of a second of CPU (a bound
     * far above what any costs when read before validation: a few milliseconds; far below what a
     * long array of bad elements cost when validation saw it: seconds).
     */
    private static final long MAX_CPU_MICROS = 400_000;
    /** Long arrays: refused while they are read, at their first null or as too long. */
    private static final int LONG_ARRAY = 10_000;
    private static final String NULL_REFUSED = "null は使えません";

    @Inject
    AgroalDataSource dataSource;

    private ContractSchemas schemas;
    private MalformedValues values;
    private DemoObjects demo;
    private final Verdicts verdicts = new Verdicts();
    private Map<String, String> signedOutCookies;

    @Test
    void everyOperationAnswersMalformedInputWithAProblemAndChangesNothing() throws Exception {
        String throwaway = Api.unique("walker");
        for (String user : List.of("admin", "sanyo-manager", "sanyo-owner", "sanyo-staff", throwaway)) {
            as(user).get("/api/v1/me").then().statusCode(200);
        }
        demo = new DemoObjects(throwaway);
        demo.discover();
        schemas = new ContractSchemas(ContractSchemas.read(), demo::idFor);
        values = new MalformedValues(schemas);
        Map<String, String> ids = demo.ids;
        if (ids.get("invitations/invitationId") == null) {
            // The demo data has no open invitation: make one, before the first checksum.
            JsonPath invitation = as("sanyo-owner").body(Map.of("role", "EDITOR"))
                    .post("/api/v1/organizations/" + ids.get("organizations/id") + "/invitations")
                    .then().statusCode(201).extract().jsonPath();
            ids.put("invitations/invitationId", invitation.getString("id"));
            ids.put("invitations/code", invitation.getString("code"));
        }
        // A conversation with the organisation, for the message operations, before the first checksum.
        ids.put("messages/messageId", as("resident").body(Map.of("subject", "質問", "body", "活動日を教えてください。"))
                .post("/api/v1/organizations/" + ids.get("organizations/id") + "/messages")
                .then().statusCode(201).extract().path("id"));
        // An endpoint of the organisation and one of the municipality (disabled: nothing is sent), before the first checksum.
        Map<String, Object> hook = Map.of("url", "http://127.0.0.1:9/walker", "eventTypes", List.of("listing.created"),
                "enabled", false);
        ids.put("organizations/webhooks/webhookId", as("sanyo-owner").body(hook)
                .post("/api/v1/organizations/" + ids.get("organizations/id") + "/webhooks")
                .then().statusCode(201).extract().path("id"));
        ids.put("municipalities/webhooks/webhookId", as("sanyo-manager").body(hook)
                .post("/api/v1/municipalities/" + ids.get("municipalities/code") + "/webhooks")
                .then().statusCode(201).extract().path("id"));
        // Every path parameter must point at a real object, or validation would never be reached.
        ids.forEach((kind, id) -> assertNotNull(id, "no demo object found for " + kind));
        signedOutCookies = DemoObjects.signedOutSession();
        Map<String, String> before = TableChecksums.of(dataSource);

        int operations = 0;
        for (Map.Entry<String, JsonNode> op : ContractOperations.operations(schemas.contract()).entrySet()) {
            String[] methodAndPath = op.getKey().split(" ", 2);
            operations++;
            walk(methodAndPath[0], methodAndPath[1], op.getValue());
        }

        Map<String, String> after = TableChecksums.of(dataSource);
        List<String> changed = before.keySet().stream()
                .filter(t -> !before.get(t).equals(after.get(t))).toList();
        Verdicts v = verdicts;
        System.out.printf("NegativeInputTest: %d operations, %d malformed requests sent (%d anonymously), %d 2xx "
                        + "answers to injection strings in free-text search parameters, %d sign-in redirects to a path of "
                        + "this site, statuses %s%n", operations, v.sent, v.anonymous(), v.tolerated, v.signInRedirects,
                v.statuses);
        v.categories.forEach((category, n) -> System.out.printf("  %-48s %6d   most CPU %6d µs%n", category, n,
                v.cpuByCategory.getOrDefault(category, 0L)));
        System.out.printf("NegativeInputTest: the most CPU one request cost: %d µs (%s)%n", v.mostCpuMicros, v.mostCpuCase);
        v.failures.stream().limit(60).forEach(f -> System.out.println("  FAIL " + f));
        Files.write(Path.of("target", "negative-input-failures.txt"), v.failures);
        assertTrue(operations >= 90, "the contract has all its operations: " + operations);
        assertEquals(List.of(), changed, "tables changed by malformed requests");
        assertTrue(v.mostCpuMicros < MAX_CPU_MICROS, "a malformed request cost " + v.mostCpuMicros + " µs of CPU: "
                + v.mostCpuCase);
        assertEquals(0, v.failures.size(), v.failures.size() + " malformed requests were not answered with a "
                + "4xx problem+json; first: " + v.failures.stream().limit(20).toList());
    }

    /**
     * Every string and every array a client can send in a JSON body has a limit in the contract
     * (maxLength, maxItems): the server refuses a longer one while reading it, before validation.
     */
    @Test
    void everyStringAndArrayOfARequestBodyIsBounded() throws IOException {
        schemas = new ContractSchemas(ContractSchemas.read(), property -> null);
        List<String> unbounded = new ArrayList<>();
        for (JsonNode item : schemas.contract().path("paths")) {
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
                JsonNode schema = ops.next().getValue().path("requestBody").path("content")
                        .path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    bounded(schema, "body", unbounded, new HashSet<>());
                }
            }
        }
        assertEquals(List.of(), unbounded.stream().distinct().toList(), "strings without maxLength, arrays without maxItems");
    }

    private void bounded(JsonNode schema, String where, List<String> unbounded, Set<String> seen) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText();
            if (!seen.add(name)) {
                return;
            }
            where = name.substring(name.lastIndexOf('/') + 1);
        }
        JsonNode s = schemas.resolve(schema);
        if (isType(s, "string") && !s.has("enum") && !s.has("format") && !s.has("maxLength")
                && !s.path("pattern").asText().endsWith("$")) {
            unbounded.add(where);
        }
        for (Iterator<Map.Entry<String, JsonNode>> p = s.path("properties").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> property = p.next();
            bounded(property.getValue(), where + "." + property.getKey(), unbounded, seen);
        }
        if (isType(s, "array") && !s.has("maxItems")) {
            unbounded.add(where + " (array)");
        }
        if (s.has("items")) {
            bounded(s.get("items"), where + "[]", unbounded, seen);
        }
    }

    private void walk(String method, String path, JsonNode op) throws Exception {
        String user = demo.userFor(method, path);
        boolean browserLogin = path.startsWith("/api/v1/auth/");
        List<JsonNode> parameters = new ArrayList<>();
        op.path("parameters").forEach(parameters::add);
        Map<String, String> headers = new LinkedHashMap<>();
        if (method.equals("PUT") || method.equals("DELETE")) {
            headers.put("If-Match", demo.etag(user, path));
        }
        String base = demo.fill(path, null, null);

        // Unknown query parameters (the browser login endpoints belong to the OIDC flow and are left alone).
        if (!browserLogin) {
            for (String unknown : List.of("bogus=1", "pagee=2", "__proto__=x", "q=x&bogus=", "sort=name;drop")) {
                if (unknown.startsWith("q=") && parameters.stream().anyMatch(p -> p.path("name").asText().equals("q"))) {
                    continue;
                }
                verdicts.send(new Case("unknown query parameter", user, method, base, unknown, headers, null, null, false), op);
                verdicts.send(new Case("unknown query parameter (anonymous)", null, method, base, unknown, Map.of(), null, null, false), op);
            }
        }

        // Path parameters, one at a time, the others real.
        for (JsonNode p : parameters) {
            if (!"path".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            for (String bad : values.badPathValues(p)) {
                String corrupted = demo.fill(path, name, bad);
                verdicts.send(new Case("bad path parameter", user, method, corrupted, null, headers, null, null, false), op);
            }
            verdicts.send(new Case("bad path parameter (anonymous)", null, method, demo.fill(path, name, "not-a-uuid"), null,
                    Map.of(), null, null, false), op);
            // Dot segments and encoded separators never reach the parent resource: refused before routing.
            // Where the parameter shares its segment with a suffix ({id}.ics), dots alone make no dot
            // segment: the value is then just malformed, a 400 naming the parameter.
            boolean wholeSegment = path.contains("{" + name + "}/") || path.endsWith("{" + name + "}");
            for (String dots : List.of("%2e%2e", "%2E%2E", "%2e", "..", ".", "a%2fb", "a%5Cb", "%2e%2e%2f%2e%2e")) {
                boolean separator = dots.toLowerCase().contains("%2f") || dots.toLowerCase().contains("%5c");
                verdicts.send(new Case("dot segment or separator in a path parameter", user, method, demo.fill(path, name, dots), null,
                        headers, null, null, false).expecting(new Expect(400, wholeSegment || separator ? "path" : name, null)), op);
            }
            // Blank values are a 400 naming the parameter (one parser for every path parameter).
            for (String blank : List.of("%20", "%09", "%0A", "%E3%80%80", "%20%20")) {
                verdicts.send(new Case("blank path parameter", user, method, demo.fill(path, name, blank), null, headers, null, null,
                        false).expecting(new Expect(400, name, null)), op);
            }
            if (isType(schemas.resolve(p.path("schema")), "integer")) {
                verdicts.send(new Case("Unicode digits in a path parameter", user, method, demo.fill(path, name, enc("１")), null,
                        headers, null, null, false).expecting(new Expect(400, name, null)), op);
            }
        }

        // Declared query parameters, one at a time.
        for (JsonNode p : parameters) {
            if (!"query".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            JsonNode schema = schemas.resolve(p.path("schema"));
            boolean freeText = isType(schema, "string") && !schema.has("enum") && !schema.has("format");
            if (kindOf(schema) == Kind.INTEGER) {
                verdicts.send(new Case("Unicode digits in a query parameter", user, method, base, name + "=" + enc("１２"),
                        headers, null, null, false).expecting(new Expect(400, name, null)), op);
            }
            for (String bad : values.badQueryValues(schema)) {
                boolean tolerated = freeText && INJECTIONS.stream().map(jp.kyoso.support.walker.JsonSurgery::enc).anyMatch(bad::equals);
                verdicts.send(new Case(freeText ? "free-text query parameter" : "bad query parameter", user, method, base,
                        name + "=" + bad, headers, null, null, tolerated), op);
            }
            if (!browserLogin) {
                verdicts.send(new Case("bad query parameter (anonymous)", null, method, base, name + "=%00%C3%28",
                        Map.of(), null, null, false), op);
            }
        }

        // Headers.
        for (JsonNode p : parameters) {
            if ("header".equals(p.path("in").asText()) && "Idempotency-Key".equals(p.path("name").asText())) {
                Map<String, String> h = new LinkedHashMap<>(headers);
                h.put("Idempotency-Key", "k".repeat(300));
                verdicts.send(new Case("bad header", user, method, base, null, h, null, null, false), op);
            }
        }
        // Deleting versioned data needs the ETag that was read; a weak tag never matches.
        if (method.equals("DELETE") && hasHeaderParameter(op, "If-Match")) {
            Map<String, String> none = new LinkedHashMap<>(headers);
            none.remove("If-Match");
            verdicts.send(new Case("DELETE without If-Match", user, method, base, null, none, null, null, false)
                    .expecting(new Expect(428, null, null)), op);
            Map<String, String> weak = new LinkedHashMap<>(headers);
            weak.put("If-Match", "W/" + headers.get("If-Match"));
            verdicts.send(new Case("DELETE with a weak ETag", user, method, base, null, weak, null, null, false)
                    .expecting(new Expect(412, null, null)), op);
        }
        // A session cookie copied before its owner signed out reads and writes nothing.
        if (!browserLogin && !method.equals("GET")) {
            Map<String, String> stale = new LinkedHashMap<>(headers);
            stale.put("Cookie", signedOutCookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining("; ")));
            stale.put("X-CSRF-Token", signedOutCookies.getOrDefault("kyoso_csrf", ""));
            JsonNode content = op.path("requestBody").path("content");
            byte[] body = content.has("application/json")
                    ? bytes(schemas.plausible(content.get("application/json").path("schema"), "")) : null;
            verdicts.send(new Case("signed-out session cookie", null, method, base, null, stale,
                    body == null ? null : "application/json", body, false), op);
        }
        if (method.equals("GET") && !browserLogin) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put("Accept", "application/xml");
            verdicts.send(new Case("unacceptable Accept header", user, method, base, null, h, null, null, false), op);
        }

        JsonNode content = op.path("requestBody").path("content");
        if (content.has("application/json")) {
            jsonBodies(user, method, base, headers, op, content.get("application/json").path("schema"));
        } else if (content.has("text/csv")) {
            csvBodies(user, method, base, headers, op, path);
        }
    }

    private void jsonBodies(String user, String method, String path, Map<String, String> headers, JsonNode op,
                            JsonNode schema) throws Exception {
        JsonNode plausible = schemas.plausible(schema, "");
        String json = "application/json";
        // Malformed JSON and wrong top-level shapes.
        // An empty body is a missing one; operations whose body has no required field take that as {}.
        boolean bodyRequired = op.path("requestBody").path("required").asBoolean(false)
                && schemas.resolve(schema).path("required").size() > 0;
        if (bodyRequired) {
            verdicts.send(new Case("malformed JSON", user, method, path, null, headers, json, bytes(""), false), op);
            verdicts.send(new Case("malformed JSON", user, method, path, null, headers, json, bytes("null"), false), op);
        }
        verdicts.send(new Case("malformed JSON, chunked", user, method, path, null, headers, json, bytes("{\"a\":[1,"), false), op);
        for (String text : List.of("{", "{\"a\":", "{'name':'x'}", "[1,2", "nul", "{\"a\":1}}", "[]",
                "\"text\"", "123", "true", "{\"a\":1,}", "{\"a\" 1}", "\u00ef\u00bb\u00bf{}", "{\"a\":NaN}",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":\"unterminated}")) {
            verdicts.send(new Case("malformed JSON", user, method, path, null, headers, json, bytes(text), false), op);
        }
        verdicts.send(new Case("malformed JSON (anonymous)", null, method, path, null, Map.of(), json, bytes("{\"a\":"), false), op);
        // Extra fields, duplicates.
        for (Map.Entry<String, JsonNode> extra : Map.<String, JsonNode>of(
                "unexpected", NODES.numberNode(1), "id", NODES.textNode(UUID.randomUUID().toString()),
                "version", NODES.numberNode(0), "createdAt", NODES.textNode("2020-01-01T00:00:00Z"),
                "__proto__", NODES.objectNode().put("admin", true), "municipalityCode", NODES.textNode("352039"),
                "status", NODES.textNode("ACTIVE")).entrySet()) {
            if (plausible.isObject() && !plausible.has(extra.getKey())) {
                ObjectNode body = ((ObjectNode) plausible).deepCopy();
                body.set(extra.getKey(), extra.getValue());
                verdicts.send(new Case("extra field", user, method, path, null, headers, json, bytes(body), false), op);
                if (extra.getKey().equals("unexpected")) {
                    verdicts.send(new Case("extra field (anonymous)", null, method, path, null, Map.of(), json, bytes(body), false), op);
                }
            }
        }
        List<Field> fields = schemas.fields(schema);
        Field firstString = fields.stream().filter(f -> f.kind() == Kind.TEXT).findFirst().orElse(null);
        if (plausible.isObject() && plausible.size() > 0) {
            String key = plausible.fieldNames().next();
            String dup = "{\"" + key + "\":" + plausible.get(key) + "," + JSON.writeValueAsString(plausible).substring(1);
            verdicts.send(new Case("duplicate field", user, method, path, null, headers, json, bytes(dup), false), op);
        }
        // Content after the value: one JSON document per body.
        for (String trailing : List.of("garbage", " {}", "]", "\n\"x\"")) {
            verdicts.send(new Case("content after the JSON value", user, method, path, null, headers, json,
                    bytes(JSON.writeValueAsString(plausible) + trailing), false).expecting(new Expect(400, null, null)), op);
        }
        for (Field f : fields) {
            String name = fieldName(f.path());
            if (f.kind() == Kind.TEXT) {
                // A lone surrogate is not text (it would be stored as '?').
                for (String lone : List.of("\\ud800", "a\\udc00b", "\\udbff")) {
                    byte[] body = bytes(JSON.writeValueAsString(set(plausible, f.path(), NODES.textNode("MARK")))
                            .replace("MARK", lone));
                    verdicts.send(new Case("lone surrogate in a string", user, method, path, null, headers, json, body, false)
                            .expecting(new Expect(400, name, null)), op);
                }
            }
            if (f.kind() == Kind.INTEGER || f.kind() == Kind.NUMBER) {
                // A string is not a number, least of all one in full-width or other Unicode digits.
                for (String digits : List.of("１２", "12", "١٢")) {
                    verdicts.send(new Case("number as a string or in Unicode digits", user, method, path, null, headers, json,
                            bytes(set(plausible, f.path(), NODES.textNode(digits))), false)
                            .expecting(new Expect(400, name, null)), op);
                }
            }
            if (f.kind() == Kind.BOOLEAN) {
                verdicts.send(new Case("boolean as a string", user, method, path, null, headers, json,
                        bytes(set(plausible, f.path(), NODES.textNode("true"))), false)
                        .expecting(new Expect(400, name, null)), op);
            }
            if (f.kind() == Kind.ARRAY) {
                // Ten thousand nulls: refused at the first, while reading, before any validation.
                ArrayNode nulls = NODES.arrayNode();
                ArrayNode many = NODES.arrayNode();
                JsonNode item = schemas.plausible(f.schema().path("items"), String.valueOf(f.path().get(f.path().size() - 1)));
                for (int i = 0; i < LONG_ARRAY; i++) {
                    nulls.addNull();
                    many.add(item);
                }
                verdicts.send(new Case("array of 10,000 nulls", user, method, path, null, headers, json,
                        bytes(set(plausible, f.path(), nulls)), false)
                        .expecting(new Expect(400, name + "[0]", NULL_REFUSED)), op);
                int max = f.schema().path("maxItems").asInt(Integer.MAX_VALUE);
                if (max < LONG_ARRAY) {
                    verdicts.send(new Case("array of 10,000 elements", user, method, path, null, headers, json,
                            bytes(set(plausible, f.path(), many)), false)
                            .expecting(new Expect(400, name, "要素は " + max + " 個までです")), op);
                }
            }
        }
        // Wrong content types and an oversized body.
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json-patch+json", "text/csv")) {
            verdicts.send(new Case("wrong content type", user, method, path, null, headers, type, bytes(plausible), false), op);
        }
        verdicts.send(new Case("wrong content type", user, method, path, null, headers, null, bytes(plausible), false), op);
        verdicts.send(new Case("oversized body", user, method, path, null, headers, json, oversized(plausible), false), op);
        verdicts.send(new Case("oversized body, chunked", user, method, path, null, headers, json, oversized(plausible), false), op);
        verdicts.send(new Case("oversized body (anonymous)", null, method, path, null, Map.of(), json, oversized(plausible), false), op);
        // Invalid UTF-8 and raw control characters inside a string of an otherwise plausible body.
        for (byte[] invalid : List.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xFF},
                new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[]{(byte) 0xE3, (byte) 0x81}, new byte[]{0x01}, new byte[]{0x00})) {
            byte[] body = firstString == null ? splice(bytes("{\"unexpected\":\"MARK\"}"), invalid)
                    : splice(bytes(set(plausible, firstString.path(), NODES.textNode("MARK"))), invalid);
            verdicts.send(new Case(invalid[0] >= 0 && invalid[0] < 0x20 ? "raw control character in JSON" : "invalid UTF-8 in JSON",
                    user, method, path, null, headers, json, body, false), op);
        }
        // Missing required fields.
        for (Field f : fields) {
            if (f.required() && f.path().size() >= 1) {
                verdicts.send(new Case("missing required field", user, method, path, null, headers, json,
                        bytes(remove(plausible, f.path())), false), op);
            }
        }
        // Each field corrupted on its own, the rest plausible.
        for (Field f : fields) {
            for (JsonNode bad : values.badValues(f)) {
                verdicts.send(new Case("bad " + f.kind().name().toLowerCase() + " field", user, method, path, null, headers,
                        json, bytes(set(plausible, f.path(), bad)), false), op);
            }
            if (f.kind() == Kind.TEXT) {
                // Injection strings are legitimate text: sent with another defect, they must not cause a crash.
                Field other = fields.stream().filter(o -> o.required() && o.path().size() == 1 && !o.equals(f))
                        .findFirst().orElse(null);
                for (String injection : INJECTIONS) {
                    JsonNode body = set(plausible, f.path(), NODES.textNode(injection));
                    body = other != null ? remove(body, other.path())
                            : set(body, List.of("unexpected"), NODES.booleanNode(true));
                    verdicts.send(new Case("injection string in body", user, method, path, null, headers, json, bytes(body), false), op);
                }
            }
        }
    }

    private void csvBodies(String user, String method, String path, Map<String, String> headers, JsonNode op,
                           String template) throws Exception {
        String csvPath = path;
        String exported = RestAssured.given().auth().oauth2(Api.token(user)).get(csvPath).then().extract().asString();
        String header = exported.lines().findFirst().orElse("code,title");
        String firstRow = exported.lines().skip(1).findFirst().orElse("");
        String csv = "text/csv";
        List<String> texts = new ArrayList<>(List.of("", "a,b,c\n1,2,3\n", "\"unterminated\n", header + "\n\"a,\"b\n",
                header + "\n" + OVERLONG + "\n"));
        if (!firstRow.isEmpty()) {
            // The exported rows with one cell made unreadable (control characters) or a whole row of
            // nonsense (some columns, such as labels, are ignored on import, so one bad cell there is fine).
            String rest = exported.lines().skip(2).map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
            String[] cells = firstRow.split(",", -1);
            for (String bad : List.of("a\u0000b", "\u001b[2J")) {
                for (int i = 0; i < cells.length; i++) {
                    String[] copy = cells.clone();
                    copy[i] = bad;
                    texts.add(header + "\n" + String.join(",", copy) + "\n" + rest);
                }
            }
            for (String bad : List.of(OVERLONG, "99999999999999999999", "-1e400", "abc", "2025-02-30", "<script>")) {
                texts.add(header + "\n" + String.join(",", java.util.Collections.nCopies(cells.length, bad)) + "\n" + rest);
            }
        }
        for (String text : texts) {
            verdicts.send(new Case("malformed CSV", user, method, path, null, headers, csv, bytes(text), false), op);
        }
        verdicts.send(new Case("invalid UTF-8 in CSV", user, method, path, null, headers, csv,
                splice(bytes(header + "\nMARK\n"), new byte[]{(byte) 0xFF, (byte) 0xC3, 0x28}), false), op);
        verdicts.send(new Case("wrong content type", user, method, path, null, headers, "application/json", bytes("{\"a\":1}"), false), op);
        verdicts.send(new Case("wrong content type", user, method, path, null, headers, "application/xml", bytes(header + "\n"), false), op);
        verdicts.send(new Case("wrong content type", user, method, path, null, headers, null, bytes(header + "\n"), false), op);
        byte[] big = bytes(header + "\n" + ("x".repeat(1000) + "\n").repeat(1_300));
        verdicts.send(new Case("oversized body", user, method, path, null, headers, csv, big, false), op);
        verdicts.send(new Case("oversized body (anonymous)", null, method, path, null, Map.of(), csv, big, false), op);
    }
}
