package jp.kyoso.core.boot;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A small OpenID Connect issuer for the local demo run and the tests, where no Keycloak runs.
 * It speaks the Keycloak paths ({@code /realms/kyoso/...}): discovery, JWKS and the token
 * endpoint with the password grant, and signs RS256 access tokens that quarkus-oidc verifies
 * exactly as it verifies Keycloak's. It listens on the loopback interface only and is never
 * started when a real OIDC server is configured.
 */
public final class DevIdentityProvider implements AutoCloseable {

    public static final String REALM_PATH = "/realms/kyoso";
    public static final String DEMO_PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public record DemoUser(String username, String subject, String name, String email, List<String> roles) {
    }

    private final HttpServer server;
    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();
    private final Map<String, DemoUser> users;
    private final String issuer;

    private DevIdentityProvider(int port) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
        this.users = loadDemoUsers();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.issuer = "http://localhost:" + server.getAddress().getPort() + REALM_PATH;
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dev-identity-provider");
            t.setDaemon(true);
            return t;
        }));
        server.createContext(REALM_PATH + "/.well-known/openid-configuration", this::discovery);
        server.createContext(REALM_PATH + "/protocol/openid-connect/certs", this::jwks);
        server.createContext(REALM_PATH + "/protocol/openid-connect/token", this::token);
        server.start();
    }

    /** Starts the issuer on {@code port} (0 picks a free one). */
    public static DevIdentityProvider start(int port) {
        try {
            return new DevIdentityProvider(port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local identity provider on port " + port, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public Map<String, DemoUser> demoUsers() {
        return users;
    }

    /** Issues an access token for a user: a demo user by name, or any other name as a plain user. */
    public String accessToken(String username) {
        DemoUser user = users.getOrDefault(username, new DemoUser(username,
                UUID.nameUUIDFromBytes(("kyoso-dev:" + username).getBytes(StandardCharsets.UTF_8)).toString(),
                username, username + "@users.kyoso.example", List.of()));
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", user.subject());
        claims.put("aud", "kyoso-api");
        claims.put("azp", "kyoso-cli");
        claims.put("typ", "Bearer");
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("preferred_username", user.username());
        claims.put("name", user.name());
        claims.put("email", user.email());
        claims.put("scope", "openid profile email");
        claims.put("realm_access", Map.of("roles", user.roles()));
        return sign(claims);
    }

    private String sign(Map<String, Object> claims) {
        try {
            Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", keyId);
            String signingInput = B64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + B64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("token_endpoint", issuer + "/protocol/openid-connect/token");
        doc.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
        doc.put("grant_types_supported", List.of("password"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("response_types_supported", List.of("token"));
        respond(exchange, 200, doc);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", keyId);
        jwk.put("n", B64.encodeToString(unsigned(key.getModulus())));
        jwk.put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
        respond(exchange, 200, Map.of("keys", List.of(jwk)));
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, Map.of("error", "invalid_request"));
            return;
        }
        Map<String, String> form = parseForm(exchange.getRequestBody());
        if (!"password".equals(form.get("grant_type"))) {
            respond(exchange, 400, Map.of("error", "unsupported_grant_type"));
            return;
        }
        String username = form.getOrDefault("username", "");
        if (username.isBlank() || !username.matches("[A-Za-z0-9._-]{1,64}")
                || !DEMO_PASSWORD.equals(form.get("password"))) {
            respond(exchange, 401, Map.of("error", "invalid_grant",
                    "error_description", "Invalid user credentials (demo users use the password 'demo')"));
            return;
        }
        respond(exchange, 200, Map.of("access_token", accessToken(username), "token_type", "Bearer",
                "expires_in", 3600, "scope", "openid profile email"));
    }

    private static Map<String, String> parseForm(InputStream body) throws IOException {
        Map<String, String> form = new HashMap<>();
        String text = new String(body.readNBytes(8192), StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    private static Map<String, DemoUser> loadDemoUsers() throws IOException {
        try (InputStream in = DevIdentityProvider.class.getResourceAsStream("/demo/users.json")) {
            if (in == null) {
                return Map.of();
            }
            List<DemoUser> list = JSON.readValue(in, new TypeReference<>() {
            });
            Map<String, DemoUser> byName = new LinkedHashMap<>();
            list.forEach(u -> byName.put(u.username(), u));
            return byName;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
