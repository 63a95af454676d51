package jp.kyoso.support.walker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import jp.kyoso.support.Api;
import jp.kyoso.support.RequestCpu;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static jp.kyoso.support.walker.JsonSurgery.abbreviate;

/**
 * Sends the walker's malformed requests and judges each answer: a 4xx problem+json without
 * internals, with a status the operation declares and, where the case says so, the expected
 * status, field and message. Keeps the tallies a run reports: requests per category, statuses,
 * failures, the server's CPU time per request ({@link RequestCpu}).
 */
public final class Verdicts {

    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a client must never see: stack traces, SQL, driver or class names. */
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at jp.", "jp.kyoso", "org.hibernate",
            "org.postgresql", "PSQL", "SQLState", "ERROR: ", "io.quarkus", "io.vertx", "java.lang");

    /** One malformed request and how its answer is judged. */
    public record Case(String category, String user, String method, String path, String query,
                       Map<String, String> headers, String contentType, byte[] body, boolean freeText, Expect expect) {

        public Case(String category, String user, String method, String path, String query, Map<String, String> headers,
                    String contentType, byte[] body, boolean freeText) {
            this(category, user, method, path, query, headers, contentType, body, freeText, null);
        }

        public Case expecting(Expect e) {
            return new Case(category, user, method, path, query, headers, contentType, body, freeText, e);
        }
    }

    /**
     * What a case must get beyond "a 4xx problem": a status (0: any 4xx), the field its first
     * error names and that error's message (null: any).
     */
    public record Expect(int status, String field, String message) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    public final Map<String, Integer> categories = new TreeMap<>();
    public final List<String> failures = new ArrayList<>();
    public final Map<Integer, Integer> statuses = new TreeMap<>();
    public final Map<String, Long> cpuByCategory = new TreeMap<>();
    public int sent;
    public int tolerated;
    public int signInRedirects;
    /** The most CPU time one malformed request cost the server, and which. */
    public long mostCpuMicros;
    public String mostCpuCase = "";

    public void send(Case c, JsonNode op) throws InterruptedException {
        String uri = RestAssured.baseURI + ":" + RestAssured.port + c.path() + (c.query() == null ? "" : "?" + c.query());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60));
        request.header("Accept", ContractSchemas.accepted(op));
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
        long cpu = response.headers().firstValue(RequestCpu.HEADER).map(Long::parseLong).orElse(0L);
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

    public int anonymous() {
        return categories.entrySet().stream().filter(e -> e.getKey().contains("anonymous")).mapToInt(Map.Entry::getValue).sum();
    }
}
