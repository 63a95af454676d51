import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The crash test's client side (scripts/crash-test.sh runs the processes and kills them).
 *
 * <pre>
 *   free-port [N]                               N distinct free TCP ports on the loopback interface
 *   wait-http URL SECONDS                       wait until URL answers 200
 *   setup    STATE                              users, one organisation per worker, one plan per worker
 *   burst    STATE JOURNAL PHASE SECONDS [STOP] concurrent writes until STOP exists (at most SECONDS);
 *                                               every outcome to JOURNAL (JSON lines), "ack KIND" per 2xx on stdout
 *   recover  STATE JOURNAL PHASE SECONDS        after a restart: writes must succeed again, then 20 in a row
 *   verify   STATE JOURNAL                      every 2xx write present and intact, nothing half-applied
 * </pre>
 *
 * Settings come from the environment: KYOSO_BASE (the API), KYOSO_ISSUER (the demo token
 * endpoint's realm URL), KYOSO_JDBC_URL (the database, user postgres), CRASH_WORKERS.
 */
public class CrashTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MUNICIPALITY = "352161";
    static final String STAFF = "sanyo-manager";
    static final int ITEMS_PER_PLAN = 6;
    static final int PLANS_PER_WORKER = 2;
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2029; // plans span at most 30 fiscal years
    static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;
    static final String[] STATUSES = {"NOT_STARTED", "UNDER_STUDY", "PARTLY_DONE", "ONGOING", "DONE"};
    static final String[] THEMES = {"HEALTH_WELFARE", "SOCIAL_EDUCATION", "COMMUNITY_DEVELOPMENT"};

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    static String base() {
        return env("KYOSO_BASE");
    }

    static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return v;
    }

    /**
     * N distinct free ports, space-separated: all sockets stay open until every port is chosen, so the
     * system cannot hand one out twice (asked one at a time, it did — a database and a token issuer
     * on one port).
     */
    static String freePorts(int count) throws java.io.IOException {
        List<ServerSocket> sockets = new java.util.ArrayList<>();
        try {
            StringBuilder ports = new StringBuilder();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports.append(i == 0 ? "" : " ").append(socket.getLocalPort());
            }
            return ports.toString();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "free-port" -> System.out.println(freePorts(args.length > 1 ? Integer.parseInt(args[1]) : 1));
            case "wait-http" -> System.exit(waitHttp(args[1], Integer.parseInt(args[2])) ? 0 : 1);
            case "setup" -> setup(Path.of(args[1]));
            case "burst" -> burst(Path.of(args[1]), Path.of(args[2]), args[3], Integer.parseInt(args[4]),
                    args.length > 5 ? Path.of(args[5]) : null);
            case "recover" -> System.exit(recover(Path.of(args[1]), Path.of(args[2]), args[3],
                    Integer.parseInt(args[4])) ? 0 : 1);
            case "verify" -> System.exit(verify(Path.of(args[1]), Path.of(args[2])) ? 0 : 1);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ---------------------------------------------------------------- HTTP

    record Answer(int status, JsonNode body, String etag) {
    }

    static boolean waitHttp(String url, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(300);
        }
        return false;
    }

    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    static String token(String user) throws IOException, InterruptedException {
        String cached = TOKENS.get(user);
        if (cached != null) {
            return cached;
        }
        String form = "grant_type=password&client_id=kyoso-cli&password=demo&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(env("KYOSO_ISSUER")
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("token for " + user + ": " + r.statusCode() + " " + r.body());
        }
        String token = JSON.readTree(r.body()).get("access_token").asText();
        TOKENS.put(user, token);
        return token;
    }

    /** One request; a transport failure (no answer) is status 0. */
    static Answer call(String method, String path, String user, Object body, String ifMatch, String idemKey)
            throws InterruptedException {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (user != null) {
                b.header("Authorization", "Bearer " + token(user));
            }
            if (ifMatch != null) {
                b.header("If-Match", ifMatch);
            }
            if (idemKey != null) {
                b.header("Idempotency-Key", idemKey);
            }
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (r.body() != null && !r.body().isEmpty() && r.body().startsWith("{")) {
                json = JSON.readTree(r.body());
            }
            return new Answer(r.statusCode(), json, r.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            return new Answer(0, null, null);
        }
    }

    static Answer must(Answer a, String what) {
        if (a.status() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + a.status() + " " + a.body());
        }
        return a;
    }

    // ---------------------------------------------------------------- setup

    static int workers() {
        String w = System.getenv("CRASH_WORKERS");
        return w == null ? 16 : Integer.parseInt(w);
    }

    static void setup(Path stateFile) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        int n = workers();
        ArrayNode ws = JSON.createArrayNode();
        List<ObjectNode> slots = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(n, null)));
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int w = i;
                futures.add(pool.submit(() -> {
                    String user = "crash-" + run + "-w" + w;
                    ObjectNode org = organization("crash-" + run + "-setup-w" + w);
                    Answer created = must(call("POST", "/api/v1/municipalities/" + MUNICIPALITY + "/organizations",
                            user, org, null, null), "organisation of " + user);
                    ObjectNode slot = JSON.createObjectNode().put("user", user)
                            .put("organizationId", created.body().get("id").asText());
                    ArrayNode plans = slot.putArray("plans");
                    for (int p = 0; p < PLANS_PER_WORKER; p++) {
                        ObjectNode plan = JSON.createObjectNode().put("title", "crash-" + run + "-plan-w" + w + "-" + p)
                                .put("startFiscalYear", FIRST_YEAR).put("endFiscalYear", LAST_YEAR);
                        Answer created2 = must(call("POST", "/api/v1/municipalities/" + MUNICIPALITY + "/plans", STAFF,
                                plan, null, null), "plan");
                        String planId = created2.body().get("id").asText();
                        ArrayNode items = JSON.createArrayNode();
                        for (int k = 0; k < ITEMS_PER_PLAN; k++) {
                            Answer item = must(call("POST", "/api/v1/plans/" + planId + "/items", STAFF,
                                    JSON.createObjectNode().put("title", "crash item " + k), null, null), "plan item");
                            items.add(item.body().get("id").asText());
                        }
                        plans.addObject().put("planId", planId).set("items", items);
                    }
                    slots.set(w, slot);
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        }
        slots.forEach(ws::add);
        ObjectNode state = JSON.createObjectNode().put("run", run);
        state.set("workers", ws);
        Files.writeString(stateFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
        System.out.println("setup: " + n + " workers, each with its own user, organisation and plan of "
                + ITEMS_PER_PLAN + " items (run " + run + ")");
    }

    static ObjectNode organization(String marker) {
        ObjectNode o = JSON.createObjectNode().put("type", "CIVIC_GROUP").put("bond", "THEMATIC")
                .put("name", marker + " 耐障害テスト団体").put("nameKana", "たいしょうがいてすと " + marker)
                .put("description", "クラッシュ試験で作成した団体です。" + marker)
                .put("website", "https://example.org/" + marker);
        o.putArray("themes").add(THEMES[Math.abs(marker.hashCode()) % 3]).add("DISASTER_RELIEF");
        o.putObject("contact").put("name", "担当 " + marker).put("email", marker + "@example.org")
                .put("phone", "0836-00-" + String.format("%04d", Math.abs(marker.hashCode()) % 10000));
        return o;
    }

    static ObjectNode listing(String marker, int n) {
        ObjectNode l = JSON.createObjectNode().put("kind", n % 2 == 0 ? "NEED" : "HAVE").put("category", "GOODS")
                .put("title", marker + " 毛布").put("description", "避難所で使う毛布。" + marker)
                .put("quantity", n % 50 + 1).put("unit", "枚");
        l.putArray("themes").add(THEMES[n % 3]);
        return l;
    }

    // ---------------------------------------------------------------- burst

    static volatile Path stopFile;
    static volatile boolean printAcks;

    static void burst(Path stateFile, Path journal, String phase, int seconds, Path stop) throws Exception {
        JsonNode state = JSON.readTree(stateFile.toFile());
        stopFile = stop;
        printAcks = true;
        List<String> lines = runBurst(state, phase, seconds, false);
        Files.write(journal, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        summarise(phase, lines);
    }

    static void summarise(String phase, List<String> lines) throws IOException {
        Map<String, int[]> byKind = new java.util.TreeMap<>();
        for (String line : lines) {
            JsonNode j = JSON.readTree(line);
            int[] c = byKind.computeIfAbsent(j.get("kind").asText(), k -> new int[3]);
            int s = j.get("status").asInt();
            c[s / 100 == 2 ? 0 : s == 0 ? 1 : 2]++;
        }
        Map<Integer, Integer> refused = new java.util.TreeMap<>();
        for (String line : lines) {
            int s = JSON.readTree(line).get("status").asInt();
            if (s != 0 && s / 100 != 2) {
                refused.merge(s, 1, Integer::sum);
            }
        }
        StringBuilder b = new StringBuilder(phase + ": " + lines.size() + " writes attempted");
        byKind.forEach((k, c) -> b.append("; ").append(k).append(' ').append(c[0]).append(" 2xx, ")
                .append(c[1]).append(" no answer, ").append(c[2]).append(" refused"));
        if (!refused.isEmpty()) {
            b.append(" (refused with status: ").append(refused).append(')');
        }
        System.out.println(b);
    }

    /** Seconds per worker; with untilSuccessRun, stops once every worker has had 2xx answers after its first failure. */
    static List<String> runBurst(JsonNode state, String phase, int seconds, boolean quiet) throws Exception {
        String run = state.get("run").asText();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int n = state.get("workers").size();
        int[] slots = phaseSlots(phase);
        for (JsonNode w : state.get("workers")) {
            token(w.get("user").asText());
        }
        token(STAFF);
        if (!quiet) {
            System.out.println(phase + ": burst of writes by " + n + " workers for " + seconds + " s");
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                JsonNode w = state.get("workers").get(i);
                int wi = i;
                pool.submit(() -> {
                    worker(run, phase, wi, w, end, slots, lines);
                    return null;
                });
            }
        }
        return lines;
    }

    /** Each write to a plan's statuses takes a fresh (plan, fiscal year) slot: [first, last) per phase. */
    static int[] phaseSlots(String phase) {
        return switch (phase) {
            case "api-kill" -> new int[] {0, 20};
            case "db-kill" -> new int[] {20, 45};
            default -> new int[] {45, 60};
        };
    }

    static void worker(String run, String phase, int wi, JsonNode w, long end, int[] slots, List<String> lines)
            throws Exception {
        String user = w.get("user").asText();
        String etag = null;
        int slot = slots[0];
        for (int n = 0; System.nanoTime() < end && (stopFile == null || !Files.exists(stopFile)); n++) {
            String marker = "crash-" + run + "-" + phase + "-w" + wi + "-" + n;
            ObjectNode entry = JSON.createObjectNode().put("phase", phase).put("worker", wi).put("marker", marker)
                    .put("user", user);
            Answer a;
            switch (n % 3) {
                case 0 -> {
                    ObjectNode body = organization(marker);
                    entry.put("kind", "organization").set("sent", body);
                    a = call("POST", "/api/v1/municipalities/" + MUNICIPALITY + "/organizations", user, body, null, null);
                }
                case 1 -> {
                    ObjectNode body = listing(marker, n);
                    entry.put("kind", "listing").set("sent", body);
                    a = call("POST", "/api/v1/organizations/" + w.get("organizationId").asText() + "/listings", user,
                            body, null, null);
                }
                default -> {
                    if (slot >= slots[1] || slot >= PLANS_PER_WORKER * YEARS) {
                        continue;
                    }
                    JsonNode plan = w.get("plans").get(slot / YEARS);
                    String planId = plan.get("planId").asText();
                    int year = FIRST_YEAR + slot % YEARS;
                    if (slot % YEARS == 0 || slot == slots[0]) {
                        etag = null; // another plan
                    }
                    if (etag == null) {
                        Answer current = call("GET", "/api/v1/plans/" + planId, STAFF, null, null, null);
                        if (current.status() != 200) {
                            pause(current);
                            continue;
                        }
                        etag = current.etag();
                    }
                    String status = STATUSES[(year + wi) % STATUSES.length];
                    ObjectNode body = JSON.createObjectNode();
                    ArrayNode changes = body.putArray("statuses");
                    for (JsonNode item : plan.get("items")) {
                        changes.addObject().put("itemId", item.asText()).put("fiscalYear", year).put("status", status);
                    }
                    entry.put("kind", "plan-statuses").put("planId", planId).put("fiscalYear", year)
                            .put("expected", status).put("rows", plan.get("items").size());
                    a = call("PUT", "/api/v1/plans/" + planId + "/statuses", STAFF, body, etag, null);
                    slot++;
                    etag = a.status() == 200 ? a.etag() : null;
                }
            }
            entry.put("status", a.status());
            if (a.status() / 100 == 2 && a.body() != null && a.body().has("id")) {
                entry.put("id", a.body().get("id").asText());
            }
            lines.add(JSON.writeValueAsString(entry));
            if (printAcks && a.status() / 100 == 2) {
                synchronized (System.out) {
                    System.out.println("ack " + entry.get("kind").asText());
                    System.out.flush();
                }
            }
            pause(a);
        }
    }

    /** After a failure, do not spin: wait a little before the next write. */
    static void pause(Answer a) throws InterruptedException {
        if (a.status() == 0 || a.status() >= 500) {
            Thread.sleep(200);
        }
    }

    // ---------------------------------------------------------------- recovery

    static boolean recover(Path stateFile, Path journal, String phase, int seconds) throws Exception {
        JsonNode state = JSON.readTree(stateFile.toFile());
        JsonNode w = state.get("workers").get(0);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            Answer a = call("POST", "/api/v1/organizations/" + w.get("organizationId").asText() + "/listings",
                    w.get("user").asText(), listing("crash-" + state.get("run").asText() + "-probe-"
                            + UUID.randomUUID(), 1), null, null);
            if (a.status() == 201) {
                break;
            }
            Thread.sleep(250);
        }
        double waited = (System.nanoTime() - start) / 1e9;
        if (System.nanoTime() >= end) {
            System.out.println(phase + ": the API did not accept writes within " + seconds + " s of the restart");
            return false;
        }
        // Every worker's connection must work now: a short burst in which every write succeeds.
        List<String> lines = runBurst(state, phase, 3, true);
        lines = new ArrayList<>(lines);
        Files.write(journal, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        long failed = lines.stream().filter(l -> !l.contains("\"status\":2")).count();
        System.out.printf("%s: writes accepted again %.1f s after the restart; then %d writes, %d failed%n",
                phase, waited, lines.size(), failed);
        return failed == 0 && !lines.isEmpty();
    }

    // ---------------------------------------------------------------- verify

    static boolean verify(Path stateFile, Path journal) throws Exception {
        JsonNode state = JSON.readTree(stateFile.toFile());
        String run = state.get("run").asText();
        List<JsonNode> entries = new ArrayList<>();
        for (String line : Files.readAllLines(journal)) {
            entries.add(JSON.readTree(line));
        }
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        int acknowledged = 0;
        AtomicBoolean dummy = new AtomicBoolean();
        try (Connection db = DriverManager.getConnection(env("KYOSO_JDBC_URL"), "postgres", "postgres")) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = db.createStatement().executeQuery("show " + setting)) {
                    rs.next();
                    if (!"on".equals(rs.getString(1))) {
                        problems.add("PostgreSQL runs with " + setting + "=" + rs.getString(1) + " (must be on)");
                    }
                }
            }
            // 1. Every write that got a 2xx is present and intact.
            List<JsonNode> acked = entries.stream().filter(e -> e.get("status").asInt() / 100 == 2).toList();
            acknowledged = acked.size();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                for (JsonNode e : acked) {
                    pool.submit(() -> {
                        try {
                            checkAcknowledged(e, db, problems);
                        } catch (Exception ex) {
                            problems.add(e.get("marker").asText() + ": " + ex);
                        }
                        return null;
                    });
                }
            }
            // 2. Nothing is half-applied, whatever the answer was (2xx, none, or an error).
            checkOrganizations(db, run, entries, problems);
            checkListings(db, run, entries, problems);
            checkPlans(db, state, entries, problems);
        }
        long noAnswer = entries.stream().filter(e -> e.get("status").asInt() == 0).count();
        System.out.printf("verify: %d writes attempted, %d got 2xx, %d got no answer, %d refused; "
                        + "%d of %d 2xx writes verified intact; %d problem(s)%n",
                entries.size(), acknowledged, noAnswer, entries.size() - acknowledged - noAnswer,
                acknowledged - problems.stream().filter(p -> p.startsWith("LOST")).count(), acknowledged,
                problems.size());
        problems.stream().limit(40).forEach(p -> System.out.println("  " + p));
        return problems.isEmpty();
    }

    static void checkAcknowledged(JsonNode e, Connection db, List<String> problems) throws Exception {
        String marker = e.get("marker").asText();
        String user = e.get("user").asText();
        JsonNode sent = e.get("sent");
        switch (e.get("kind").asText()) {
            case "organization" -> {
                Answer a = call("GET", "/api/v1/organizations/" + e.get("id").asText(), user, null, null, null);
                if (a.status() != 200) {
                    problems.add("LOST organisation " + marker + ": GET answered " + a.status());
                    return;
                }
                JsonNode got = a.body();
                for (String f : List.of("type", "bond", "name", "nameKana", "description", "website", "themes", "contact")) {
                    if (!sent.get(f).equals(got.get(f))) {
                        problems.add("LOST organisation " + marker + ": " + f + " is " + got.get(f) + ", sent " + sent.get(f));
                    }
                }
                if (!"OWNER".equals(got.path("myRole").asText())) {
                    problems.add("LOST organisation " + marker + ": its creator is not its owner");
                }
            }
            case "listing" -> {
                Answer a = call("GET", "/api/v1/listings/" + e.get("id").asText(), user, null, null, null);
                if (a.status() != 200) {
                    problems.add("LOST listing " + marker + ": GET answered " + a.status());
                    return;
                }
                for (String f : List.of("kind", "category", "title", "description", "quantity", "unit", "themes")) {
                    if (!sent.get(f).equals(a.body().get(f))) {
                        problems.add("LOST listing " + marker + ": " + f + " is " + a.body().get(f) + ", sent " + sent.get(f));
                    }
                }
            }
            case "plan-statuses" -> {
                synchronized (db) {
                    try (PreparedStatement ps = db.prepareStatement("""
                            select count(*), count(*) filter (where status = ?) from plan_item_status
                            where plan_id = ?::uuid and fiscal_year = ?""")) {
                        ps.setString(1, e.get("expected").asText());
                        ps.setString(2, e.get("planId").asText());
                        ps.setInt(3, e.get("fiscalYear").asInt());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            int rows = e.get("rows").asInt();
                            if (rs.getInt(1) != rows || rs.getInt(2) != rows) {
                                problems.add("LOST plan statuses " + marker + ": " + rs.getInt(2) + " of " + rows
                                        + " rows hold " + e.get("expected").asText() + " (" + rs.getInt(1) + " rows)");
                            }
                        }
                    }
                }
            }
            default -> problems.add("unknown kind " + e);
        }
    }

    /** Every organisation of this run has its owner membership and its audit entry, and was attempted. */
    static void checkOrganizations(Connection db, String run, List<JsonNode> entries, List<String> problems)
            throws SQLException {
        Map<String, JsonNode> attempted = new HashMap<>();
        entries.stream().filter(e -> e.get("kind").asText().equals("organization"))
                .forEach(e -> attempted.put(e.get("marker").asText() + " 耐障害テスト団体", e));
        try (PreparedStatement ps = db.prepareStatement("""
                select o.name, o.contact_email, o.website,
                       (select count(*) from organization_membership m where m.organization_id = o.id and m.role = 'OWNER'),
                       (select count(*) from audit_entry a where a.entity_type = 'organization'
                            and a.entity_id = o.id::text and a.action = 'organization.create')
                from organization o where o.name like ?""")) {
            ps.setString(1, "crash-" + run + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Integer> seen = new HashMap<>();
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (name.contains("-setup-")) {
                        continue;
                    }
                    seen.merge(name, 1, Integer::sum);
                    if (rs.getLong(4) != 1 || rs.getLong(5) != 1) {
                        problems.add("HALF-APPLIED organisation " + name + ": " + rs.getLong(4) + " owners, "
                                + rs.getLong(5) + " audit entries");
                    }
                    if (!attempted.containsKey(name)) {
                        problems.add("UNEXPECTED organisation " + name);
                    }
                }
                seen.forEach((name, count) -> {
                    if (count > 1) {
                        problems.add("DUPLICATE organisation " + name + " (" + count + ")");
                    }
                });
            }
        }
    }

    static void checkListings(Connection db, String run, List<JsonNode> entries, List<String> problems)
            throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("""
                select l.title, (select count(*) from audit_entry a where a.entity_type = 'listing'
                            and a.entity_id = l.id::text and a.action = 'listing.create')
                from listing l where l.title like ?""")) {
            ps.setString(1, "crash-" + run + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Integer> seen = new HashMap<>();
                while (rs.next()) {
                    seen.merge(rs.getString(1), 1, Integer::sum);
                    if (rs.getLong(2) != 1) {
                        problems.add("HALF-APPLIED listing " + rs.getString(1) + ": " + rs.getLong(2) + " audit entries");
                    }
                }
                seen.forEach((title, count) -> {
                    if (count > 1) {
                        problems.add("DUPLICATE listing " + title + " (" + count + ")");
                    }
                });
            }
        }
    }

    /**
     * Each bulk status write sets all of a plan's items in one fiscal year: a year has every row
     * with one status or none, and each applied write left exactly one audit entry.
     */
    static void checkPlans(Connection db, JsonNode state, List<JsonNode> entries, List<String> problems)
            throws SQLException {
        for (JsonNode plan : state.findValues("plans").stream().flatMap(p -> java.util.stream.StreamSupport
                .stream(p.spliterator(), false)).toList()) {
            String planId = plan.get("planId").asText();
            int rows = plan.get("items").size();
            int yearsApplied = 0;
            try (PreparedStatement ps = db.prepareStatement("""
                    select fiscal_year, count(*), count(distinct status) from plan_item_status
                    where plan_id = ?::uuid group by fiscal_year order by fiscal_year""")) {
                ps.setString(1, planId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        yearsApplied++;
                        if (rs.getInt(2) != rows || rs.getInt(3) != 1) {
                            problems.add("HALF-APPLIED plan statuses of plan " + planId + " year " + rs.getInt(1) + ": "
                                    + rs.getInt(2) + " of " + rows + " rows, " + rs.getInt(3) + " distinct statuses");
                        }
                    }
                }
            }
            try (PreparedStatement ps = db.prepareStatement("""
                    select count(*) from audit_entry where entity_type = 'plan' and entity_id = ?
                    and action = 'plan.statuses.set'""")) {
                ps.setString(1, planId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != yearsApplied) {
                        problems.add("HALF-APPLIED plan " + planId + ": " + yearsApplied + " years set but "
                                + rs.getInt(1) + " audit entries");
                    }
                }
            }
        }
    }
}
