package jp.kyoso.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.kyoso.support.Api;
import jp.kyoso.support.ContractOperations;
import jp.kyoso.support.ContractValidation;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jp.kyoso.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input, never a crash: walks every operation of the committed {@code openapi.yaml} and sends
 * it malformed input (wrong types, missing and extra fields, empty and 100 kB strings, control
 * characters and invalid UTF-8, huge and negative numbers, bad ids and dates, injection strings,
 * bad enum values, unknown query parameters, wrong content types, oversized and malformed bodies),
 * as a user who would be allowed to call the operation and anonymously. Every answer must be a
 * 4xx problem+json without internals, and no table may change.
 */
@QuarkusTest
class NegativeInputTest {

    private static final Path CONTRACT = Path.of("..", "openapi.yaml");
    private static final String PROBLEM = "application/problem+json";
    private static final String MUNICIPALITY = Api.SANYO_ONODA;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OVERLONG = "x".repeat(100_000);
    /**
     * No malformed request may cost the server more than a fraction of a second of CPU (a bound
     * far above what any costs when read before validation: a few milliseconds; far below what a
     * long array of bad elements cost when validation saw it: seconds).
     */
    private static final long MAX_CPU_MICROS = 400_000;
    /** Long arrays: refused while they are read, at their first null or as too long. */
    private static final int LONG_ARRAY = 10_000;
    private static final String NULL_REFUSED = "null は使えません";
    private static final List<String> INJECTIONS = List.of(
            "' OR '1'='1'; DROP TABLE app_user; --",
            "1; SELECT pg_sleep(20)--",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "${jndi:ldap://127.0.0.1/a}",
            "../../../../etc/passwd");
    private static final List<String> CONTROL = List.of("a\u0000b", "bell\u0007", "\u001b[2J", "x\u001fy", "\b");
    /** What a client must never see: stack traces, SQL, driver or class names. */
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at jp.", "jp.kyoso", "org.hibernate",
            "org.postgresql", "PSQL", "SQLState", "ERROR: ", "io.quarkus", "io.vertx", "java.lang");

    @Inject
    AgroalDataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private JsonNode contract;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, Integer> categories = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int sent;
    private int tolerated;
    private int signInRedirects;
    private String throwaway;

    /** One malformed request and how its answer is judged. */
    private record Case(String category, String user, String method, String path, String query,
                        Map<String, String> headers, String contentType, byte[] body, boolean freeText, Expect expect) {

        Case(String category, String user, String method, String path, String query, Map<String, String> headers,
             String contentType, byte[] body, boolean freeText) {
            this(category, user, method, path, query, headers, contentType, body, freeText, null);
        }

        Case expecting(Expect e) {
            return new Case(category, user, method, path, query, headers, contentType, body, freeText, e);
        }
    }

    /**
     * What a case must get beyond "a 4xx problem": a status (0: any 4xx), the field its first
     * error names and that error's message (null: any).
     */
    private record Expect(int status, String field, String message) {
    }

    /** The most CPU time one malformed request cost the server (RequestCpu), and which. */
    private long mostCpuMicros;
    private String mostCpuCase = "";
    private final Map<String, Long> cpuByCategory = new TreeMap<>();
    private Map<String, String> signedOutCookies;

    @Test
    void everyOperationAnswersMalformedInputWithAProblemAndChangesNothing() throws Exception {
        contract = new ObjectMapper(new YAMLFactory()).readTree(CONTRACT.toFile());
        throwaway = Api.unique("walker");
        for (String user : List.of("admin", "sanyo-manager", "sanyo-owner", "sanyo-staff", throwaway)) {
            as(user).get("/api/v1/me").then().statusCode(200);
        }
        discoverIds();
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
        // Every path parameter must point at a real object, or validation would never be reached.
        ids.forEach((kind, id) -> assertNotNull(id, "no demo object found for " + kind));
        signedOutCookies = signedOutSession();
        Map<String, String> before = checksums();

        int operations = 0;
        for (Map.Entry<String, JsonNode> op : ContractOperations.operations(contract).entrySet()) {
            String[] methodAndPath = op.getKey().split(" ", 2);
            operations++;
            walk(methodAndPath[0], methodAndPath[1], op.getValue());
        }

        Map<String, String> after = checksums();
        List<String> changed = before.keySet().stream()
                .filter(t -> !before.get(t).equals(after.get(t))).toList();
        System.out.printf("NegativeInputTest: %d operations, %d malformed requests sent (%d anonymously), %d 2xx "
                        + "answers to injection strings in free-text search parameters, %d sign-in redirects to a path of "
                        + "this site, statuses %s%n", operations, sent,
                categories.entrySet().stream().filter(e -> e.getKey().contains("anonymous")).mapToInt(Map.Entry::getValue).sum(),
                tolerated, signInRedirects, statuses);
        categories.forEach((category, n) -> System.out.printf("  %-48s %6d   most CPU %6d µs%n", category, n,
                cpuByCategory.getOrDefault(category, 0L)));
        System.out.printf("NegativeInputTest: the most CPU one request cost: %d µs (%s)%n", mostCpuMicros, mostCpuCase);
        failures.stream().limit(60).forEach(f -> System.out.println("  FAIL " + f));
        java.nio.file.Files.write(Path.of("target", "negative-input-failures.txt"), failures);
        assertTrue(operations >= 90, "the contract has all its operations: " + operations);
        assertEquals(List.of(), changed, "tables changed by malformed requests");
        assertTrue(mostCpuMicros < MAX_CPU_MICROS, "a malformed request cost " + mostCpuMicros + " µs of CPU: " + mostCpuCase);
        assertEquals(0, failures.size(), failures.size() + " malformed requests were not answered with a "
                + "4xx problem+json; first: " + failures.stream().limit(20).toList());
    }

    /**
     * Every string and every array a client can send in a JSON body has a limit in the contract
     * (maxLength, maxItems): the server refuses a longer one while reading it, before validation.
     */
    @Test
    void everyStringAndArrayOfARequestBodyIsBounded() throws IOException {
        contract = new ObjectMapper(new YAMLFactory()).readTree(CONTRACT.toFile());
        List<String> unbounded = new ArrayList<>();
        for (JsonNode item : contract.path("paths")) {
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
                JsonNode schema = ops.next().getValue().path("requestBody").path("content")
                        .path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    bounded(schema, "body", unbounded, new java.util.HashSet<>());
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
        JsonNode s = resolve(schema);
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

    // ------------------------------------------------------------------ the walk

    private void walk(String method, String path, JsonNode op) throws Exception {
        String user = userFor(method, path);
        boolean browserLogin = path.startsWith("/api/v1/auth/");
        List<JsonNode> parameters = new ArrayList<>();
        op.path("parameters").forEach(parameters::add);
        Map<String, String> headers = new LinkedHashMap<>();
        if (method.equals("PUT") || method.equals("DELETE")) {
            headers.put("If-Match", etag(user, path));
        }
        String base = fill(path, null, null);

        // Unknown query parameters (the browser login endpoints belong to the OIDC flow and are left alone).
        if (!browserLogin) {
            for (String unknown : List.of("bogus=1", "pagee=2", "__proto__=x", "q=x&bogus=", "sort=name;drop")) {
                if (unknown.startsWith("q=") && parameters.stream().anyMatch(p -> p.path("name").asText().equals("q"))) {
                    continue;
                }
                send(new Case("unknown query parameter", user, method, base, unknown, headers, null, null, false), op);
                send(new Case("unknown query parameter (anonymous)", null, method, base, unknown, Map.of(), null, null, false), op);
            }
        }

        // Path parameters, one at a time, the others real.
        for (JsonNode p : parameters) {
            if (!"path".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            for (String bad : badPathValues(p)) {
                String corrupted = fill(path, name, bad);
                send(new Case("bad path parameter", user, method, corrupted, null, headers, null, null, false), op);
            }
            send(new Case("bad path parameter (anonymous)", null, method, fill(path, name, "not-a-uuid"), null,
                    Map.of(), null, null, false), op);
            // Dot segments and encoded separators never reach the parent resource: refused before routing.
            for (String dots : List.of("%2e%2e", "%2E%2E", "%2e", "..", ".", "a%2fb", "a%5Cb", "%2e%2e%2f%2e%2e")) {
                send(new Case("dot segment or separator in a path parameter", user, method, fill(path, name, dots), null,
                        headers, null, null, false).expecting(new Expect(400, "path", null)), op);
            }
            // Blank values are a 400 naming the parameter (one parser for every path parameter).
            for (String blank : List.of("%20", "%09", "%0A", "%E3%80%80", "%20%20")) {
                send(new Case("blank path parameter", user, method, fill(path, name, blank), null, headers, null, null,
                        false).expecting(new Expect(400, name, null)), op);
            }
            if (isType(resolve(p.path("schema")), "integer")) {
                send(new Case("Unicode digits in a path parameter", user, method, fill(path, name, enc("１")), null,
                        headers, null, null, false).expecting(new Expect(400, name, null)), op);
            }
        }

        // Declared query parameters, one at a time.
        for (JsonNode p : parameters) {
            if (!"query".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            JsonNode schema = resolve(p.path("schema"));
            boolean freeText = isType(schema, "string") && !schema.has("enum") && !schema.has("format");
            if (kindOf(schema) == Kind.INTEGER) {
                send(new Case("Unicode digits in a query parameter", user, method, base, name + "=" + enc("１２"),
                        headers, null, null, false).expecting(new Expect(400, name, null)), op);
            }
            for (String bad : badQueryValues(schema)) {
                boolean tolerated = freeText && INJECTIONS.stream().map(NegativeInputTest::enc).anyMatch(bad::equals);
                send(new Case(freeText ? "free-text query parameter" : "bad query parameter", user, method, base,
                        name + "=" + bad, headers, null, null, tolerated), op);
            }
            if (!browserLogin) {
                send(new Case("bad query parameter (anonymous)", null, method, base, name + "=%00%C3%28",
                        Map.of(), null, null, false), op);
            }
        }

        // Headers.
        for (JsonNode p : parameters) {
            if ("header".equals(p.path("in").asText()) && "Idempotency-Key".equals(p.path("name").asText())) {
                Map<String, String> h = new LinkedHashMap<>(headers);
                h.put("Idempotency-Key", "k".repeat(300));
                send(new Case("bad header", user, method, base, null, h, null, null, false), op);
            }
        }
        // Deleting versioned data needs the ETag that was read; a weak tag never matches.
        if (method.equals("DELETE") && hasHeaderParameter(op, "If-Match")) {
            Map<String, String> none = new LinkedHashMap<>(headers);
            none.remove("If-Match");
            send(new Case("DELETE without If-Match", user, method, base, null, none, null, null, false)
                    .expecting(new Expect(428, null, null)), op);
            Map<String, String> weak = new LinkedHashMap<>(headers);
            weak.put("If-Match", "W/" + headers.get("If-Match"));
            send(new Case("DELETE with a weak ETag", user, method, base, null, weak, null, null, false)
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
                    ? bytes(plausible(content.get("application/json").path("schema"), "")) : null;
            send(new Case("signed-out session cookie", null, method, base, null, stale,
                    body == null ? null : "application/json", body, false), op);
        }
        if (method.equals("GET") && !browserLogin) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put("Accept", "application/xml");
            send(new Case("unacceptable Accept header", user, method, base, null, h, null, null, false), op);
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
        JsonNode plausible = plausible(schema, "");
        String json = "application/json";
        // Malformed JSON and wrong top-level shapes.
        // An empty body is a missing one; operations whose body has no required field take that as {}.
        boolean bodyRequired = op.path("requestBody").path("required").asBoolean(false)
                && resolve(schema).path("required").size() > 0;
        if (bodyRequired) {
            send(new Case("malformed JSON", user, method, path, null, headers, json, bytes(""), false), op);
            send(new Case("malformed JSON", user, method, path, null, headers, json, bytes("null"), false), op);
        }
        send(new Case("malformed JSON, chunked", user, method, path, null, headers, json, bytes("{\"a\":[1,"), false), op);
        for (String text : List.of("{", "{\"a\":", "{'name':'x'}", "[1,2", "nul", "{\"a\":1}}", "[]",
                "\"text\"", "123", "true", "{\"a\":1,}", "{\"a\" 1}", "\u00ef\u00bb\u00bf{}", "{\"a\":NaN}",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":\"unterminated}")) {
            send(new Case("malformed JSON", user, method, path, null, headers, json, bytes(text), false), op);
        }
        send(new Case("malformed JSON (anonymous)", null, method, path, null, Map.of(), json, bytes("{\"a\":"), false), op);
        // Extra fields, duplicates.
        for (Map.Entry<String, JsonNode> extra : Map.<String, JsonNode>of(
                "unexpected", NODES.numberNode(1), "id", NODES.textNode(UUID.randomUUID().toString()),
                "version", NODES.numberNode(0), "createdAt", NODES.textNode("2020-01-01T00:00:00Z"),
                "__proto__", NODES.objectNode().put("admin", true), "municipalityCode", NODES.textNode("352039"),
                "status", NODES.textNode("ACTIVE")).entrySet()) {
            if (plausible.isObject() && !plausible.has(extra.getKey())) {
                ObjectNode body = ((ObjectNode) plausible).deepCopy();
                body.set(extra.getKey(), extra.getValue());
                send(new Case("extra field", user, method, path, null, headers, json, bytes(body), false), op);
                if (extra.getKey().equals("unexpected")) {
                    send(new Case("extra field (anonymous)", null, method, path, null, Map.of(), json, bytes(body), false), op);
                }
            }
        }
        List<Field> fields = new ArrayList<>();
        fields(schema, new ArrayList<>(), true, fields, 0);
        Field firstString = fields.stream().filter(f -> f.kind() == Kind.TEXT).findFirst().orElse(null);
        if (plausible.isObject() && plausible.size() > 0) {
            String key = plausible.fieldNames().next();
            String dup = "{\"" + key + "\":" + plausible.get(key) + "," + JSON.writeValueAsString(plausible).substring(1);
            send(new Case("duplicate field", user, method, path, null, headers, json, bytes(dup), false), op);
        }
        // Content after the value: one JSON document per body.
        for (String trailing : List.of("garbage", " {}", "]", "\n\"x\"")) {
            send(new Case("content after the JSON value", user, method, path, null, headers, json,
                    bytes(JSON.writeValueAsString(plausible) + trailing), false).expecting(new Expect(400, null, null)), op);
        }
        for (Field f : fields) {
            String name = fieldName(f.path());
            if (f.kind() == Kind.TEXT) {
                // A lone surrogate is not text (it would be stored as '?').
                for (String lone : List.of("\\ud800", "a\\udc00b", "\\udbff")) {
                    byte[] body = bytes(JSON.writeValueAsString(set(plausible, f.path(), NODES.textNode("MARK")))
                            .replace("MARK", lone));
                    send(new Case("lone surrogate in a string", user, method, path, null, headers, json, body, false)
                            .expecting(new Expect(400, name, null)), op);
                }
            }
            if (f.kind() == Kind.INTEGER || f.kind() == Kind.NUMBER) {
                // A string is not a number, least of all one in full-width or other Unicode digits.
                for (String digits : List.of("１２", "12", "١٢")) {
                    send(new Case("number as a string or in Unicode digits", user, method, path, null, headers, json,
                            bytes(set(plausible, f.path(), NODES.textNode(digits))), false)
                            .expecting(new Expect(400, name, null)), op);
                }
            }
            if (f.kind() == Kind.BOOLEAN) {
                send(new Case("boolean as a string", user, method, path, null, headers, json,
                        bytes(set(plausible, f.path(), NODES.textNode("true"))), false)
                        .expecting(new Expect(400, name, null)), op);
            }
            if (f.kind() == Kind.ARRAY) {
                // Ten thousand nulls: refused at the first, while reading, before any validation.
                ArrayNode nulls = NODES.arrayNode();
                ArrayNode many = NODES.arrayNode();
                JsonNode item = plausible(f.schema().path("items"), String.valueOf(f.path().get(f.path().size() - 1)));
                for (int i = 0; i < LONG_ARRAY; i++) {
                    nulls.addNull();
                    many.add(item);
                }
                send(new Case("array of 10,000 nulls", user, method, path, null, headers, json,
                        bytes(set(plausible, f.path(), nulls)), false)
                        .expecting(new Expect(400, name + "[0]", NULL_REFUSED)), op);
                int max = f.schema().path("maxItems").asInt(Integer.MAX_VALUE);
                if (max < LONG_ARRAY) {
                    send(new Case("array of 10,000 elements", user, method, path, null, headers, json,
                            bytes(set(plausible, f.path(), many)), false)
                            .expecting(new Expect(400, name, "要素は " + max + " 個までです")), op);
                }
            }
        }
        // Wrong content types and an oversized body.
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json-patch+json", "text/csv")) {
            send(new Case("wrong content type", user, method, path, null, headers, type, bytes(plausible), false), op);
        }
        send(new Case("wrong content type", user, method, path, null, headers, null, bytes(plausible), false), op);
        send(new Case("oversized body", user, method, path, null, headers, json, oversized(plausible), false), op);
        send(new Case("oversized body, chunked", user, method, path, null, headers, json, oversized(plausible), false), op);
        send(new Case("oversized body (anonymous)", null, method, path, null, Map.of(), json, oversized(plausible), false), op);
        // Invalid UTF-8 and raw control characters inside a string of an otherwise plausible body.
        for (byte[] invalid : List.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xFF},
                new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[]{(byte) 0xE3, (byte) 0x81}, new byte[]{0x01}, new byte[]{0x00})) {
            byte[] body = firstString == null ? splice(bytes("{\"unexpected\":\"MARK\"}"), invalid)
                    : splice(bytes(set(plausible, firstString.path(), NODES.textNode("MARK"))), invalid);
            send(new Case(invalid[0] >= 0 && invalid[0] < 0x20 ? "raw control character in JSON" : "invalid UTF-8 in JSON",
                    user, method, path, null, headers, json, body, false), op);
        }
        // Missing required fields.
        for (Field f : fields) {
            if (f.required() && f.path().size() >= 1) {
                send(new Case("missing required field", user, method, path, null, headers, json,
                        bytes(remove(plausible, f.path())), false), op);
            }
        }
        // Each field corrupted on its own, the rest plausible.
        for (Field f : fields) {
            for (JsonNode bad : badValues(f)) {
                send(new Case("bad " + f.kind().name().toLowerCase() + " field", user, method, path, null, headers,
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
                    send(new Case("injection string in body", user, method, path, null, headers, json, bytes(body), false), op);
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
            send(new Case("malformed CSV", user, method, path, null, headers, csv, bytes(text), false), op);
        }
        send(new Case("invalid UTF-8 in CSV", user, method, path, null, headers, csv,
                splice(bytes(header + "\nMARK\n"), new byte[]{(byte) 0xFF, (byte) 0xC3, 0x28}), false), op);
        send(new Case("wrong content type", user, method, path, null, headers, "application/json", bytes("{\"a\":1}"), false), op);
        send(new Case("wrong content type", user, method, path, null, headers, "application/xml", bytes(header + "\n"), false), op);
        send(new Case("wrong content type", user, method, path, null, headers, null, bytes(header + "\n"), false), op);
        byte[] big = bytes(header + "\n" + ("x".repeat(1000) + "\n").repeat(1_300));
        send(new Case("oversized body", user, method, path, null, headers, csv, big, false), op);
        send(new Case("oversized body (anonymous)", null, method, path, null, Map.of(), csv, big, false), op);
    }

    // ------------------------------------------------------------------ malformed values

    private enum Kind { TEXT, UUID, DATE, ENUM, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT }

    private record Field(List<Object> path, JsonNode schema, Kind kind, boolean required) {
    }

    private void fields(JsonNode schema, List<Object> at, boolean required, List<Field> out, int depth) {
        JsonNode s = resolve(schema);
        Kind kind = kindOf(s);
        if (!at.isEmpty()) {
            out.add(new Field(List.copyOf(at), s, kind, required));
        }
        if (depth > 3) {
            return;
        }
        if (kind == Kind.OBJECT) {
            Set<String> req = new java.util.HashSet<>();
            s.path("required").forEach(r -> req.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> p = s.path("properties").fields(); p.hasNext(); ) {
                Map.Entry<String, JsonNode> property = p.next();
                List<Object> next = new ArrayList<>(at);
                next.add(property.getKey());
                fields(property.getValue(), next, req.contains(property.getKey()) && at.isEmpty(), out, depth + 1);
            }
        } else if (kind == Kind.ARRAY) {
            List<Object> next = new ArrayList<>(at);
            next.add(0);
            fields(s.path("items"), next, false, out, depth + 1);
        }
    }

    private List<JsonNode> badValues(Field f) {
        JsonNode s = f.schema();
        List<JsonNode> bad = new ArrayList<>();
        switch (f.kind()) {
            case TEXT -> {
                bad.add(NODES.textNode(OVERLONG));
                CONTROL.forEach(c -> bad.add(NODES.textNode(c)));
                bad.add(NODES.numberNode(12345));
                bad.add(NODES.booleanNode(true));
                bad.add(NODES.objectNode().put("a", 1));
                bad.add(NODES.arrayNode().add("x"));
                if (f.required()) {
                    bad.add(NODES.textNode(""));
                    bad.add(NODES.textNode("   "));
                    bad.add(NODES.nullNode());
                }
                String notMatching = "\u3000not matching <>";
                if (s.path("pattern").asText().endsWith("$")
                        && !Pattern.compile(s.path("pattern").asText()).matcher(notMatching).find()) {
                    bad.add(NODES.textNode(notMatching));
                }
            }
            case UUID -> {
                for (String v : List.of("not-a-uuid", "' OR 1=1--", "<script>alert(1)</script>", "",
                        "00000000-0000-0000-0000-00000000000G", "0b6f2c1e-0000-4000-8000-000000000001x")) {
                    bad.add(NODES.textNode(v));
                }
                bad.add(NODES.numberNode(12345));
                bad.add(NODES.arrayNode());
            }
            case DATE -> {
                for (String v : List.of("2025-02-30", "2025/04/01", "tomorrow", "", "+99999-12-31", "2025-13-01",
                        "' OR 1=1--", "2025-04-01T00:00:00Z")) {
                    bad.add(NODES.textNode(v));
                }
                bad.add(NODES.numberNode(20250401));
                bad.add(NODES.booleanNode(false));
            }
            case ENUM -> {
                String first = s.path("enum").path(0).asText();
                for (String v : List.of("NOT_A_VALUE", first.toLowerCase(), "", first + "_X", "<script>", "' OR 1=1--")) {
                    bad.add(NODES.textNode(v));
                }
                bad.add(NODES.numberNode(0));
                bad.add(NODES.objectNode());
            }
            case INTEGER -> {
                bad.add(NODES.textNode("abc"));
                bad.add(NODES.numberNode(1.5));
                bad.add(NODES.booleanNode(true));
                bad.add(NODES.numberNode(new BigDecimal("99999999999999999999")));
                bad.add(NODES.numberNode(2147483648L));
                bad.add(NODES.numberNode(-2147483649L));
                bad.add(NODES.numberNode(new BigDecimal("1e400")));
                bad.add(NODES.objectNode());
                if (s.has("maximum")) {
                    bad.add(NODES.numberNode(s.get("maximum").asLong() + 1));
                }
                if (s.has("minimum")) {
                    bad.add(NODES.numberNode(s.get("minimum").asLong() - 1));
                }
            }
            case NUMBER -> {
                bad.add(NODES.textNode("abc"));
                bad.add(NODES.booleanNode(true));
                bad.add(NODES.numberNode(new BigDecimal("1e400")));
                bad.add(NODES.numberNode(new BigDecimal("-1e400")));
                bad.add(NODES.textNode("NaN"));
                bad.add(NODES.textNode("Infinity"));
                if (s.has("maximum")) {
                    bad.add(NODES.numberNode(s.get("maximum").decimalValue().add(BigDecimal.ONE)));
                }
                if (s.has("minimum")) {
                    bad.add(NODES.numberNode(s.get("minimum").decimalValue().subtract(new BigDecimal("0.5"))));
                }
            }
            case BOOLEAN -> {
                bad.add(NODES.textNode("yes"));
                bad.add(NODES.numberNode(2));
                bad.add(NODES.objectNode());
            }
            case ARRAY -> {
                bad.add(NODES.textNode("x"));
                bad.add(NODES.objectNode().put("a", 1));
                bad.add(NODES.numberNode(7));
                if (s.has("maxItems")) {
                    ArrayNode many = NODES.arrayNode();
                    JsonNode item = plausible(s.path("items"), "");
                    for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
                        many.add(item);
                    }
                    bad.add(many);
                }
            }
            case OBJECT -> {
                bad.add(NODES.textNode("x"));
                bad.add(NODES.arrayNode().add(1));
                bad.add(NODES.numberNode(42));
            }
        }
        return bad;
    }

    private List<String> badPathValues(JsonNode parameter) {
        List<String> bad = new ArrayList<>(List.of("not-a-uuid", enc("' OR 1=1--"), enc("<script>alert(1)</script>"),
                "-1", "99999999999999999999", "%00", "%C3%28", "%FF", enc("a\u0007b"), "x".repeat(3_000),
                "00000000-0000-0000-0000-000000000000", enc("1; DROP TABLE app_user")));
        JsonNode schema = resolve(parameter.path("schema"));
        if (isType(schema, "integer")) {
            bad.add("1.5");
            bad.add("0x10");
        }
        return bad;
    }

    private List<String> badQueryValues(JsonNode schema) {
        List<String> bad = new ArrayList<>(List.of("%00", "%C3%28", "%FF", enc("a\u0001b"), "x".repeat(3_000)));
        Kind kind = kindOf(schema);
        switch (kind) {
            case INTEGER -> bad.addAll(List.of("abc", "1.5", "99999999999999999999", "-1", "-99999999999", "1e400",
                    "0x10"));
            case BOOLEAN -> bad.addAll(List.of("maybe", "1", "yes", "TRUE1"));
            case UUID -> bad.addAll(List.of("not-a-uuid", enc("' OR 1=1--"), enc("<script>")));
            case ENUM -> bad.addAll(List.of("NOT_A_VALUE", schema.path("enum").path(0).asText().toLowerCase(),
                    enc("<script>"), enc("' OR 1=1--")));
            default -> INJECTIONS.forEach(i -> bad.add(enc(i)));
        }
        return bad;
    }

    // ------------------------------------------------------------------ sending and judging

    private void send(Case c, JsonNode op) throws InterruptedException {
        String uri = RestAssured.baseURI + ":" + RestAssured.port + c.path() + (c.query() == null ? "" : "?" + c.query());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60));
        request.header("Accept", accepted(op));
        c.headers().forEach(request::setHeader);
        if (c.user() != null) {
            request.setHeader("Authorization", "Bearer " + Api.token(c.user()));
        }
        if (c.contentType() != null) {
            request.setHeader("Content-Type", c.contentType());
        }
        request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : c.category().contains("chunked")
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(c.body()))
                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        sent++;
        categories.merge(c.category(), 1, Integer::sum);
        String what = c.category() + " " + c.method() + " " + abbreviate(c.path() + (c.query() == null ? "" : "?" + c.query()))
                + (c.user() == null ? " anonymous" : " as " + c.user())
                + (c.body() == null ? "" : " body " + abbreviate(new String(c.body(), StandardCharsets.UTF_8)))
                + (c.contentType() == null || c.contentType().equals("application/json") ? "" : " [" + c.contentType() + "]");
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            failures.add(what + " → no answer: " + e);
            return;
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        long cpu = response.headers().firstValue(jp.kyoso.support.RequestCpu.HEADER).map(Long::parseLong).orElse(0L);
        cpuByCategory.merge(c.category(), cpu, Math::max);
        if (cpu > mostCpuMicros) {
            mostCpuMicros = cpu;
            mostCpuCase = c.category() + " " + c.method() + " " + abbreviate(c.path());
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String type = response.headers().firstValue("Content-Type").orElse("");
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                failures.add(what + " → " + status + " discloses '" + leak + "': " + abbreviate(body));
                return;
            }
        }
        if (c.freeText() && status >= 200 && status < 300) {
            tolerated++;
            return;
        }
        if (c.path().startsWith("/api/v1/auth/login") && status == 303) {
            // The sign-in redirect: only ever to a path of this site.
            String location = response.headers().firstValue("Location").orElse("");
            if (!URI.create(location).getPath().startsWith("/") || location.startsWith("//")
                    || (URI.create(location).getHost() != null && !location.startsWith(RestAssured.baseURI))) {
                failures.add(what + " → redirect off-site: " + location);
            }
            signInRedirects++;
            return;
        }
        if (status < 400 || status >= 500) {
            failures.add(what + " → " + status + " " + abbreviate(body));
            return;
        }
        if (!type.startsWith(PROBLEM)) {
            failures.add(what + " → " + status + " with Content-Type '" + type + "': " + abbreviate(body));
            return;
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.path("status").asInt() != status || problem.path("title").asText().isBlank()) {
                failures.add(what + " → " + status + " problem without status/title: " + abbreviate(body));
            }
            if (!op.path("responses").has(String.valueOf(status))) {
                failures.add(what + " → " + status + ", which the operation does not declare in openapi.yaml");
            }
            Expect expect = c.expect();
            if (expect != null) {
                JsonNode first = problem.path("errors").path(0);
                if (expect.status() != 0 && expect.status() != status) {
                    failures.add(what + " → " + status + ", expected " + expect.status() + ": " + abbreviate(body));
                } else if (expect.field() != null && !expect.field().equals(first.path("field").asText())) {
                    failures.add(what + " → the first error names '" + first.path("field").asText() + "', expected '"
                            + expect.field() + "': " + abbreviate(body));
                } else if (expect.message() != null && !expect.message().equals(first.path("message").asText())) {
                    failures.add(what + " → the first error says '" + first.path("message").asText() + "', expected '"
                            + expect.message() + "'");
                }
            }
        } catch (IOException e) {
            failures.add(what + " → " + status + " body is not JSON: " + abbreviate(body));
        }
    }

    /** The JSON path as the API names it in {@code errors[].field}: {@code statuses[0].itemId}. */
    private static String fieldName(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(step);
            }
        }
        return name.toString();
    }

    /** What a client of the operation accepts: the media type of its success answer (JSON, or CSV for a download). */
    private static String accepted(JsonNode op) {
        for (java.util.Iterator<Map.Entry<String, JsonNode>> r = op.path("responses").fields(); r.hasNext(); ) {
            Map.Entry<String, JsonNode> response = r.next();
            if (response.getKey().startsWith("2") && response.getValue().path("content").fieldNames().hasNext()) {
                String type = response.getValue().path("content").fieldNames().next();
                return type.equals("application/json") ? type : type + ", application/problem+json";
            }
        }
        return "application/json";
    }

    private static boolean hasHeaderParameter(JsonNode op, String name) {
        for (JsonNode p : op.path("parameters")) {
            if ("header".equals(p.path("in").asText()) && name.equalsIgnoreCase(p.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The cookies of a browser session that signed out: what a copy taken before would hold. */
    private static Map<String, String> signedOutSession() {
        jp.kyoso.support.BrowserLogin browser = new jp.kyoso.support.BrowserLogin("http://localhost:" + RestAssured.port);
        browser.signIn("sanyo-manager", "/");
        Map<String, String> copy = new LinkedHashMap<>(browser.appCookies());
        assertTrue(copy.containsKey("q_session") && copy.containsKey("kyoso_csrf"), "a browser session: " + copy);
        assertEquals(302, browser.get("/api/v1/auth/logout").statusCode());
        return copy;
    }

    // ------------------------------------------------------------------ demo data

    /** Real ids from the demo data, so that a request is refused for the one corrupted input only. */
    private void discoverIds() {
        ids.put("municipalities/code", MUNICIPALITY);
        JsonPath me = as("sanyo-owner").get("/api/v1/me").then().statusCode(200).extract().jsonPath();
        String org = me.getString("organizations.find { it.role == 'OWNER' && it.municipalityCode == '"
                + MUNICIPALITY + "' }.organizationId");
        ids.put("organizations/id", org);
        JsonPath manager = as("sanyo-manager").get("/api/v1/municipalities/" + MUNICIPALITY + "/areas?size=100")
                .then().statusCode(200).extract().jsonPath();
        String area = manager.getString("items.find { it.liaisons && it.liaisons.size() > 0 }.id");
        ids.put("areas/id", area != null ? area : manager.getString("items[0].id"));
        ids.put("liaisons/liaisonId", manager.getString("items.find { it.liaisons && it.liaisons.size() > 0 }.liaisons[0].id"));
        ids.put("listings/id", first("sanyo-owner", "/api/v1/organizations/" + org + "/listings", "items[0].id"));
        ids.put("matches/id", first("sanyo-owner", "/api/v1/organizations/" + org + "/matches", "items[0].id"));
        ids.put("invitations/invitationId", first("sanyo-owner", "/api/v1/organizations/" + org + "/invitations", "items[0].id"));
        ids.put("invitations/code", first("sanyo-owner", "/api/v1/organizations/" + org + "/invitations", "items[0].code"));
        ids.put("members/userId", first("sanyo-owner", "/api/v1/organizations/" + org + "/members",
                "items.find { it.role != 'OWNER' }.userId"));
        ids.put("staff/userId", first("sanyo-staff", "/api/v1/me", "id"));
        ids.put("notifications/id", first("sanyo-owner", "/api/v1/me/notifications", "items[0].id"));
        // The municipality's own plan: other test classes may have added many plans, so look on every page.
        String plan = null;
        for (int page = 0; plan == null && page < 50; page++) {
            plan = first("sanyo-manager", "/api/v1/municipalities/" + MUNICIPALITY + "/plans?size=100&page=" + page,
                    "items.find { it.ownerType == 'MUNICIPALITY' }.id");
        }
        ids.put("plans/id", plan);
        ids.put("items/itemId", first("sanyo-manager", "/api/v1/plans/" + plan + "/items", "items[0].id"));
        ids.put("reviews/reviewId", first("sanyo-manager", "/api/v1/plans/" + plan + "/reviews", "items[0].id"));
        ids.put("versions/number", "1");
        ids.put("indicators/id", first("sanyo-manager", "/api/v1/municipalities/" + MUNICIPALITY + "/indicators",
                "items[0].id"));
        ids.put("values/fiscalYear", "2024");
        String project = first("sanyo-manager", "/api/v1/municipalities/" + MUNICIPALITY + "/projects", "items[0].id");
        ids.put("projects/id", project);
        ids.put("partners/partnerId", first("sanyo-manager", "/api/v1/projects/" + project, "partners[0].id"));
        System.out.println("NegativeInputTest: demo ids " + ids);
    }

    private static String first(String user, String path, String jsonPath) {
        try {
            return as(user).get(path).then().extract().jsonPath().getString(jsonPath);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Who would be allowed to call the operation: the city's manager, the organisation's owner, the admin. */
    private String userFor(String method, String path) {
        if (path.equals("/api/v1/me") && method.equals("DELETE")) {
            return throwaway;
        }
        if (path.startsWith("/api/v1/me") || path.startsWith("/api/v1/auth")) {
            return "sanyo-owner";
        }
        if (path.equals("/api/v1/municipalities")) {
            return "admin";
        }
        if (path.matches("/api/v1/organizations/\\{id}/(approval|suspension|reinstatement)")) {
            return "sanyo-manager";
        }
        if (path.equals("/api/v1/municipalities/{code}/organizations") && method.equals("POST")) {
            return "sanyo-owner";
        }
        if (path.startsWith("/api/v1/organizations") || path.startsWith("/api/v1/listings")
                || path.startsWith("/api/v1/matches") || path.startsWith("/api/v1/invitations")) {
            return "sanyo-owner";
        }
        return "sanyo-manager";
    }

    /** The path with real ids, and {@code bad} (already URL-encoded) in place of {@code corrupt}. */
    private String fill(String template, String corrupt, String bad) {
        Matcher m = Pattern.compile("([^/]+)/\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String value = name.equals(corrupt) ? bad : ids.get(m.group(1) + "/" + name);
            if (value == null) {
                value = UUID.randomUUID().toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "/" + value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String etag(String user, String template) {
        String path = fill(template, null, null);
        while (path.startsWith("/api/v1/") && path.length() > "/api/v1/".length()) {
            // A probe, not an operation of the contract (a parent path may only allow DELETE).
            String tag = RestAssured.given().noFiltersOfType(ContractValidation.ResponseCheck.class)
                    .auth().oauth2(Api.token(user)).get(path).then().extract().header("ETag");
            if (tag != null) {
                return tag;
            }
            path = path.substring(0, path.lastIndexOf('/'));
        }
        return "\"0\"";
    }

    // ------------------------------------------------------------------ schemas

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10; i++) {
            if (s.has("$ref")) {
                String ref = s.get("$ref").asText();
                JsonNode target = contract.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
                if (s.size() > 1 && target.has("enum")) {
                    return target;
                }
                s = target;
            } else if (s.has("anyOf")) {
                JsonNode chosen = null;
                for (JsonNode alternative : s.get("anyOf")) {
                    if (!"null".equals(alternative.path("type").asText())) {
                        chosen = alternative;
                        break;
                    }
                }
                s = chosen == null ? s.get("anyOf").get(0) : chosen;
            } else {
                return s;
            }
        }
        return s;
    }

    private static boolean isType(JsonNode s, String type) {
        JsonNode t = s.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (type.equals(x.asText())) {
                    return true;
                }
            }
            return false;
        }
        return type.equals(t.asText());
    }

    private static Kind kindOf(JsonNode s) {
        if (s.has("enum")) {
            return Kind.ENUM;
        }
        if (isType(s, "string")) {
            return switch (s.path("format").asText()) {
                case "uuid" -> Kind.UUID;
                case "date" -> Kind.DATE;
                default -> Kind.TEXT;
            };
        }
        if (isType(s, "integer")) {
            return Kind.INTEGER;
        }
        if (isType(s, "number")) {
            return Kind.NUMBER;
        }
        if (isType(s, "boolean")) {
            return Kind.BOOLEAN;
        }
        if (isType(s, "array")) {
            return Kind.ARRAY;
        }
        return Kind.OBJECT;
    }

    /** A body that would pass validation, so that one corrupted field is what gets refused. */
    private JsonNode plausible(JsonNode schema, String name) {
        JsonNode s = resolve(schema);
        switch (kindOf(s)) {
            case ENUM:
                return s.path("enum").path(0);
            case UUID:
                return NODES.textNode(idFor(name));
            case DATE:
                return NODES.textNode("2025-04-01");
            case TEXT:
                return NODES.textNode(switch (name) {
                    case "code" -> s.path("pattern").asText().contains("[0-9]{6}") ? "352039" : "Z-99";
                    case "email" -> "walker@example.jp";
                    case "website" -> "https://example.jp";
                    case "phone" -> "083-000-0000";
                    default -> "テスト";
                });
            case INTEGER:
                if (name.toLowerCase().contains("fiscalyear")) {
                    return NODES.numberNode(2025);
                }
                return NODES.numberNode(Math.max(1, s.path("minimum").asLong(1)));
            case NUMBER:
                return NODES.numberNode(1);
            case BOOLEAN:
                return NODES.booleanNode(false);
            case ARRAY:
                return NODES.arrayNode().add(plausible(s.path("items"), name));
            default:
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> p = s.path("properties").fields(); p.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = p.next();
                    if (!property.getKey().equals("fromMatchId")) {
                        object.set(property.getKey(), plausible(property.getValue(), property.getKey()));
                    }
                }
                return object;
        }
    }

    private String idFor(String property) {
        String id = switch (property) {
            case "areaId", "areaIds", "parentId" -> ids.get("areas/id");
            case "organizationId" -> ids.get("organizations/id");
            case "needId", "haveId", "listingIds" -> ids.get("listings/id");
            case "planId" -> ids.get("plans/id");
            case "planItemIds", "itemId", "parentItemId" -> ids.get("items/itemId");
            case "userId" -> ids.get("staff/userId");
            default -> null;
        };
        return id != null ? id : UUID.randomUUID().toString();
    }

    // ------------------------------------------------------------------ JSON surgery

    private static JsonNode set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        if (!copy.isContainerNode()) {
            return copy;
        }
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            JsonNode next = step instanceof Integer index ? parent.path(index) : parent.path((String) step);
            if (!next.isContainerNode()) {
                return copy;
            }
            parent = next;
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o && last instanceof String key) {
            o.set(key, value);
        } else if (parent instanceof ArrayNode a && last instanceof Integer index) {
            if (a.size() > index) {
                a.set(index, value);
            } else {
                a.add(value);
            }
        }
        return copy;
    }

    private static JsonNode remove(JsonNode root, List<Object> path) {
        JsonNode copy = root.deepCopy();
        if (path.size() == 1 && copy instanceof ObjectNode o) {
            o.remove((String) path.get(0));
        }
        return copy;
    }

    private static byte[] bytes(Object body) {
        try {
            return body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body with the bytes of "MARK" replaced by {@code raw}. */
    private static byte[] splice(byte[] body, byte[] raw) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf("MARK");
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at + 4).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(raw);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    private static byte[] oversized(JsonNode plausible) {
        ObjectNode body = plausible.isObject() ? ((ObjectNode) plausible).deepCopy() : NODES.objectNode();
        body.put("padding", "x".repeat(1_200_000));
        return bytes(body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 400 ? oneLine.substring(0, 400) + "…(" + s.length() + ")" : oneLine;
    }

    // ------------------------------------------------------------------ database checksum

    /**
     * md5 over each table's rows in a fixed order. Nothing is excluded: reads change nothing once
     * each user has been seen (app_user.last_seen_at is refreshed at most hourly, after the warm-up).
     */
    private Map<String, String> checksums() throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables "
                    + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                        + "order by t::text)), '') from " + table + " t")) {
                    rs.next();
                    sums.put(table, rs.getString(1));
                }
            }
        }
        assertTrue(sums.size() > 10, "checksummed tables: " + sums.keySet());
        return sums;
    }
}
