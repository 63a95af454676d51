import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for bench/load.sh: CONCURRENCY virtual users, each signed in as its own user
 * with its own organisation, loop for SECONDS over a mix of reads and writes against the
 * running API (java.net.http, one virtual thread per user, closed loop: no think time).
 *
 *   java -cp "api/target/quarkus-app/lib/main/*" bench/LoadTest.java BASE ISSUER CONCURRENCY SECONDS
 *
 * Reports, per kind of request, the count, errors (anything but the expected 2xx, or no
 * answer), throughput and p50/p95/p99/max latency; exits 1 on any error.
 */
public class LoadTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    static String base;
    static String issuer;

    record Kind(String name, boolean write, int weight) {
    }

    // The mix: reads (search, lists, a detail page, a plan's progress, events), 20 % writes.
    static final List<Kind> KINDS = List.of(
            new Kind("GET organisations search (q=防災)", false, 20),
            new Kind("GET listings search", false, 20),
            new Kind("GET organisation", false, 20),
            new Kind("GET plan progress", false, 20),
            new Kind("GET events search", false, 10),
            new Kind("GET event", false, 10),
            new Kind("POST listing", true, 12),
            new Kind("PUT organisation (If-Match)", true, 8));

    static final List<String> EVENT_IDS = new ArrayList<>();
    static final Map<String, List<Long>> LATENCIES = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> ERRORS = new ConcurrentHashMap<>();
    static final Map<String, String> FIRST_ERROR = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        base = args[0];
        issuer = args[1];
        int concurrency = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        KINDS.forEach(k -> {
            LATENCIES.put(k.name(), Collections.synchronizedList(new ArrayList<>()));
            ERRORS.put(k.name(), new AtomicLong());
        });

        // Setup: a demo organisation and plan to read; per user a token and its own organisation.
        String staff = token("sanyo-manager");
        JsonNode orgs = send("GET", "/api/v1/municipalities/352161/organizations?size=50", null, null, null).body;
        List<String> orgIds = new ArrayList<>();
        orgs.get("items").forEach(o -> orgIds.add(o.get("id").asText()));
        JsonNode plans = send("GET", "/api/v1/municipalities/352161/plans", staff, null, null).body;
        List<String> planIds = new ArrayList<>();
        plans.get("items").forEach(p -> planIds.add(p.get("id").asText()));
        JsonNode events = send("GET", "/api/v1/municipalities/352161/events?size=50", null, null, null).body;
        events.get("items").forEach(e -> EVENT_IDS.add(e.get("id").asText()));
        List<String[]> users = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            String user = "load-" + run + "-" + i;
            String token = token(user);
            Answer created = send("POST", "/api/v1/municipalities/352161/organizations", token, organization(user, 0), null);
            if (created.status != 201) {
                throw new IllegalStateException("setup: " + created.status + " " + created.body);
            }
            users.add(new String[] {user, token, created.body.get("id").asText()});
        }
        String reader = users.get(0)[1];
        planIds.removeIf(id -> send("GET", "/api/v1/plans/" + id + "/progress", reader, null, null).status != 200);
        System.out.printf("Setup: %d users with their own organisation; %d demo organisations, %d plans to read%n",
                concurrency, orgIds.size(), planIds.size());

        // Warm-up (not measured): 5 s of the same mix.
        runFor(users, orgIds, planIds, 5, false);
        KINDS.forEach(k -> {
            LATENCIES.get(k.name()).clear();
            ERRORS.get(k.name()).set(0);
        });
        FIRST_ERROR.clear();

        long cpuBefore = serverCpuTicks();
        long start = System.nanoTime();
        // The API's resident memory, sampled every second of the run.
        List<Long> rss = Collections.synchronizedList(new ArrayList<>());
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long kb = rssKb(System.getProperty("api.pid"));
                if (kb > 0) {
                    rss.add(kb);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        runFor(users, orgIds, planIds, seconds, true);
        sampler.interrupt();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpuTicks = serverCpuTicks() - cpuBefore;

        long total = 0;
        long errors = 0;
        System.out.printf("%nConcurrency %d for %.0f s (after 5 s warm-up), closed loop:%n", concurrency, elapsed);
        System.out.printf("  %-36s %8s %7s %9s %8s %8s %8s %8s%n", "request", "count", "errors", "req/s", "p50 ms",
                "p95 ms", "p99 ms", "max ms");
        Map<String, List<Long>> reads = new TreeMap<>();
        List<Long> allReads = new ArrayList<>();
        List<Long> allWrites = new ArrayList<>();
        for (Kind k : KINDS) {
            List<Long> l = new ArrayList<>(LATENCIES.get(k.name()));
            long e = ERRORS.get(k.name()).get();
            total += l.size() + e;
            errors += e;
            (k.write() ? allWrites : allReads).addAll(l);
            line(k.name(), l, e, elapsed);
        }
        line("all reads", allReads, KINDS.stream().filter(k -> !k.write()).mapToLong(k -> ERRORS.get(k.name()).get()).sum(), elapsed);
        line("all writes", allWrites, KINDS.stream().filter(Kind::write).mapToLong(k -> ERRORS.get(k.name()).get()).sum(), elapsed);
        List<Long> all = new ArrayList<>(allReads);
        all.addAll(allWrites);
        line("all", all, errors, elapsed);
        FIRST_ERROR.forEach((k, v) -> System.out.println("  first error of " + k + ": " + v));
        System.out.printf("Total %d requests, %d errors, %.0f req/s%n", total, errors, total / elapsed);
        if (cpuBefore >= 0) {
            // CPU the API and its PostgreSQL used, whatever else ran on the machine: the cost of a request.
            double cpuSeconds = cpuTicks / 100.0;
            System.out.printf("Server CPU (API JVM + PostgreSQL processes): %.1f s in %.0f s = %.2f cores busy;"
                    + " %.1f ms CPU per request%n", cpuSeconds, elapsed, cpuSeconds / elapsed, cpuSeconds * 1000 / total);
        }
        if (!rss.isEmpty()) {
            List<Long> r = new ArrayList<>(rss);
            int tenth = Math.max(1, r.size() / 10);
            System.out.printf("API resident memory: %d MB at the start, %d MB at most, %d MB at the end "
                            + "(first tenth of the run on average %d MB, last tenth %d MB)%n", r.get(0) / 1024,
                    Collections.max(r) / 1024, r.get(r.size() - 1) / 1024,
                    (long) r.subList(0, tenth).stream().mapToLong(Long::longValue).average().orElse(0) / 1024,
                    (long) r.subList(r.size() - tenth, r.size()).stream().mapToLong(Long::longValue).average().orElse(0) / 1024);
        }
        System.exit(errors == 0 ? 0 : 1);
    }

    /** VmRSS of a process in kB, or -1. */
    static long rssKb(String pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** utime + stime (and reaped children's) of the API JVM and of the postmaster and its children, in ticks. */
    static long serverCpuTicks() {
        String api = System.getProperty("api.pid");
        String postmaster = System.getProperty("postmaster.pid");
        if (api == null || postmaster == null) {
            return -1;
        }
        long ticks = ticks(api, false) + ticks(postmaster, true);
        try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (var p : procs.toList()) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    String[] f = stat(name);
                    if (f != null && f[3].equals(postmaster)) {
                        ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    }
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks;
    }

    static long ticks(String pid, boolean withChildren) {
        String[] f = stat(pid);
        if (f == null) {
            return 0;
        }
        long t = Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return withChildren ? t + Long.parseLong(f[15]) + Long.parseLong(f[16]) : t;
    }

    /** /proc/PID/stat split into fields (numbered from 0; the command name may contain spaces). */
    static String[] stat(String pid) {
        try {
            String s = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String rest = s.substring(s.lastIndexOf(')') + 2);
            String[] tail = rest.split(" ");
            String[] f = new String[tail.length + 2];
            f[0] = pid;
            f[1] = "(comm)";
            System.arraycopy(tail, 0, f, 2, tail.length);
            return f;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static void line(String name, List<Long> nanos, long errors, double elapsed) {
        Collections.sort(nanos);
        System.out.printf("  %-36s %8d %7d %9.1f %8.1f %8.1f %8.1f %8.1f%n", name, nanos.size(), errors,
                nanos.size() / elapsed, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99),
                nanos.isEmpty() ? 0 : nanos.get(nanos.size() - 1) / 1e6);
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }

    static void runFor(List<String[]> users, List<String> orgIds, List<String> planIds, int seconds, boolean measure)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int totalWeight = KINDS.stream().mapToInt(Kind::weight).sum();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String[] u : users) {
                pool.submit(() -> {
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    int n = 0;
                    while (System.nanoTime() < end) {
                        int pick = rnd.nextInt(totalWeight);
                        Kind kind = null;
                        for (Kind k : KINDS) {
                            if ((pick -= k.weight()) < 0) {
                                kind = k;
                                break;
                            }
                        }
                        one(kind, u, orgIds, planIds, n++);
                    }
                    return null;
                });
            }
        }
    }

    static void one(Kind kind, String[] u, List<String> orgIds, List<String> planIds, int n) {
        String token = u[1];
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long t0 = System.nanoTime();
        Answer a;
        int expected = 200;
        switch (kind.name()) {
            case "GET organisations search (q=防災)" -> a = send("GET", "/api/v1/municipalities/352161/organizations?q="
                    + URLEncoder.encode("防災", StandardCharsets.UTF_8), token, null, null);
            case "GET listings search" -> a = send("GET", "/api/v1/municipalities/352161/listings?size=20", token, null, null);
            case "GET organisation" -> a = send("GET", "/api/v1/organizations/" + orgIds.get(rnd.nextInt(orgIds.size())),
                    token, null, null);
            case "GET events search" -> a = send("GET", "/api/v1/municipalities/352161/events?size=20", token, null, null);
            case "GET event" -> a = send("GET", "/api/v1/events/" + EVENT_IDS.get(rnd.nextInt(EVENT_IDS.size())), token,
                    null, null);
            case "GET plan progress" -> a = send("GET", "/api/v1/plans/" + planIds.get(rnd.nextInt(planIds.size()))
                    + "/progress", token, null, null);
            case "POST listing" -> {
                ObjectNode l = JSON.createObjectNode().put("kind", n % 2 == 0 ? "NEED" : "HAVE").put("category", "GOODS")
                        .put("title", "負荷試験 " + u[0] + " " + n).put("description", "負荷試験の毛布").put("quantity", 5)
                        .put("unit", "枚");
                a = send("POST", "/api/v1/organizations/" + u[2] + "/listings", token, l, null);
                expected = 201;
            }
            default -> {
                // Read the organisation for its ETag (timed as part of the write), then replace it.
                Answer current = send("GET", "/api/v1/organizations/" + u[2], token, null, null);
                a = current.status != 200 ? current
                        : send("PUT", "/api/v1/organizations/" + u[2], token, organization(u[0], n), current.etag);
            }
        }
        long took = System.nanoTime() - t0;
        if (a.status == expected) {
            LATENCIES.get(kind.name()).add(took);
        } else {
            ERRORS.get(kind.name()).incrementAndGet();
            FIRST_ERROR.putIfAbsent(kind.name(), a.status + " " + a.body);
        }
    }

    static ObjectNode organization(String user, int n) {
        ObjectNode o = JSON.createObjectNode().put("type", "CIVIC_GROUP").put("bond", "THEMATIC")
                .put("name", "負荷試験団体 " + user).put("description", "負荷試験 " + n);
        o.putArray("themes").add("DISASTER_RELIEF");
        return o;
    }

    record Answer(int status, JsonNode body, String etag) {
    }

    static Answer send(String method, String path, String token, Object body, String ifMatch) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (ifMatch != null) {
                b.header("If-Match", ifMatch);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().startsWith("{") ? JSON.readTree(r.body()) : null;
            return new Answer(r.statusCode(), json, r.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            return new Answer(0, JSON.getNodeFactory().textNode(e.toString()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null);
        }
    }

    static String token(String user) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=kyoso-cli&password=demo&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("access_token").asText();
    }
}
