package jp.kyoso.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The Keycloak the build started for this test run (api/pom.xml): its realm URL, tokens for
 * people and clients, and people the tests invent, created through Keycloak's admin API.
 */
public final class Keycloak {

    public static final String REALM = "kyoso";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Set<String> KNOWN_USERS = ConcurrentHashMap.newKeySet();
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();
    /**
     * The admin's token apart from the users': a user's token is computed inside TOKENS.compute,
     * and creating the user there asks for the admin's — a nested compute on the same map would
     * fail ("Recursive update") whenever the two keys share a bin.
     */
    private static final Map<String, Token> ADMIN_TOKENS = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAfter) {
    }

    private Keycloak() {
    }

    /** Base URL of the server, e.g. http://localhost:41234. */
    public static String url() {
        String url = System.getProperty("kyoso.test.keycloak-url");
        if (url == null || url.isBlank() || url.contains("${")) {
            throw new IllegalStateException("No test Keycloak: run the tests through Maven (./mvnw verify, "
                    + "or ./mvnw -pl api test -Dtest=...), which starts Keycloak for the run.");
        }
        return url;
    }

    public static String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    /** Waits until the build's Keycloak serves the realm (it starts in parallel with compilation). */
    public static String awaitRealm() {
        Instant deadline = Instant.now().plus(STARTUP);
        URI discovery = URI.create(realmUrl() + "/.well-known/openid-configuration");
        while (true) {
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return realmUrl();
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak did not serve the realm within " + STARTUP + ". Log tail:\n" + logTail());
            }
            sleep(500);
        }
    }

    /** A user's access token from the password grant of the command-line client (kyoso-cli). */
    public static String accessToken(String username) {
        return TOKENS.compute(realmUrl() + "|" + username, (key, cached) -> {
            if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
                return cached;
            }
            ensureUser(username);
            return token(Map.of("grant_type", "password", "client_id", "kyoso-cli",
                    "username", username, "password", "demo"));
        }).value();
    }

    /** Posts a token request; the token is renewed a minute before it expires. */
    private static Token token(Map<String, String> form) {
        JsonNode answer = postForm(realmUrl() + "/protocol/openid-connect/token", form, 200);
        long lifetime = answer.path("expires_in").asLong(60);
        return new Token(answer.path("access_token").asText(), Instant.now().plusSeconds(Math.max(5, lifetime - 60)));
    }

    /** The raw token endpoint answer, for tests of the grants themselves. */
    public static HttpResponse<String> tokenRequest(Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build());
    }

    /**
     * Makes sure a person exists in the realm. The demo people come from the realm file; names a
     * test invents (Api.unique) are created through the admin API with the password "demo".
     */
    public static void ensureUser(String username) {
        if (KNOWN_USERS.contains(username)) {
            return;
        }
        String admin = adminToken();
        String lookup = url() + "/admin/realms/" + REALM + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8);
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(lookup))
                .header("Authorization", "Bearer " + admin).GET().build());
        if (found.statusCode() == 200 && !found.body().equals("[]")) {
            KNOWN_USERS.add(username);
            return;
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@users.kyoso.example");
        user.put("emailVerified", true);
        // Keycloak's name claim is "first last"; Japanese order puts the family name first.
        user.put("firstName", username);
        user.put("lastName", "テスト");
        user.put("credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false)));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + REALM + "/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(user))).build());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Could not create " + username + " in Keycloak: " + created.statusCode() + " " + created.body());
        }
        KNOWN_USERS.add(username);
    }

    private static String adminToken() {
        return ADMIN_TOKENS.compute("admin|" + url(), (key, cached) -> {
            if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
                return cached;
            }
            String[] credentials = System.getProperty("kyoso.test.keycloak-admin", ":").split(":", 2);
            JsonNode answer = postForm(url() + "/realms/master/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "admin-cli",
                    "username", credentials[0], "password", credentials[1]), 200);
            return new Token(answer.path("access_token").asText(),
                    Instant.now().plusSeconds(Math.max(5, answer.path("expires_in").asLong(60) - 20)));
        }).value();
    }

    private static JsonNode postForm(String url, Map<String, String> form, int expected) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String logTail() {
        try {
            List<String> lines = Files.readAllLines(Path.of(System.getProperty("kyoso.test.keycloak-log", "target/keycloak.log")));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
