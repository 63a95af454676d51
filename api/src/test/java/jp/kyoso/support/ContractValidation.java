package jp.kyoso.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every response the tests receive from the API ({@code /api/v1/...}) is checked against the
 * committed {@code openapi.yaml}: the status must be declared for the operation, the content
 * type must be one the operation declares for that status, and the body must match its schema
 * (including {@code additionalProperties}: a field the contract does not name is a lie too).
 * A mismatch fails the test that received the response, so the contract cannot lie.
 *
 * <p>Library: {@code com.atlassian.oai:openapi-request-validator-core} 3.x, the successor of
 * swagger-request-validator. The older {@code swagger-request-validator-restassured} (2.46.1, the
 * newest that resolves) validates with a JSON Schema draft-04 engine and serialises the parsed
 * schemas with the OpenAPI 3.0 model, so 3.1 constructs ({@code type: ["string", "null"]},
 * {@code anyOf: [$ref, {type: "null"}]}, {@code examples}) are not understood. The 3.x core picks
 * the OpenAPI 3.1 dialect of networknt's JSON Schema 2020-12 validator for a 3.1 document. Its
 * REST Assured adapter is not published, so {@link #FILTER} is the few lines that adapter would be.
 *
 * <p>Only responses are validated, not requests: many tests send deliberately malformed input and
 * assert the 4xx problem answer, which is itself validated. Calls to the OIDC issuer, to
 * {@code /q/*} and to the OIDC redirect URI ({@link #OIDC_REDIRECT_PATH}) are not API operations
 * and are not checked.
 */
public final class ContractValidation {

    /** The contract at the repository root (tests run in {@code api/}). */
    public static final Path CONTRACT = Path.of("..", "openapi.yaml");

    /**
     * Responses validated per operation, for the summary: system properties
     * {@code kyoso.contract.validated.GET /api/v1/areas/{id}} = count. The system properties are
     * what all class loaders share (a test profile loads this class again in a new one, and the
     * counts must add up over the whole run); the values stay strings, as other libraries expect.
     */
    private static final String COUNT_PREFIX = "kyoso.contract.validated.";

    static {
        // Once per run, whichever class loader comes first writes the summary at the end.
        if (System.getProperties().putIfAbsent("kyoso.contract.summary", "target/contract-validation.txt") == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(ContractValidation::writeSummary));
        }
    }

    private static final String YAML = read(CONTRACT);
    /** Every operation of the contract, as {@code "GET /api/v1/areas/{id}"}. */
    private static final List<String> OPERATIONS = operations(YAML);
    private static final List<String> TEMPLATES = OPERATIONS.stream()
            .map(op -> op.substring(op.indexOf(' ') + 1)).distinct().toList();

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(YAML)
            .build();

    /**
     * The one path under {@code /api/v1} that is not an API operation, so not in the contract and
     * not checked: the OIDC redirect URI of the browser sign-in
     * ({@code quarkus.oidc.authentication.redirect-path}), answered by quarkus-oidc itself with a
     * redirect, never by a resource of ours. Its behaviour is asserted by BrowserSessionTest.
     */
    static final String OIDC_REDIRECT_PATH = "/api/v1/auth/callback";

    /** Headers every response must carry (HSTS is production-only and checked by the browser tests). */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin",
            "Content-Security-Policy", "frame-ancestors 'none'");

    /** The REST Assured filter that checks each API response; installed once for every test. */
    public static final Filter FILTER = new ResponseCheck();

    /** Fails the request when an {@code /api/v1} response does not match the contract. */
    public static final class ResponseCheck implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification spec,
                               FilterContext context) {
            Response response = context.next(request, spec);
            String path = URI.create(request.getURI()).getRawPath();
            if ((path.equals("/api/v1") || path.startsWith("/api/v1/")) && !path.equals(OIDC_REDIRECT_PATH)) {
                ValidationReport report = validate(request.getMethod(), path, response);
                if (report.hasErrors()) {
                    throw new AssertionError("The response of " + request.getMethod() + " " + path
                            + " (" + response.getStatusCode() + ") does not match openapi.yaml:\n"
                            + describe(report) + "body: " + abbreviate(response.asString()));
                }
                // Security headers on every response, whatever its status. An embed page names the
                // sites its municipality lets frame it instead (core/web/EmbedFraming), nothing else.
                boolean embed = path.startsWith("/api/v1/embed/") && response.getStatusCode() == 200;
                if (embed) {
                    checkEmbedFraming(request.getMethod() + " " + path, response);
                }
                for (Map.Entry<String, String> header : SECURITY_HEADERS.entrySet()) {
                    if (embed && (header.getKey().equals("X-Frame-Options")
                            || header.getKey().equals("Content-Security-Policy"))) {
                        continue;
                    }
                    String value = response.getHeader(header.getKey());
                    if (value == null || !value.contains(header.getValue())) {
                        throw new AssertionError("The response of " + request.getMethod() + " " + path + " ("
                                + response.getStatusCode() + ") lacks " + header.getKey() + ": " + header.getValue()
                                + " (got " + value + ")");
                    }
                }
            }
            return response;
        }
    }

    /** An embed's framing: its own CSP, and X-Frame-Options DENY exactly when no site may frame it. */
    private static void checkEmbedFraming(String what, Response response) {
        String csp = response.getHeader("Content-Security-Policy");
        String frameOptions = response.getHeader("X-Frame-Options");
        if (csp == null || !csp.startsWith("default-src 'none';") || !csp.contains("frame-ancestors ")
                || response.getHeaders().getValues("Content-Security-Policy").size() != 1) {
            throw new AssertionError("The embed " + what + " lacks its one CSP (got " + csp + ")");
        }
        boolean none = csp.contains("frame-ancestors 'none'");
        if (none != "DENY".equals(frameOptions) || (!none && frameOptions != null)) {
            throw new AssertionError("The embed " + what + " has X-Frame-Options " + frameOptions + " with " + csp);
        }
    }

    private ContractValidation() {
    }

    /** Installs {@link #FILTER} into REST Assured's defaults unless it is there already. */
    public static void install() {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    /** Validates one response of {@code method path} against the contract. */
    public static ValidationReport validate(String method, String path, int status, String contentType,
                                            Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null && !contentType.isBlank()) {
            response.withContentType(contentType);
        }
        headers.forEach(response::withHeader);
        if (body != null && !body.isEmpty()) {
            response.withBody(body, StandardCharsets.UTF_8);
        }
        return VALIDATOR.validateResponse(path, Request.Method.valueOf(method.toUpperCase()), response.build());
    }

    private static ValidationReport validate(String method, String path, Response response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        headers.remove("Content-Type");
        ValidationReport report = validate(method, path, response.getStatusCode(), response.getContentType(),
                headers, response.asString());
        System.getProperties().compute(COUNT_PREFIX + method.toUpperCase() + " " + template(path),
                (key, n) -> n == null ? "1" : Integer.toString(Integer.parseInt((String) n) + 1));
        return report;
    }

    /** Every operation of the contract, as {@code "GET /api/v1/areas/{id}"}. */
    static List<String> operations() {
        return OPERATIONS;
    }

    /** How many responses of {@code operation} ({@code "GET /api/v1/municipalities/{code}"}) were validated so far. */
    public static int validatedCount(String operation) {
        return Integer.parseInt(System.getProperty(COUNT_PREFIX + operation, "0"));
    }

    /** The contract's path template a concrete path falls under, the most literal one first. */
    static String template(String path) {
        return TEMPLATES.stream()
                .filter(t -> path.matches(t.replaceAll("\\{[^/]+}", "[^/]+")))
                .min(Comparator.comparingLong(t -> t.chars().filter(c -> c == '{').count()))
                .orElse(path + " (not in the contract)");
    }

    /** Writes how many responses were validated, per operation, to {@code target/contract-validation.txt}. */
    private static void writeSummary() {
        Map<String, Integer> counts = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith(COUNT_PREFIX))
                .forEach(key -> counts.put(key.substring(COUNT_PREFIX.length()), Integer.parseInt(System.getProperty(key))));
        int responses = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<String> untested = OPERATIONS.stream().filter(op -> !counts.containsKey(op)).toList();
        StringBuilder out = new StringBuilder("Responses validated against openapi.yaml: " + responses
                + ", operations exercised: " + (OPERATIONS.size() - untested.size()) + " of " + OPERATIONS.size() + "\n");
        counts.forEach((op, n) -> out.append(String.format("%6d  %s%n", n, op)));
        untested.forEach(op -> out.append(String.format("%6d  %s%n", 0, op)));
        try {
            Files.writeString(Path.of("target", "contract-validation.txt"), out.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The summary is informative only; the run's outcome does not depend on it.
        }
    }

    /** One line per error: what is wrong, where in the body ({@code /items/0/name}) and which schema says so. */
    public static String describe(ValidationReport report) {
        StringBuilder out = new StringBuilder();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            out.append("  ").append(message.getKey()).append(": ").append(message.getMessage());
            message.getContext().flatMap(ValidationReport.MessageContext::getPointers).ifPresent(p ->
                    out.append(" at ").append(p.getInstance()).append(" (schema ").append(p.getSchema()).append(')'));
            out.append('\n');
        }
        return out.toString();
    }

    private static List<String> operations(String yaml) {
        List<String> operations = new ArrayList<>();
        String path = null;
        for (String line : yaml.lines().toList()) {
            if (line.matches("^  /\\S*:$")) {
                path = line.substring(2, line.length() - 1);
            } else if (!line.startsWith("  ")) {
                path = null;
            } else if (path != null && line.matches("^    (get|put|post|delete|patch):$")) {
                operations.add(line.trim().replace(":", "").toUpperCase() + " " + path);
            }
        }
        return operations;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yaml is missing at the repository root", e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "...";
    }
}
