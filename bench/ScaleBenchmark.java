import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.kyoso.core.search.JapaneseText;
import jp.kyoso.municipality.LocalGovernmentCode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.net.InetAddress;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scale benchmark (run by bench/scale.sh): one municipality with 100,000 organisations, 1,000,000
 * haves and needs and 100,000 events generated straight into PostgreSQL (COPY; the search columns
 * computed by the API's own JapaneseText; the tables' indexes dropped during the load and rebuilt from
 * their own definitions), the packaged API started against it, and every public search measured over
 * HTTP at concurrency 1 (a page of 20, random terms, themes and areas from a fixed seed): p50/p95/p99
 * per search against the goal p95 < 50 ms. Then each search once more with auto_explain on, and the
 * plans PostgreSQL used are printed, with any sequential scan of a big table flagged.
 *
 *   java -cp "api/target/quarkus-app/app/*:api/target/quarkus-app/lib/main/*" bench/ScaleBenchmark.java \
 *        [--organizations 100000] [--listings 1000000] [--events 100000] [--requests 200] [--warmup 20]
 *        [--hold true]   (afterwards, keep the API and the database up until Enter, to try queries by hand)
 */
public class ScaleBenchmark {

    static final String[] THEMES = {"HEALTH_WELFARE", "SOCIAL_EDUCATION", "COMMUNITY_DEVELOPMENT", "TOURISM",
            "CULTURE_ARTS_SPORTS", "ENVIRONMENT", "DISASTER_RELIEF", "COMMUNITY_SAFETY", "CHILDREN",
            "ECONOMIC_ACTIVITY", "NPO_SUPPORT"};
    static final String[] DISTRICTS = {"赤崎", "須恵", "本山", "高千帆", "小野田", "有帆", "厚狭", "出合", "厚陽",
            "埴生", "津布田", "高泊"};
    static final String[] ORG_KINDS = {"自治会", "子ども会", "老人クラブ", "防災会", "商店会", "体育協会", "婦人会",
            "まちづくり協議会", "NPO法人", "ボランティア会", "PTA", "文化協会"};
    static final String[] TYPES = {"NEIGHBOURHOOD_ASSOCIATION", "COMMUNITY_COUNCIL", "CIVIC_GROUP", "BUSINESS",
            "EDUCATION", "OTHER"};
    /** Things people have and need, common first: the search terms below range from very common to rare. */
    static final String[] THINGS = {"テント", "会議室", "ボランティア", "机と椅子", "防災用品", "食材", "送迎車",
            "音響機材", "チラシ印刷", "子ども食堂の調理", "高齢者の見守り", "草刈り機", "プロジェクター", "集会所",
            "着ぐるみ", "ドローン撮影"};
    static final String[] EVENT_KINDS = {"FORUM", "SEMINAR", "WORKSHOP", "AREA_MEETING", "DIALOGUE", "VOLUNTEER",
            "EXCHANGE"};
    static final String[] EVENT_NAMES = {"夏祭り", "防災訓練", "子ども食堂", "ふれあいサロン", "清掃活動", "まちづくりフォーラム",
            "ワークショップ", "地域懇談会", "敬老会", "盆踊り", "避難所運営訓練", "花壇づくり"};
    static final String[] FILLERS = {"詳しくはご相談ください。", "初めての方も歓迎します。", "毎年続けている取り組みです。",
            "地域の皆さんのお役に立てれば幸いです。", "回数や時間は調整できます。"};
    /** Search terms: common (防災, テント), middling (会議室, 高齢者) and rare (ドローン, 着ぐるみ). */
    static final String[] TERMS = {"防災", "テント", "会議室", "高齢者", "子ども", "ドローン", "着ぐるみ", "赤崎", "夏祭り"};

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>(Map.of("--app", "api/target/quarkus-app", "--organizations", "100000",
                "--listings", "1000000", "--events", "100000", "--requests", "200", "--warmup", "20", "--seed", "20261202", "--hold", "false"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        int organizations = Integer.parseInt(opt.get("--organizations"));
        int listings = Integer.parseInt(opt.get("--listings"));
        int events = Integer.parseInt(opt.get("--events"));
        int requests = Integer.parseInt(opt.get("--requests"));
        int warmup = Integer.parseInt(opt.get("--warmup"));
        Random random = new Random(Long.parseLong(opt.get("--seed")));
        Path work = Path.of("target", "bench-scale").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work.resolve("pglog"));
        System.out.printf("Kyoso scale benchmark — %,d organisations, %,d listings, %,d events in one municipality; "
                + "%d cores, Java %s%n", organizations, listings, events, Runtime.getRuntime().availableProcessors(),
                Runtime.version());

        // The product's embedded server, plus auto_explain loaded in every session (off until the end)
        // and a log file to read the plans from.
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg")).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "60").setServerConfig("timezone", "UTC")
                .setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C")
                .setServerConfig("logging_collector", "on").setServerConfig("log_directory", work.resolve("pglog").toString())
                .setServerConfig("log_filename", "postgresql.log")
                .setServerConfig("session_preload_libraries", "auto_explain") // auto_explain.log_min_duration: -1, off
                .setPGStartupWait(Duration.ofSeconds(60)).start();
        String jdbc = pg.getJdbcUrl("postgres", "postgres");
        Process api = null;
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", Path.of(opt.get("--app"), "quarkus-run.jar").toString());
            pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
            pb.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            pb.environment().put("KYOSO_DEMO_DATA", "false");
            pb.environment().put("KYOSO_EMBEDDED_DATABASE", "true"); // the local profile, on the database given above
            pb.environment().put("KYOSO_RATE_LIMIT_ANONYMOUS_READS_PER_MINUTE", "100000000");
            pb.environment().put("QUARKUS_LOG_LEVEL", "WARN");
            pb.redirectErrorStream(true).redirectOutput(work.resolve("api.log").toFile());
            api = pb.start();
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            waitUntilUp(http, base + "/api/v1/municipalities", api);

            String code = "99999" + LocalGovernmentCode.checkDigit("99999");
            List<UUID> areas;
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
                long t0 = System.nanoTime();
                areas = generate(c, code, organizations, listings, events, random);
                System.out.printf("Generated and indexed in %.0f s; with indexes: organization %s, listing %s, event %s%n",
                        (System.nanoTime() - t0) / 1e9, size(c, "organization"), size(c, "listing"), size(c, "event"));
            }

            Map<String, Supplier<String>> searches = searches(code, areas, random);
            // Warm the JIT on every search first: a cold path costs several times a warm one.
            for (int round = 0; round < warmup; round++) {
                for (Supplier<String> s : searches.values()) {
                    get(http, base + s.get());
                }
            }
            System.out.printf("%nEach search a page of 20, anonymous, concurrency 1, %d requests after %d rounds of warm-up "
                    + "(goal: p95 < 50 ms):%n", requests, warmup);
            System.out.printf("  %-40s %8s %8s %8s %8s %10s%n", "search", "p50 ms", "p95 ms", "p99 ms", "max ms",
                    "total p50");
            boolean met = true;
            List<String> slowest = new ArrayList<>();
            for (Map.Entry<String, Supplier<String>> s : searches.entrySet()) {
                long[] nanos = new long[requests];
                long[] totals = new long[requests];
                long slowestNanos = 0;
                String slowestUrl = "";
                for (int i = 0; i < requests; i++) {
                    String url = s.getValue().get();
                    long t = System.nanoTime();
                    String body = get(http, base + url);
                    nanos[i] = System.nanoTime() - t;
                    totals[i] = total(body);
                    if (nanos[i] > slowestNanos) {
                        slowestNanos = nanos[i];
                        slowestUrl = java.net.URLDecoder.decode(url.replaceAll("^.*\\?", ""), StandardCharsets.UTF_8);
                    }
                }
                slowest.add(String.format("  %-40s %6.1f ms  %s", s.getKey(), slowestNanos / 1e6, slowestUrl));
                Arrays.sort(nanos);
                Arrays.sort(totals);
                met &= pct(nanos, 95) < 50;
                System.out.printf("  %-40s %8.1f %8.1f %8.1f %8.1f %,10d%n", s.getKey(), pct(nanos, 50), pct(nanos, 95),
                        pct(nanos, 99), nanos[nanos.length - 1] / 1e6, totals[totals.length / 2]);
            }
            System.out.println(met ? "Every search meets p95 < 50 ms." : "Some searches are above p95 50 ms.");
            System.out.println("The slowest request of each search:");
            slowest.forEach(System.out::println);

            explainAll(jdbc, work, http, base, searches);
            if (Boolean.parseBoolean(opt.get("--hold"))) {
                System.out.printf("Holding: the API at %s, the database at %s (user postgres); Enter stops both.%n", base, jdbc);
                System.in.read();
            }
        } finally {
            if (api != null) {
                api.destroy();
                api.waitFor();
            }
            pg.close();
        }
    }

    /** The public searches measured; each supplier gives the next URL (random term, theme or area). */
    static Map<String, Supplier<String>> searches(String code, List<UUID> areas, Random random) {
        String city = "/api/v1/municipalities/" + code;
        Supplier<String> term = () -> URLEncoder.encode(TERMS[random.nextInt(TERMS.length)], StandardCharsets.UTF_8);
        Supplier<String> theme = () -> THEMES[random.nextInt(THEMES.length)];
        Supplier<String> area = () -> areas.get(random.nextInt(areas.size())).toString();
        Map<String, Supplier<String>> s = new LinkedHashMap<>();
        s.put("organisations, first page", () -> city + "/organizations?size=20");
        s.put("organisations, page 50", () -> city + "/organizations?size=20&page=50");
        s.put("organisations, q", () -> city + "/organizations?size=20&q=" + term.get());
        s.put("organisations, theme", () -> city + "/organizations?size=20&theme=" + theme.get());
        s.put("organisations, area", () -> city + "/organizations?size=20&area=" + area.get());
        s.put("listings, first page", () -> city + "/listings?size=20");
        s.put("listings, page 50", () -> city + "/listings?size=20&page=50");
        s.put("listings, q", () -> city + "/listings?size=20&q=" + term.get());
        s.put("listings, kind + category", () -> city + "/listings?size=20&kind=" + (random.nextBoolean() ? "HAVE" : "NEED")
                + "&category=" + new String[]{"PEOPLE", "GOODS", "VENUE", "KNOWHOW"}[random.nextInt(4)]);
        s.put("listings, theme", () -> city + "/listings?size=20&theme=" + theme.get());
        s.put("listings, area", () -> city + "/listings?size=20&area=" + area.get());
        s.put("listings, q + area", () -> city + "/listings?size=20&q=" + term.get() + "&area=" + area.get());
        s.put("events, first page", () -> city + "/events?size=20");
        s.put("events, upcoming", () -> city + "/events?size=20&from="
                + URLEncoder.encode(OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString(), StandardCharsets.UTF_8));
        s.put("events, q", () -> city + "/events?size=20&q=" + term.get());
        s.put("events, kind + theme", () -> city + "/events?size=20&kind=" + EVENT_KINDS[random.nextInt(EVENT_KINDS.length)]
                + "&theme=" + theme.get());
        s.put("events, area", () -> city + "/events?size=20&area=" + area.get());
        return s;
    }

    /** Each search once with auto_explain on (ANALYZE, BUFFERS); the plans of the statements on big tables. */
    static void explainAll(String jdbc, Path work, HttpClient http, String base, Map<String, Supplier<String>> searches)
            throws Exception {
        Path log = work.resolve("pglog").resolve("postgresql.log");
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement st = c.createStatement()) {
            st.execute("alter system set auto_explain.log_min_duration = 0");
            st.execute("alter system set auto_explain.log_analyze = on");
            st.execute("alter system set auto_explain.log_buffers = on");
            st.execute("select pg_reload_conf()");
            Thread.sleep(500);
            System.out.printf("%nQuery plans (auto_explain, EXPLAIN ANALYZE BUFFERS of what the API ran; statements on "
                    + "organization, listing and event):%n");
            List<String> seqScans = new ArrayList<>();
            for (Map.Entry<String, Supplier<String>> s : searches.entrySet()) {
                long from = Files.size(log);
                String url = s.getValue().get();
                get(http, base + url);
                Thread.sleep(300);
                String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
                text = text.substring(Math.min(text.length(), (int) from)); // bytes ≥ chars: may repeat a little, never miss
                System.out.printf("%n=== %s: %s%n", s.getKey(), java.net.URLDecoder.decode(url, StandardCharsets.UTF_8));
                for (String plan : plans(text)) {
                    // The search's own statements (its matches counted with their page, and a walk for the page
                    // when they are many) in full; of the rest (loading
                    // the page's rows and related rows by id) only a plan that scans a big table.
                    Matcher seq = Pattern.compile("Seq Scan on (organization|listing|event) .*?actual time=[0-9.]+\\.\\.([0-9.]+) "
                            + "rows=(\\d+)").matcher(plan);
                    boolean search = plan.matches("(?s).*Query Text: (with matches as|select (count\\(\\*\\)|\\w+\\.id) from) .*");
                    if (search || seq.find()) {
                        System.out.println(plan.replaceAll("(Query (Text|Parameters): .{0,300}).*", "$1"));
                    }
                    seq.reset();
                    while (seq.find()) { // a count's scan that stops at its limit reads little; say how much
                        seqScans.add(String.format("%s: %s, %s rows in %s ms", s.getKey(), seq.group(1), seq.group(3),
                                seq.group(2)));
                    }
                }
            }
            st.execute("alter system reset all");
            st.execute("select pg_reload_conf()");
            System.out.println(seqScans.isEmpty() ? "\nNo sequential scan of organization, listing or event in any plan."
                    : "\nSequential scans of a big table (each stopped where its rows were read):");
            seqScans.forEach(line -> System.out.println("  " + line));
        }
    }

    /** The plans in a stretch of the server log: from each "duration: … plan:" to the next log line. */
    static List<String> plans(String log) {
        List<String> plans = new ArrayList<>();
        StringBuilder current = null;
        for (String line : log.split("\n")) {
            boolean logLine = line.matches("^\\d{4}-\\d\\d-\\d\\d .*");
            if (logLine) {
                if (current != null) {
                    plans.add(current.toString());
                }
                current = line.contains("plan:") ? new StringBuilder(line.replaceAll("^.*?duration:", "duration:")) : null;
            } else if (current != null) {
                current.append('\n').append(line.replace('\t', ' '));
            }
        }
        if (current != null) {
            plans.add(current.toString());
        }
        return plans;
    }

    // ---------------------------------------------------------------------------------------------
    // Generation

    static List<UUID> generate(Connection c, String code, int organizations, int listings, int events, Random random)
            throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("set maintenance_work_mem = '512MB'");
            st.executeUpdate("insert into municipality (code, name, name_kana, prefecture, concept_term) values ('" + code
                    + "', 'ベンチマーク市', 'べんちまーくし', '山口県', 'COLLABORATIVE_CREATION')");
        }
        // 12 districts × 3 school zones × 3 neighbourhoods, as a real city's area tree.
        List<UUID> areas = new ArrayList<>();
        Map<UUID, String> areaNames = new HashMap<>();
        StringBuilder rows = new StringBuilder();
        String[] zones = {"東", "西", "南"};
        String[] towns = {"本町", "新町", "上町", "中町", "下町", "浜町", "原", "台", "ヶ丘"};
        int order = 0;
        for (String d : DISTRICTS) {
            UUID district = uuid(random);
            order = area(rows, district, code, null, "DISTRICT", d + "地区", order, areas, areaNames);
            for (int z = 0; z < 3; z++) {
                UUID zone = uuid(random);
                order = area(rows, zone, code, district, "SCHOOL_ZONE", d + zones[z] + "小学校区", order, areas, areaNames);
                for (int n = 0; n < 3; n++) {
                    order = area(rows, uuid(random), code, zone, "NEIGHBOURHOOD", d + zones[z] + towns[z * 3 + n], order,
                            areas, areaNames);
                }
            }
        }
        copy(c, "area (id, municipality_code, parent_id, kind, name, sort_order)", Stream.of(rows.toString()));

        List<String> indexes = dropIndexes(c);
        long t0 = System.nanoTime();
        UUID[] orgIds = new UUID[organizations];
        boolean[] inactive = new boolean[organizations];
        copy(c, "organization (id, municipality_code, type, bond, name, name_kana, description, themes, area_ids, status, "
                + "search_text, search_grams, created_at, updated_at)", Stream.iterate(0, i -> i < organizations, i -> i + 1)
                .map(i -> {
                    orgIds[i] = uuid(random);
                    UUID area = areas.get(random.nextInt(areas.size()));
                    String name = areaNames.get(area) + ORG_KINDS[random.nextInt(ORG_KINDS.length)] + " " + (i + 1);
                    String description = areaNames.get(area) + "で" + EVENT_NAMES[random.nextInt(EVENT_NAMES.length)]
                            + "や" + THINGS[skewed(random, THINGS.length)] + "に取り組んでいます。"
                            + FILLERS[random.nextInt(FILLERS.length)];
                    String status = i % 50 == 7 ? "SUSPENDED" : i % 50 == 13 ? "PENDING" : "ACTIVE";
                    inactive[i] = !status.equals("ACTIVE");
                    String folded = JapaneseText.foldAll(name, null, description);
                    OffsetDateTime created = OffsetDateTime.of(2023, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                            .plusMinutes(random.nextInt(60 * 24 * 365 * 3));
                    return row(orgIds[i], code, TYPES[random.nextInt(TYPES.length)], "HYBRID", name, null, description,
                            array(themes(random)), array(List.of(area.toString())), status, folded,
                            array(Arrays.asList(JapaneseText.bigrams(folded))), created, created);
                }));
        System.out.printf("  %,d organisations in %.0f s%n", organizations, (System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(9));
        copy(c, "listing (id, municipality_code, organization_id, kind, category, title, description, themes, area_ids, "
                + "available_until, status, search_text, search_grams, created_at, updated_at)",
                Stream.iterate(0, i -> i < listings, i -> i + 1).map(i -> {
                    boolean need = random.nextInt(100) < 45;
                    String thing = THINGS[skewed(random, THINGS.length)];
                    String title = thing + (need ? "を探しています" : "をお貸しできます");
                    List<String> where = new ArrayList<>();
                    if (random.nextInt(100) >= 25) {
                        where.add(areas.get(random.nextInt(areas.size())).toString());
                    }
                    String description = (where.isEmpty() ? "市内全域" : areaNames.get(UUID.fromString(where.get(0))))
                            + "の" + EVENT_NAMES[random.nextInt(EVENT_NAMES.length)] + "で" + thing
                            + (need ? "が足りません。" : "を用意できます。") + FILLERS[random.nextInt(FILLERS.length)];
                    String folded = JapaneseText.foldAll(title, description);
                    OffsetDateTime created = OffsetDateTime.of(2023, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                            .plusMinutes(random.nextInt(60 * 24 * 365 * 3));
                    int status = random.nextInt(100);
                    return row(uuid(random), code, orgIds[random.nextInt(organizations)], need ? "NEED" : "HAVE",
                            new String[]{"PEOPLE", "GOODS", "VENUE", "FUNDS", "KNOWHOW", "INFORMATION", "NETWORK"}
                                    [skewed(random, 7)], title, description, array(themes(random)), array(where),
                            random.nextInt(100) < 30 ? today.plusDays(random.nextInt(400) - 100) : null,
                            status < 80 ? "OPEN" : status < 90 ? "MATCHED" : "CLOSED", folded,
                            array(Arrays.asList(JapaneseText.bigrams(folded))), created, created);
                }));
        System.out.printf("  %,d listings in %.0f s%n", listings, (System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        copy(c, "event (id, municipality_code, organization_id, kind, title, description, themes, area_ids, mode, venue_name, "
                + "starts_at, ends_at, status, listed, published_at, search_text, search_grams, created_at, updated_at)",
                Stream.iterate(0, i -> i < events, i -> i + 1).map(i -> {
                    UUID area = areas.get(random.nextInt(areas.size()));
                    String title = areaNames.get(area) + "の" + EVENT_NAMES[random.nextInt(EVENT_NAMES.length)];
                    String description = THINGS[skewed(random, THINGS.length)] + "について話し合います。"
                            + FILLERS[random.nextInt(FILLERS.length)];
                    OffsetDateTime starts = now.plusMinutes(random.nextInt(60 * 24 * 730) - 60 * 24 * 365);
                    int status = random.nextInt(100);
                    String folded = JapaneseText.foldAll(title, null, null, description, areaNames.get(area) + "集会所");
                    return row(uuid(random), code, orgIds[random.nextInt(organizations)],
                            EVENT_KINDS[random.nextInt(EVENT_KINDS.length)], title, description, array(themes(random)),
                            array(random.nextInt(100) < 20 ? List.of() : List.of(area.toString())), "IN_PERSON",
                            areaNames.get(area) + "集会所", starts, starts.plusHours(2),
                            status < 85 ? "PUBLISHED" : status < 90 ? "DRAFT" : status < 95 ? "CANCELLED" : "CLOSED",
                            random.nextInt(100) < 95, starts.minusDays(30), folded,
                            array(Arrays.asList(JapaneseText.bigrams(folded))), starts.minusDays(40), starts.minusDays(40));
                }));
        System.out.printf("  %,d events in %.0f s%n", events, (System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        try (Statement st = c.createStatement()) {
            for (String index : indexes) {
                st.execute(index);
            }
            st.execute("vacuum analyze organization");
            st.execute("vacuum analyze listing");
            st.execute("vacuum analyze event");
            st.execute("vacuum analyze area");
        }
        System.out.printf("  %d indexes rebuilt and tables analysed in %.0f s%n", indexes.size(),
                (System.nanoTime() - t0) / 1e9);
        return areas;
    }

    /** The secondary indexes of the three big tables, dropped for the load; their definitions to rebuild them. */
    static List<String> dropIndexes(Connection c) throws Exception {
        List<String> defs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select i.indexname, i.indexdef from pg_indexes i
                where i.tablename in ('organization', 'listing', 'event') and i.schemaname = current_schema()
                  and not exists (select 1 from pg_constraint k where k.conname = i.indexname)""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
                defs.add(rs.getString(2));
            }
        }
        try (Statement st = c.createStatement()) {
            for (String name : names) {
                st.execute("drop index " + name);
            }
        }
        return defs;
    }

    static int area(StringBuilder rows, UUID id, String code, UUID parent, String kind, String name, int order,
                    List<UUID> all, Map<UUID, String> names) {
        rows.append(row(id, code, parent, kind, name, order));
        all.add(id);
        names.put(id, name);
        return order + 1;
    }

    /** One to three themes, as listings and organisations carry. */
    static List<String> themes(Random random) {
        List<String> themes = new ArrayList<>();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            String t = THEMES[skewed(random, THEMES.length)];
            if (!themes.contains(t)) {
                themes.add(t);
            }
        }
        return themes;
    }

    /** An index in [0, n), the first ones far more often (roughly Zipf): common and rare things. */
    static int skewed(Random random, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1, random.nextDouble()) - 1));
    }

    static UUID uuid(Random random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE);
    }

    /** A PostgreSQL array literal, every element quoted. */
    static String array(List<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (String v : values) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }

    /** One line of COPY's text format (tab-separated, \N for null, backslashes and control characters escaped). */
    static String row(Object... values) {
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            if (!sb.isEmpty()) {
                sb.append('\t');
            }
            sb.append(v == null ? "\\N" : v.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                    .replace("\r", "\\r"));
        }
        return sb.append('\n').toString();
    }

    static void copy(Connection c, String target, Stream<String> rows) throws Exception {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + target + " from stdin");
        StringBuilder buffer = new StringBuilder(1 << 20);
        rows.forEach(r -> {
            buffer.append(r);
            if (buffer.length() > (1 << 20)) {
                write(in, buffer);
            }
        });
        write(in, buffer);
        in.endCopy();
    }

    static void write(CopyIn in, StringBuilder buffer) {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            in.writeToCopy(bytes, 0, bytes.length);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        buffer.setLength(0);
    }

    static String size(Connection c, String table) throws Exception {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_size_pretty(pg_total_relation_size('" + table + "'))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // HTTP

    static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " for " + url + ": " + r.body());
        }
        return r.body();
    }

    static long total(String body) {
        Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static double pct(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }

    static void waitUntilUp(HttpClient http, String url, Process api) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!api.isAlive()) {
                throw new IllegalStateException("the API exited; see target/bench-scale/api.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the API did not start within 3 minutes");
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
