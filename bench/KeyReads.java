import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Key reads against pgbench -S (run by bench/key-reads.sh): each read anonymously, closed loop at
 * CONCURRENCY for SECONDS after a warm-up, with its throughput as a share of the pgbench figure
 * measured on the same PostgreSQL in the same run (goal: key reads at least 50 %, a search page of
 * 20 at least 25 %). The load comes from wrk when it is installed (a C client that costs the two
 * cores little, as the issue's figures were measured); otherwise from Java's HTTP client here,
 * which takes a large share of the CPU itself and so understates the API.
 *
 *   java -cp "api/target/quarkus-app/lib/main/*" bench/KeyReads.java BASE PGBENCH_TPS CONCURRENCY SECONDS [WARMUP]
 *
 * Each read is warmed up for WARMUP seconds (default 20) before it is measured: the JIT needs tens of
 * seconds of load before a path runs at its steady speed (a no-database read goes from ~1,400 to ~8,000
 * req/s here), and a short warm-up measures the compiler more than the API.
 */
public class KeyReads {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        double pgbench = Double.parseDouble(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        String city = "/api/v1/municipalities/352161";
        String org = first(base, city + "/organizations?size=1");
        String listing = first(base, city + "/listings?size=1");
        String event = first(base, city + "/events?size=1");
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("GET /organizations/{id}", "/api/v1/organizations/" + org);
        reads.put("GET /listings/{id}", "/api/v1/listings/" + listing);
        reads.put("GET /events/{id}", "/api/v1/events/" + event);
        reads.put("GET /municipalities", "/api/v1/municipalities");
        reads.put("GET organisations search, 20", city + "/organizations?size=20");
        reads.put("GET listings search, 20", city + "/listings?size=20");
        reads.put("GET events search, 20", city + "/events?size=20");
        System.out.printf("pgbench -S on the same PostgreSQL: %.0f tps%n", pgbench);
        boolean wrk = wrkInstalled();
        System.out.printf("Concurrency %d, %d s each after %d s warm-up, anonymous, closed loop, load from %s:%n",
                concurrency, seconds, warmup, wrk ? "wrk" : "Java's HTTP client (install wrk for fair figures)");
        System.out.printf("  %-32s %9s %7s %8s %8s %10s %6s%n", "read", "req/s", "errors", "p50 ms", "p99 ms",
                "of pgbench", "goal");
        boolean met = true;
        for (Map.Entry<String, String> r : reads.entrySet()) {
            Result result = wrk ? wrk(base + r.getValue(), concurrency, seconds, warmup)
                    : java(base + r.getValue(), concurrency, seconds, warmup);
            boolean search = r.getKey().contains("search");
            double goal = search ? 0.25 : 0.50;
            met &= result.rps() / pgbench >= goal && result.errors() == 0;
            System.out.printf("  %-32s %9.0f %7d %8.2f %8.2f %9.0f %% %5.0f %%%n", r.getKey(), result.rps(),
                    result.errors(), result.p50(), result.p99(), 100 * result.rps() / pgbench, 100 * goal);
        }
        System.out.println(met ? "Every read meets its goal." : "Some reads are below their goal.");
    }

    record Result(double rps, long errors, double p50, double p99) {}

    static boolean wrkInstalled() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() <= 1;
        } catch (Exception e) {
            return false;
        }
    }

    /** wrk -t2 after the warm-up; its summary parsed (requests/s, non-2xx and socket errors, p50, p99). */
    static Result wrk(String url, int concurrency, int seconds, int warmup) throws Exception {
        wrkOutput(url, concurrency, warmup);
        String out = wrkOutput(url, concurrency, seconds);
        double rps = Double.parseDouble(match(out, "Requests/sec:\\s+([0-9.]+)", "0"));
        long errors = Long.parseLong(match(out, "Non-2xx or 3xx responses:\\s+(\\d+)", "0"));
        java.util.regex.Matcher socket = java.util.regex.Pattern
                .compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(socket.group(i));
            }
        }
        return new Result(rps, errors, millis(match(out, "\\s50%\\s+(\\S+)", "0ms")),
                millis(match(out, "\\s99%\\s+(\\S+)", "0ms")));
    }

    static String wrkOutput(String url, int concurrency, int seconds) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t2", "-c" + concurrency, "-d" + seconds + "s", "--latency",
                "-H", "Accept: application/json", url).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return out;
    }

    static String match(String text, String regex, String otherwise) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }

    /** wrk's latency with its unit (850.00us, 1.23ms, 1.05s) in milliseconds. */
    static double millis(String value) {
        double n = Double.parseDouble(value.replaceAll("[a-z]+$", ""));
        return value.endsWith("us") ? n / 1000 : value.endsWith("ms") ? n : value.endsWith("s") ? n * 1000 : n;
    }

    static Result java(String url, int concurrency, int seconds, int warmup) throws InterruptedException {
        run(url, concurrency, warmup);
        long[] errors = new long[1];
        List<Long> latencies = run(url, concurrency, seconds, errors);
        return new Result(latencies.size() / (double) seconds, errors[0], pct(latencies, 50), pct(latencies, 99));
    }

    static String first(String base, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode items = JSON.readTree(r.body()).path("items");
        if (items.isEmpty()) {
            throw new IllegalStateException("nothing at " + path + ": " + r.body());
        }
        return items.get(0).get("id").asText();
    }

    static List<Long> run(String url, int concurrency, int seconds) throws InterruptedException {
        return run(url, concurrency, seconds, new long[1]);
    }

    static List<Long> run(String url, int concurrency, int seconds, long[] errors) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() == 200) {
                                latencies.add(System.nanoTime() - t0);
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        errors[0] = failed.get();
        return latencies;
    }

    static double pct(List<Long> latencies, int p) {
        if (latencies.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
