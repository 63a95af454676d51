package jp.kyoso.support;

import jp.kyoso.local.RealmExport;

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
 * A small OpenID Connect issuer in test scope (never in the runnable jar, which contains no code
 * that issues tokens): for tests that need a token from an untrusted issuer, and for the crash,
 * backup and load scripts and the browser journeys when run without the build's Keycloak
 * ({@code java -cp api/target/test-classes:api/target/quarkus-app/app/*:api/target/quarkus-app/lib/main/*
 * jp.kyoso.support.DevIdentityProvider PORT}, see scripts/test-issuer.sh). Any username with the
 * password {@code demo} gets a token; the realm file's people carry their ids and roles.
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

    private final HttpServer server;
    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();
    private final Map<String, RealmExport.Person> users;
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
        server.createContext(REALM_PATH + "/protocol/openid-connect/auth", this::authorize);
        server.createContext(REALM_PATH + "/protocol/openid-connect/logout", this::logout);
        server.start();
    }

    /** Runs the issuer on the port given as the only argument until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        DevIdentityProvider issuer = start(Integer.parseInt(args[0]));
        System.out.println("Test issuer at " + issuer.issuer());
        new java.util.concurrent.CountDownLatch(1).await();
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

    public Map<String, RealmExport.Person> demoUsers() {
        return users;
    }

    /** Issues an access token for a user: a demo user by name, or any other name as a plain user. */
    public String accessToken(String username) {
        return accessToken(username, "kyoso-cli");
    }

    private RealmExport.Person user(String username) {
        return users.getOrDefault(username, new RealmExport.Person(username,
                UUID.nameUUIDFromBytes(("kyoso-dev:" + username).getBytes(StandardCharsets.UTF_8)).toString(),
                username, username + "@users.kyoso.example", List.of()));
    }

    private String accessToken(String username, String clientId) {
        Map<String, Object> claims = userClaims(user(username), "kyoso-api", "Bearer");
        claims.put("azp", clientId);
        return sign(claims);
    }

    private String idToken(String username, String clientId, String nonce) {
        Map<String, Object> claims = userClaims(user(username), clientId, "ID");
        claims.put("azp", clientId);
        claims.put("auth_time", Instant.now().getEpochSecond());
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        return sign(claims);
    }

    private Map<String, Object> userClaims(RealmExport.Person user, String audience, String type) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", user.subject());
        claims.put("aud", audience);
        claims.put("typ", type);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("preferred_username", user.username());
        claims.put("name", user.name());
        claims.put("email", user.email());
        claims.put("scope", "openid profile email");
        claims.put("realm_access", Map.of("roles", user.roles()));
        return claims;
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
        doc.put("authorization_endpoint", issuer + "/protocol/openid-connect/auth");
        doc.put("end_session_endpoint", issuer + "/protocol/openid-connect/logout");
        doc.put("grant_types_supported", List.of("authorization_code", "password"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("response_types_supported", List.of("code"));
        doc.put("scopes_supported", List.of("openid", "profile", "email"));
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
        if ("authorization_code".equals(form.get("grant_type"))) {
            exchangeCode(exchange, form);
            return;
        }
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

    private record PendingCode(String username, String clientId, String redirectUri, String nonce,
                               String codeChallenge, long expiresAt) {
    }

    private final Map<String, PendingCode> codes = new java.util.concurrent.ConcurrentHashMap<>();

    /** The login page of the authorization code flow: GET shows it, POST signs in and redirects. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> params = "POST".equals(exchange.getRequestMethod())
                ? parseForm(exchange.getRequestBody())
                : parseQuery(exchange.getRequestURI().getRawQuery());
        String redirectUri = params.getOrDefault("redirect_uri", "");
        if (!isLocal(redirectUri) || !"code".equals(params.get("response_type"))) {
            html(exchange, 400, "<p>redirect_uri must be a localhost URL and response_type must be code.</p>");
            return;
        }
        if ("GET".equals(exchange.getRequestMethod())) {
            html(exchange, 200, loginPage(params, null));
            return;
        }
        String username = params.getOrDefault("username", "").trim();
        if (!username.matches("[A-Za-z0-9._-]{1,64}") || !DEMO_PASSWORD.equals(params.get("password"))) {
            html(exchange, 401, loginPage(params, "ユーザー名またはパスワードが違います / Invalid username or password"));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new PendingCode(username, params.get("client_id"), redirectUri, params.get("nonce"),
                params.get("code_challenge"), Instant.now().getEpochSecond() + 60));
        String location = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + enc(code)
                + (params.get("state") == null ? "" : "&state=" + enc(params.get("state")));
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void exchangeCode(HttpExchange exchange, Map<String, String> form) throws IOException {
        PendingCode pending = codes.remove(form.getOrDefault("code", ""));
        String clientId = form.get("client_id");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (clientId == null && basic != null && basic.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
            clientId = java.net.URLDecoder.decode(decoded.substring(0, Math.max(0, decoded.indexOf(':'))),
                    StandardCharsets.UTF_8);
        }
        if (pending == null || pending.expiresAt() < Instant.now().getEpochSecond()
                || !pending.redirectUri().equals(form.get("redirect_uri"))
                || (pending.clientId() != null && !pending.clientId().equals(clientId))
                || !pkceMatches(pending.codeChallenge(), form.get("code_verifier"))) {
            respond(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        respond(exchange, 200, Map.of(
                "access_token", accessToken(pending.username(), pending.clientId()),
                "id_token", idToken(pending.username(), pending.clientId(), pending.nonce()),
                "token_type", "Bearer", "expires_in", 3600, "scope", "openid profile email"));
    }

    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> params = parseQuery(exchange.getRequestURI().getRawQuery());
        String target = params.get("post_logout_redirect_uri");
        if (target != null && isLocal(target)) {
            exchange.getResponseHeaders().add("Location", target);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        html(exchange, 200, "<p>ログアウトしました / Signed out</p>");
    }

    private static boolean pkceMatches(String challenge, String verifier) {
        if (challenge == null || challenge.isBlank()) {
            return true;
        }
        if (verifier == null) {
            return false;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return B64.encodeToString(digest).equals(challenge);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean isLocal(String uri) {
        return uri.startsWith("http://localhost:") || uri.startsWith("http://127.0.0.1:")
                || uri.startsWith("http://localhost/") || uri.startsWith("http://127.0.0.1/");
    }

    private String loginPage(Map<String, String> params, String error) {
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("client_id", "redirect_uri", "state", "nonce", "response_type", "scope",
                "code_challenge", "code_challenge_method")) {
            if (params.get(name) != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escape(params.get(name))).append("\">");
            }
        }
        StringBuilder options = new StringBuilder();
        users.values().forEach(u -> options.append("<option value=\"").append(escape(u.username())).append("\">")
                .append(escape(u.name())).append("</option>"));
        return "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Kyoso ログイン（ローカル）</title><style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto;"
                + "padding:0 1rem;color:#1a1a1a}label{display:block;margin-top:1rem}input{font-size:1rem;padding:.5rem;"
                + "width:100%;box-sizing:border-box}button{margin-top:1.5rem;font-size:1rem;padding:.6rem 1.2rem;"
                + "background:#0b5394;color:#fff;border:0;border-radius:4px}:focus{outline:3px solid #b45f06}"
                + ".error{color:#a00000}</style></head><body><main><h1>Kyoso ログイン</h1>"
                + "<p>ローカル実行用の認証サーバーです。デモ利用者のパスワードは <code>demo</code> です。"
                + "<br><span lang=\"en\">Local demo identity provider; demo users' password is demo.</span></p>"
                + (error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>")
                + "<form method=\"post\">" + hidden
                + "<label for=\"username\">ユーザー名 / Username</label>"
                + "<input id=\"username\" name=\"username\" list=\"demo-users\" autocomplete=\"username\" required>"
                + "<datalist id=\"demo-users\">" + options + "</datalist>"
                + "<label for=\"password\">パスワード / Password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
                + "<button type=\"submit\">ログイン / Sign in</button></form></main></body></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void html(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> parseQuery(String rawQuery) throws IOException {
        return rawQuery == null ? new HashMap<>()
                : parseForm(new java.io.ByteArrayInputStream(rawQuery.getBytes(StandardCharsets.US_ASCII)));
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

    private static Map<String, RealmExport.Person> loadDemoUsers() {
        Map<String, RealmExport.Person> byName = new LinkedHashMap<>();
        RealmExport.people().forEach(u -> byName.put(u.username(), u));
        return byName;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
