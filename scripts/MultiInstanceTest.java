import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The client side of scripts/multi-instance-test.sh: two API instances A and B on one PostgreSQL
 * must behave as one. Sub-commands:
 *
 * <pre>
 *   wait-http URL SECONDS
 *   migrated-once MIGRATIONS           every Flyway version applied exactly once, all of them
 *   as-one                             limits, idempotency, sessions and writes across A and B
 *   shutdown-burst PID SECONDS         SIGTERM to A (PID) mid-burst: no accepted request fails
 * </pre>
 *
 * Settings from the environment: KYOSO_A and KYOSO_B (base URLs), KYOSO_A_MANAGEMENT (A's
 * management URL), KYOSO_ISSUER (the test issuer's realm URL), KYOSO_JDBC_URL (user postgres),
 * KYOSO_READ_LIMIT (anonymous reads per minute the instances were started with).
 */
public class MultiInstanceTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static int failures;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "wait-http" -> System.exit(waitHttp(args[1], Integer.parseInt(args[2])) ? 0 : 1);
            case "migrated-once" -> migratedOnce(Integer.parseInt(args[1]));
            case "as-one" -> asOne();
            case "shutdown-burst" -> shutdownBurst(Long.parseLong(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        if (failures > 0) {
            System.out.println("multi-instance: " + failures + " check(s) FAILED");
            System.exit(1);
        }
    }

    private static void check(boolean ok, String what) {
        System.out.println((ok ? "ok - " : "not ok - ") + what);
        if (!ok) {
            failures++;
        }
    }

    static boolean waitHttp(String url, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }

    // ------------------------------------------------------------------ migration

    static void migratedOnce(int migrations) throws Exception {
        try (Connection c = DriverManager.getConnection(env("KYOSO_JDBC_URL"), "postgres", "postgres");
             ResultSet r = c.createStatement().executeQuery("""
                     select count(*), count(distinct version), count(*) filter (where not success)
                     from flyway_schema_history where version is not null""")) {
            r.next();
            check(r.getInt(1) == migrations && r.getInt(2) == migrations && r.getInt(3) == 0,
                    "two instances started at once on an empty database migrated it once: " + r.getInt(1)
                            + " applied migrations, " + r.getInt(2) + " distinct versions, " + migrations + " files, "
                            + r.getInt(3) + " failed");
        }
    }

    // ------------------------------------------------------------------ as one

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(String username) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(env("KYOSO_ISSUER") + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=kyoso-cli&username=" + username
                        + "&password=demo")));
        String body = r.body();
        int start = body.indexOf("\"access_token\":\"") + 16;
        return body.substring(start, body.indexOf('"', start));
    }

    static void asOne() throws Exception {
        String a = env("KYOSO_A");
        String b = env("KYOSO_B");
        int limit = Integer.parseInt(env("KYOSO_READ_LIMIT"));

        // 1. A client that used up its anonymous limit on A is refused on B.
        int okOnA = 0;
        int firstRefusalAt = -1;
        for (int i = 0; i < limit + 10 && firstRefusalAt < 0; i++) {
            int status = send(HttpRequest.newBuilder(URI.create(a + "/api/v1/themes"))).statusCode();
            if (status == 200) {
                okOnA++;
            } else if (status == 429) {
                firstRefusalAt = i;
            }
        }
        HttpResponse<String> onB = send(HttpRequest.newBuilder(URI.create(b + "/api/v1/themes")));
        check(firstRefusalAt >= 0 && okOnA <= limit + 2 && onB.statusCode() == 429
                        && onB.headers().firstValue("Retry-After").isPresent(),
                "anonymous limit " + limit + "/min used up on A (" + okOnA + " answered, then 429) is refused on B: "
                        + onB.statusCode());
        // X-Forwarded-For from an untrusted peer changes nothing: still the same, empty bucket
        // (a new address would have a full one). The bucket refills 2 tokens in 3 s, so of 5
        // requests in quick succession at most one gets through.
        int forgedOk = 0;
        for (int i = 0; i < 5; i++) {
            if (send(HttpRequest.newBuilder(URI.create(b + "/api/v1/themes"))
                    .header("X-Forwarded-For", "203.0.113." + (10 + i))).statusCode() == 200) {
                forgedOk++;
            }
        }
        check(forgedOk <= 1, "X-Forwarded-For from a peer that is no trusted proxy is ignored: " + forgedOk
                + " of 5 requests with new forwarded addresses answered");

        // 2. An Idempotency-Key used on A replays on B; 3. the write made on A is read on B.
        String admin = token("admin");
        String body = "{\"code\":\"352039\",\"name\":\"山口市\",\"nameKana\":\"やまぐちし\",\"prefecture\":\"山口県\","
                + "\"conceptTerm\":\"CO_CREATION\"}";
        HttpRequest.Builder create = HttpRequest.newBuilder(URI.create(a + "/api/v1/municipalities"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .header("Idempotency-Key", "multi-instance-1").POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> first = send(create);
        HttpResponse<String> replay = send(HttpRequest.newBuilder(URI.create(b + "/api/v1/municipalities"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .header("Idempotency-Key", "multi-instance-1").POST(HttpRequest.BodyPublishers.ofString(body)));
        check(first.statusCode() == 201 && replay.statusCode() == 201
                        && "true".equals(replay.headers().firstValue("Idempotent-Replayed").orElse(null))
                        && first.headers().firstValue("Location").equals(replay.headers().firstValue("Location"))
                        && first.body().equals(replay.body()),
                "Idempotency-Key used on A (" + first.statusCode() + ") replays on B (" + replay.statusCode()
                        + ", Idempotent-Replayed " + replay.headers().firstValue("Idempotent-Replayed").orElse("-") + ")");
        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(b + "/api/v1/municipalities/352039"))
                .header("Authorization", "Bearer " + admin));
        check(read.statusCode() == 200 && read.body().contains("山口市"), "the municipality written on A is read on B: "
                + read.statusCode());

        // 4. A browser session cookie from A works on B (the sessions live in PostgreSQL).
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(a + "/api/v1/auth/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        URI authorize = URI.create(login.headers().firstValue("Location").orElseThrow());
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : authorize.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        form.put("username", "sanyo-manager");
        form.put("password", "demo");
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(authorize.getScheme() + "://"
                        + authorize.getRawAuthority() + authorize.getRawPath()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))).build(), HttpResponse.BodyHandlers.ofString());
        URI callback = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> landed = browser.send(HttpRequest.newBuilder(callback).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> meOnB = browser.send(HttpRequest.newBuilder(URI.create(b + "/api/v1/me"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        check(landed.statusCode() / 100 == 3 && meOnB.statusCode() == 200 && meOnB.body().contains("sanyo-manager"),
                "browser session made on A (callback " + landed.statusCode() + ") is signed in on B: /me "
                        + meOnB.statusCode());
    }

    // ------------------------------------------------------------------ graceful shutdown

    /**
     * Signed-in reads from 8 workers, each on a fresh connection, while A is sent SIGTERM. An
     * answer must be 2xx, or 503 once A stopped taking requests; a refused connection was never
     * accepted; any other status fails. Meanwhile A's readiness must turn DOWN while its public
     * port still answers. Prints "answered N" for the script's count against A's access log.
     */
    static void shutdownBurst(long pid, int seconds) throws Exception {
        System.setProperty("http.keepAlive", "false");
        String a = env("KYOSO_A");
        String ready = env("KYOSO_A_MANAGEMENT") + "/q/health/ready";
        String bearer = "Bearer " + token("sanyo-manager");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean terminated = new AtomicBoolean();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            Thread t = Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    String outcome = once(a + "/api/v1/me", bearer);
                    outcomes.computeIfAbsent((terminated.get() ? "after " : "before ") + outcome,
                            k -> new AtomicInteger()).incrementAndGet();
                    if (outcome.equals("refused")) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            workers.add(t);
        }
        Thread.sleep(1500);
        terminated.set(true);
        new ProcessBuilder("kill", "-TERM", Long.toString(pid)).inheritIO().start().waitFor();
        Thread.sleep(300);
        int readiness = statusOf(ready);
        int publicRead = statusOf(a + "/api/v1/themes");
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : workers) {
            t.join();
        }
        System.out.println("shutdown burst outcomes: " + new java.util.TreeMap<>(outcomes));
        check(readiness == 503 && publicRead == 200, "after SIGTERM readiness goes DOWN first (" + readiness
                + ") while requests are still served (" + publicRead + ")");
        int okAfter = outcomes.getOrDefault("after 2xx", new AtomicInteger()).get();
        int answered = okAfter + outcomes.getOrDefault("before 2xx", new AtomicInteger()).get();
        long wrong = outcomes.entrySet().stream()
                .filter(e -> !e.getKey().endsWith(" 2xx") && !e.getKey().endsWith(" 503")
                        && !e.getKey().endsWith(" refused") && !e.getKey().contains("unanswered"))
                .mapToLong(e -> e.getValue().get()).sum();
        check(okAfter > 0 && wrong == 0, "SIGTERM mid-burst: " + okAfter + " requests answered after it, "
                + wrong + " answered with an error");
        // A connection the server never took off its accept queue is reset when it closes the
        // listening socket: never accepted. The script compares the 2xx answers counted here with
        // the requests A logged as handled: equal means no accepted request was lost.
        System.out.println("answered " + answered);
    }

    private static String once(String url, String bearer) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(30000);
            c.setRequestProperty("Authorization", bearer);
            try {
                c.connect();
            } catch (ConnectException e) {
                return "refused";
            }
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status / 100 == 2 ? "2xx" : Integer.toString(status);
        } catch (ConnectException e) {
            return "refused";
        } catch (IOException e) {
            return "unanswered (" + e.getMessage() + ")";
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private static int statusOf(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }
}
