import jp.kyoso.local.EmbeddedDatabase;
import jp.kyoso.core.search.JapaneseText;
import jp.kyoso.listing.ListingCategory;
import jp.kyoso.listing.ListingKind;
import jp.kyoso.matching.AreaTree;
import jp.kyoso.matching.CandidateQuery;
import jp.kyoso.matching.KeyStatistics;
import jp.kyoso.matching.MatchTerms;
import jp.kyoso.municipality.LocalGovernmentCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The matching benchmark (run by bench/matching.sh). Generates one municipality with N OPEN listings
 * (default 100,000: a realistic mix of kinds, categories, themes, areas, quantities, windows and
 * Japanese text built from the matching vocabulary's own surface forms, keys computed by the API's own
 * MatchTerms), starts the packaged API against it, and measures GET /api/v1/listings/{id}/matches?limit=10
 * at concurrency 1 and 8. Prints p50/p95/p99, throughput and EXPLAIN ANALYZE of the candidate query.
 * Deterministic data (fixed seed); bounded request counts; loopback only.
 */
public class MatchingBenchmark {

    static final String[] THEMES = {"HEALTH_WELFARE", "SOCIAL_EDUCATION", "COMMUNITY_DEVELOPMENT", "TOURISM",
            "RURAL_DEVELOPMENT", "CULTURE_ARTS_SPORTS", "ENVIRONMENT", "DISASTER_RELIEF", "COMMUNITY_SAFETY",
            "HUMAN_RIGHTS_PEACE", "INTERNATIONAL_COOPERATION", "GENDER_EQUALITY", "CHILDREN", "INFORMATION_SOCIETY",
            "SCIENCE_TECHNOLOGY", "ECONOMIC_ACTIVITY", "EMPLOYMENT_SKILLS", "CONSUMER_PROTECTION", "NPO_SUPPORT"};
    /** How often each theme is chosen: community development, welfare, children and disaster dominate. */
    static final int[] THEME_WEIGHTS = {14, 8, 16, 4, 3, 6, 7, 10, 6, 1, 2, 1, 12, 3, 1, 5, 2, 1, 4};
    static final ListingCategory[] CATEGORIES = ListingCategory.values();
    static final int[] CATEGORY_WEIGHTS = {22, 25, 12, 6, 18, 9, 8};
    static final String[] DISTRICTS = {"赤崎", "須恵", "本山", "高千帆", "小野田", "有帆", "厚狭", "出合", "厚陽",
            "埴生", "津布田", "高泊"};
    static final String[] EVENTS = {"夏祭り", "防災訓練", "子ども食堂", "ふれあいサロン", "清掃活動", "運動会",
            "文化祭", "学習会", "朝市", "敬老会", "盆踊り", "避難所運営訓練", "放課後教室", "花壇づくり", "見守り活動"};
    static final String[] FILLERS = {"詳しくはご相談ください。", "平日の日中が対応しやすいです。",
            "地域の皆さんのお役に立てれば幸いです。", "初めての方も歓迎します。", "毎年続けている取り組みです。",
            "会の役員で話し合って決めました。", "回数や時間は調整できます。", "できる範囲でご協力します。"};
    static final String[] NEED_TITLES = {"%sを借りたい", "%sが必要です", "%sを探しています", "%sを貸してください",
            "%sについて相談したい", "%sをお願いできる方"};
    static final String[] HAVE_TITLES = {"%sを貸し出せます", "%sあります", "%sの提供", "%sをお手伝いします",
            "%sをお貸しします", "%s、ご相談ください"};
    static final String[] UNITS = {"台", "個", "人", "枚", "回", "食", "張"};

    record Concept(String id, String topic, String label, List<String> forms) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>(Map.of("--app", "api/target/quarkus-app", "--listings", "100000",
                "--requests", "1000", "--requests8", "2000", "--organizations", "3000", "--seed", "20251125"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        int listings = Integer.parseInt(opt.get("--listings"));
        int requests1 = Integer.parseInt(opt.get("--requests"));
        int requests8 = Integer.parseInt(opt.get("--requests8"));
        int organizations = Integer.parseInt(opt.get("--organizations"));
        Random random = new Random(Long.parseLong(opt.get("--seed")));
        Path work = Path.of("target", "bench").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        System.out.printf("Kyoso matching benchmark — %d listings, %d organisations, %d cores, Java %s%n",
                listings, organizations, Runtime.getRuntime().availableProcessors(), Runtime.version());

        EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("pg"), true);
        Process api = null;
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
            // API_JAVA_OPTS adds JVM options to the API (a flight recording, another collector).
            String extra = System.getenv().getOrDefault("API_JAVA_OPTS", "").strip();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of("-jar", Path.of(opt.get("--app"), "quarkus-run.jar").toString()));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
            pb.environment().put("QUARKUS_DATASOURCE_USERNAME", db.username());
            pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", db.password());
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            pb.environment().put("KYOSO_DEMO_DATA", "false");
            pb.environment().put("KYOSO_EMBEDDED_DATABASE", "true"); // the local profile, on the database given above
            // The benchmark is one anonymous client sending thousands of reads: lift the
            // per-client limit that protects a public deployment.
            pb.environment().put("KYOSO_RATE_LIMIT_ANONYMOUS_READS_PER_MINUTE", "100000000");
            pb.environment().put("QUARKUS_LOG_LEVEL", "WARN");
            pb.redirectErrorStream(true).redirectOutput(work.resolve("api.log").toFile());
            long started = System.nanoTime();
            api = pb.start();
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            waitUntilUp(http, base + "/api/v1/municipalities", api);
            System.out.printf("API up in %.1f s (schema migrated by Flyway)%n", (System.nanoTime() - started) / 1e9);

            List<Concept> vocabulary = readVocabulary();
            String code;
            List<UUID> ids;
            try (Connection c = DriverManager.getConnection(db.jdbcUrl() + "&reWriteBatchedInserts=true",
                    db.username(), db.password())) {
                long t0 = System.nanoTime();
                code = "99999" + LocalGovernmentCode.checkDigit("99999");
                Generated g = generate(c, code, listings, organizations, vocabulary, random);
                ids = g.listingIds;
                try (Statement s = c.createStatement()) {
                    s.execute("vacuum analyze listing");
                    s.execute("vacuum analyze organization");
                    s.execute("vacuum analyze area");
                }
                System.out.printf("Generated %d areas, %d organisations, %d OPEN listings in %.1f s%n",
                        g.areas, organizations, listings, (System.nanoTime() - t0) / 1e9);
                printDistribution(c, code);
            }

            // Requests pick listings at random (fixed seed), NEEDs and HAVEs alike.
            List<String> warmup = pick(ids, 300, random);
            List<String> sample1 = pick(ids, requests1, random);
            List<String> sample8 = pick(ids, requests8, random);
            run(http, base, warmup, 4);
            Result r1 = run(http, base, sample1, 1);
            Result r8 = run(http, base, sample8, 8);
            System.out.println();
            System.out.println("GET /api/v1/listings/{id}/matches?limit=10 over HTTP (loopback), random listings:");
            r1.print("concurrency 1");
            r8.print("concurrency 8");
            System.out.printf("Suggestions per request (items): median %d; counterparts scored >= 0.3 (total): median %d, p95 %d%n",
                    r1.medianItems(), r1.medianTotal(), r1.p95Total());

            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                explain(c, code, sample1, random);
            }
        } finally {
            if (api != null) {
                api.destroy();
                api.waitFor();
            }
            db.close();
        }
    }

    record Generated(List<UUID> listingIds, int areas) {
    }

    static Generated generate(Connection c, String code, int listings, int organizations, List<Concept> vocabulary,
                              Random random) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement m = c.prepareStatement("""
                insert into municipality (code, name, name_kana, prefecture, concept_term)
                values (?, 'ベンチマーク市', 'べんちまーくし', '山口県', 'COLLABORATIVE_CREATION')""")) {
            m.setString(1, code);
            m.executeUpdate();
        }
        // 12 districts × 3 school zones × 3 neighbourhoods.
        List<UUID> allAreas = new ArrayList<>();
        Map<UUID, String> areaNames = new HashMap<>();
        try (PreparedStatement a = c.prepareStatement("""
                insert into area (id, municipality_code, parent_id, kind, name, sort_order) values (?, ?, ?, ?, ?, ?)""")) {
            int order = 0;
            String[] zones = {"東", "西", "南"};
            String[] towns = {"本町", "新町", "上町", "中町", "下町", "浜町", "原", "台", "ヶ丘"};
            for (String d : DISTRICTS) {
                UUID district = UUID.randomUUID();
                add(a, district, code, null, "DISTRICT", d + "地区", order++, allAreas, areaNames);
                for (int z = 0; z < 3; z++) {
                    UUID zone = UUID.randomUUID();
                    add(a, zone, code, district, "SCHOOL_ZONE", d + zones[z] + "小学校区", order++, allAreas, areaNames);
                    for (int n = 0; n < 3; n++) {
                        add(a, UUID.randomUUID(), code, zone, "NEIGHBOURHOOD", d + zones[z] + towns[z * 3 + n], order++,
                                allAreas, areaNames);
                    }
                }
            }
            a.executeBatch();
        }
        String[] types = {"NEIGHBOURHOOD_ASSOCIATION", "COMMUNITY_COUNCIL", "CIVIC_GROUP", "BUSINESS", "EDUCATION",
                "GOVERNMENT", "INTERMEDIARY", "SOCIAL_WELFARE_COUNCIL", "OTHER"};
        int[] typeWeights = {30, 8, 30, 15, 6, 3, 2, 2, 4};
        List<UUID> orgs = new ArrayList<>();
        java.util.Set<UUID> inactive = new java.util.HashSet<>();
        try (PreparedStatement o = c.prepareStatement("""
                insert into organization (id, municipality_code, type, bond, name, status, themes, area_ids, search_text,
                                          search_grams)
                values (?, ?, ?, 'HYBRID', ?, ?, ?::text[], ?::uuid[], ?, ?::text[])""")) {
            for (int i = 0; i < organizations; i++) {
                UUID id = UUID.randomUUID();
                String name = DISTRICTS[i % DISTRICTS.length] + "の会 " + (i + 1);
                o.setObject(1, id);
                o.setString(2, code);
                o.setString(3, types[weighted(typeWeights, random)]);
                o.setString(4, name);
                // A few organisations are suspended or pending: their listings must never be suggested.
                o.setString(5, i % 50 == 7 ? "SUSPENDED" : i % 50 == 13 ? "PENDING" : "ACTIVE");
                if (i % 50 == 7 || i % 50 == 13) {
                    inactive.add(id);
                }
                o.setString(6, literal(List.of(THEMES[weighted(THEME_WEIGHTS, random)])));
                o.setString(7, literal(List.of(allAreas.get(random.nextInt(allAreas.size())))));
                String folded = JapaneseText.foldAll(name);
                o.setString(8, folded);
                o.setString(9, literal(Arrays.asList(JapaneseText.bigrams(folded))));
                o.addBatch();
                orgs.add(id);
            }
            o.executeBatch();
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        Map<String, List<Concept>> byTopic = new HashMap<>();
        vocabulary.forEach(v -> byTopic.computeIfAbsent(v.topic(), k -> new ArrayList<>()).add(v));
        List<UUID> ids = new ArrayList<>(listings);
        try (PreparedStatement l = c.prepareStatement("""
                insert into listing (id, municipality_code, organization_id, kind, category, title, description, themes,
                                     area_ids, quantity, unit, available_from, available_until, status, search_text,
                                     search_grams, match_keys, title_keys)
                values (?, ?, ?, ?, ?, ?, ?, ?::text[], ?::uuid[], ?, ?, ?, ?, 'OPEN', ?, ?::text[], ?::text[],
                        ?::text[])""")) {
            for (int i = 0; i < listings; i++) {
                UUID id = UUID.randomUUID();
                ListingKind kind = random.nextInt(100) < 45 ? ListingKind.NEED : ListingKind.HAVE;
                ListingCategory category = CATEGORIES[weighted(CATEGORY_WEIGHTS, random)];
                Concept main = vocabulary.get(random.nextInt(vocabulary.size()));
                List<Concept> sameTopic = byTopic.get(main.topic());
                Concept related = sameTopic.get(random.nextInt(sameTopic.size()));
                String form = main.forms().get(random.nextInt(main.forms().size()));
                String title = String.format((kind == ListingKind.NEED ? NEED_TITLES : HAVE_TITLES)
                        [random.nextInt(NEED_TITLES.length)], form);
                List<UUID> areas = new ArrayList<>();
                int areaCount = random.nextInt(100) < 25 ? 0 : random.nextInt(100) < 80 ? 1 : 2;
                for (int k = 0; k < areaCount; k++) {
                    UUID area = allAreas.get(random.nextInt(allAreas.size()));
                    if (!areas.contains(area)) {
                        areas.add(area);
                    }
                }
                String where = areas.isEmpty() ? "市内全域" : areaNames.get(areas.get(0));
                String event = EVENTS[random.nextInt(EVENTS.length)];
                String description = where + "の" + event + "で"
                        + related.forms().get(random.nextInt(related.forms().size())) + "や" + form
                        + (kind == ListingKind.NEED ? "が足りません。" : "を用意できます。")
                        + FILLERS[random.nextInt(FILLERS.length)] + FILLERS[random.nextInt(FILLERS.length)];
                List<String> themes = new ArrayList<>();
                int themeCount = 1 + random.nextInt(3);
                for (int k = 0; k < themeCount; k++) {
                    String theme = THEMES[weighted(THEME_WEIGHTS, random)];
                    if (!themes.contains(theme)) {
                        themes.add(theme);
                    }
                }
                boolean counted = random.nextInt(100) < 30;
                boolean window = random.nextInt(100) < 40;
                String folded = JapaneseText.foldAll(title, description);
                l.setObject(1, id);
                l.setString(2, code);
                UUID owner = orgs.get(random.nextInt(orgs.size()));
                l.setObject(3, owner);
                l.setString(4, kind.name());
                l.setString(5, category.name());
                l.setString(6, title);
                l.setString(7, description);
                l.setString(8, literal(themes));
                l.setString(9, literal(areas));
                l.setObject(10, counted ? 1 + random.nextInt(100) : null, java.sql.Types.INTEGER);
                l.setString(11, counted ? UNITS[random.nextInt(UNITS.length)] : null);
                l.setObject(12, window ? today.minusDays(random.nextInt(60)).plusDays(random.nextInt(30)) : null,
                        java.sql.Types.DATE);
                l.setObject(13, window ? today.plusDays(30 + random.nextInt(335)) : null, java.sql.Types.DATE);
                l.setString(14, folded);
                l.setString(15, literal(Arrays.asList(JapaneseText.bigrams(folded))));
                l.setString(16, literal(Arrays.asList(MatchTerms.keysOf(title, description))));
                l.setString(17, literal(Arrays.asList(MatchTerms.specific(MatchTerms.keysOf(title, null)))));
                l.addBatch();
                if (!inactive.contains(owner)) {
                    ids.add(id); // requests ask for public listings only (the others answer 404, rightly)
                }
                if ((i + 1) % 2000 == 0) {
                    l.executeBatch();
                    c.commit();
                }
            }
            l.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        return new Generated(ids, allAreas.size());
    }

    static void add(PreparedStatement a, UUID id, String code, UUID parent, String kind, String name, int order,
                    List<UUID> all, Map<UUID, String> names) throws Exception {
        a.setObject(1, id);
        a.setString(2, code);
        a.setObject(3, parent);
        a.setString(4, kind);
        a.setString(5, name);
        a.setInt(6, order);
        a.addBatch();
        all.add(id);
        names.put(id, name);
    }

    static void printDistribution(Connection c, String code) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select kind, category, count(*) from listing where municipality_code = '" + code
                        + "' group by 1, 2 order by 1, 2")) {
            StringBuilder sb = new StringBuilder("Mix: ");
            while (rs.next()) {
                sb.append(rs.getString(1)).append('/').append(rs.getString(2)).append('=').append(rs.getInt(3)).append(' ');
            }
            System.out.println(sb);
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select avg(cardinality(match_keys))::numeric(6,1), avg(cardinality(area_ids))::numeric(6,2),
                       avg(cardinality(themes))::numeric(6,2), pg_size_pretty(pg_total_relation_size('listing'))
                from listing""")) {
            rs.next();
            System.out.printf("Per listing: %s match keys, %s areas, %s themes on average; listing table with indexes %s%n",
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
        }
    }

    record Result(long[] nanos, double seconds, int[] items, int[] totals, int errors) {
        void print(String label) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            System.out.printf("  %-14s n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  mean %.1f ms  "
                            + "throughput %.0f req/s  errors %d%n", label, sorted.length, pct(sorted, 50), pct(sorted, 95),
                    pct(sorted, 99), sorted[sorted.length - 1] / 1e6, Arrays.stream(sorted).average().orElse(0) / 1e6,
                    sorted.length / seconds, errors);
        }

        int medianItems() {
            int[] s = items.clone();
            Arrays.sort(s);
            return s[s.length / 2];
        }

        int medianTotal() {
            int[] s = totals.clone();
            Arrays.sort(s);
            return s[s.length / 2];
        }

        int p95Total() {
            int[] s = totals.clone();
            Arrays.sort(s);
            return s[(int) Math.ceil(s.length * 0.95) - 1];
        }
    }

    static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(sorted.length * p / 100.0) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    static Result run(HttpClient http, String base, List<String> ids, int concurrency) throws Exception {
        long[] nanos = new long[ids.size()];
        int[] items = new int[ids.size()];
        int[] totals = new int[ids.size()];
        int[] errors = new int[1];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = thread; i < ids.size(); i += concurrency) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/listings/" + ids.get(i)
                            + "/matches?limit=10")).header("Accept", "application/json").GET().build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        nanos[i] = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            synchronized (errors) {
                                if (errors[0]++ == 0) {
                                    System.out.println("  first error: HTTP " + response.statusCode() + " " + response.body());
                                }
                            }
                        } else {
                            String body = response.body();
                            items[i] = count(body, "\"score\":");
                            int at = body.lastIndexOf("\"total\":");
                            totals[i] = Integer.parseInt(body.substring(at + 8).replaceAll("[^0-9].*", ""));
                        }
                    } catch (Exception e) {
                        nanos[i] = System.nanoTime() - t0;
                        synchronized (errors) {
                            if (errors[0]++ == 0) {
                                System.out.println("  first error: " + e);
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(nanos, seconds, items, totals, errors[0]);
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    /** EXPLAIN ANALYZE of the exact candidate query the API runs, for a listing of median candidate count. */
    static void explain(Connection c, String code, List<String> sample, Random random) throws Exception {
        Map<UUID, AreaTree.Node> nodes = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select id, parent_id, name from area where municipality_code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    nodes.put((UUID) rs.getObject(1), new AreaTree.Node((UUID) rs.getObject(1), (UUID) rs.getObject(2),
                            rs.getString(3)));
                }
            }
        }
        AreaTree tree = new AreaTree(nodes);
        KeyStatistics.Common common = commonKeys(c);
        System.out.printf("Keys too common to bring candidates (on more than %d listings, from pg_stats): %d in text %s, "
                + "%d in titles %s%n", KeyStatistics.COMMON_ROWS, common.inText().size(), common.inText(),
                common.inTitles().size(), common.inTitles());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        List<long[]> sizes = new ArrayList<>();
        List<CandidateQuery.Sql> queries = new ArrayList<>();
        List<Long> sqlNanos = new ArrayList<>();
        int fallbacks = 0;
        for (String id : sample.subList(0, Math.min(200, sample.size()))) {
            CandidateQuery.Sql sql;
            CandidateQuery.Source source;
            try (PreparedStatement s = c.prepareStatement("""
                    select municipality_code, kind, organization_id, category, available_from, available_until, match_keys,
                           area_ids, title_keys from listing where id = ?""")) {
                s.setObject(1, UUID.fromString(id));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    UUID[] areas = (UUID[]) rs.getArray(8).getArray();
                    source = new CandidateQuery.Source(rs.getString(1).trim(),
                            ListingKind.valueOf(rs.getString(2)), (UUID) rs.getObject(3),
                            ListingCategory.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
                            rs.getObject(6, LocalDate.class), (String[]) rs.getArray(7).getArray(),
                            (String[]) rs.getArray(9).getArray(), tree.neighbourhood(List.of(areas)));
                    sql = CandidateQuery.of(source, today, common);
                }
            }
            long t0 = System.nanoTime();
            int rows = CandidateQuery.candidates(c, source, today, common).size();
            sqlNanos.add(System.nanoTime() - t0);
            if (CandidateQuery.run(c, sql).size() < CandidateQuery.FALLBACK_BELOW) {
                fallbacks++;
            }
            sizes.add(new long[]{rows, queries.size()});
            queries.add(sql);
        }
        sizes.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] nanos = sqlNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("Candidate preselection alone (JDBC, %d random listings, both stages as the API runs them): "
                        + "candidates median %d, p95 %d, max %d; time p50 %.1f ms, p95 %.1f ms; area fallback ran for %d%n",
                sizes.size(), sizes.get(sizes.size() / 2)[0], sizes.get((int) Math.ceil(sizes.size() * 0.95) - 1)[0],
                sizes.get(sizes.size() - 1)[0], pct(nanos, 50), pct(nanos, 95), fallbacks);
        CandidateQuery.Sql median = queries.get((int) sizes.get(sizes.size() / 2)[1]);
        System.out.println();
        System.out.println("EXPLAIN (ANALYZE, BUFFERS) of the candidate query (first stage) for the listing with the median "
                + "candidate count:");
        try (PreparedStatement s = CandidateQuery.prepare(c, "explain (analyze, buffers) ", median);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                System.out.println("  " + rs.getString(1));
            }
        }
    }

    /** The same pg_stats reading the API's KeyStatistics does. */
    static KeyStatistics.Common commonKeys(Connection c) throws Exception {
        return new KeyStatistics.Common(new java.util.TreeSet<>(KeyStatistics.read(c, "match_keys")),
                new java.util.TreeSet<>(KeyStatistics.read(c, "title_keys")));
    }

    static List<String> pick(List<UUID> ids, int n, Random random) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(ids.get(random.nextInt(ids.size())).toString());
        }
        return out;
    }

    static int weighted(int[] weights, Random random) {
        int total = Arrays.stream(weights).sum();
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static String literal(List<?> values) {
        StringBuilder sb = new StringBuilder("{");
        for (Object v : values) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }

    /** The vocabulary's concepts with their surface forms as written (the API folds them; text here should not be). */
    static List<Concept> readVocabulary() throws IOException {
        List<Concept> out = new ArrayList<>();
        try (InputStream in = MatchTerms.class.getResourceAsStream("vocabulary.tsv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("@")) {
                    continue;
                }
                String[] cols = line.split("\t");
                List<String> forms = new ArrayList<>(List.of(cols[5].split(",")));
                forms.removeIf(f -> f.matches("[A-Za-z0-9 -]+"));
                if (forms.isEmpty()) {
                    forms.add(cols[3]);
                }
                out.add(new Concept(cols[0], cols[1], cols[3], forms));
            }
        }
        Collections.shuffle(out, new Random(7));
        return out;
    }

    static void waitUntilUp(HttpClient http, String url, Process api) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!api.isAlive()) {
                throw new IllegalStateException("The API exited; see target/bench/api.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The API did not come up within 3 minutes; see target/bench/api.log");
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
