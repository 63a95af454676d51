package jp.kyoso.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jp.kyoso.event.EventFixtures;
import jp.kyoso.support.Api;
import jp.kyoso.support.ContractOperations;
import jp.kyoso.support.statements.CountingDriver;
import jp.kyoso.support.statements.StatementCountProfile;
import jp.kyoso.support.walker.DemoObjects;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No N+1: every list and search of the committed {@code openapi.yaml} (a GET whose answer holds
 * {@code items}) runs no more SQL statements for a page of 100 than for a page of 1 (one fewer when
 * the page is not full: it tells the total without a count), and no more than its bound. Statements are counted where they reach PostgreSQL ({@link CountingDriver}:
 * Hibernate's queries, native queries and the filters' own JDBC alike), beside Hibernate's count of
 * the statements it prepared. Each figure is the least of three calls, so that a background job's
 * statement in the same moment does not count. The demo data fills the pages (the test adds messages
 * and registrations where it has too few), and an operation whose page of 100 holds fewer than two
 * items fails: it would prove nothing. A new list operation is covered without a change here.
 */
@QuarkusTest
@TestProfile(StatementCountProfile.class)
class StatementCountTest {

    /** Statements a list may run: the default, and the operations that need more (each says why). */
    private static final int BOUND = 12;
    private static final Map<String, Integer> BOUNDS = Map.of();
    /**
     * Lists whose statements may grow with the page, each with why (and its bound still holds):
     * a computed indicator's actuals are an aggregate over the municipality's events in its own
     * scope (kinds, areas), one per computed indicator on the page.
     */
    private static final Map<String, String> GROWS = Map.of(
            "listIndicators", "one participation aggregate per computed indicator on the page");
    /** Who reads a list that the walker's caller would find empty. */
    private static final Map<String, String> USERS = Map.of(
            "listMyMessages", "resident",
            "myEventsToClose", "sanyo-manager");
    /** A member of organisations on both sides of demo matches, not staff: the second caller of every list. */
    private static final String MEMBER = "sanyo-owner";
    private static final int REPEAT = 3;
    /** Lists under an object the walker's ids do not name (each webhook belongs to one owner): seeded here. */
    private static final Map<String, String> PATHS = new java.util.HashMap<>();

    @Inject
    EntityManagerFactory emf;

    record Count(int items, long jdbc, long hibernate) {
    }

    @Test
    void everyListRunsAConstantNumberOfStatementsWhateverThePageSize() throws Exception {
        DemoObjects demo = new DemoObjects(Api.unique("statements"));
        for (String user : List.of("admin", "sanyo-manager", "sanyo-owner", "sanyo-staff", "resident")) {
            as(user).get("/api/v1/me").then().statusCode(200);
        }
        demo.discover();
        seed(demo);
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);

        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        report.add(String.format("%-58s %-32s %-13s %6s %6s %8s %8s %6s", "operation", "operationId", "caller", "items1", "items100",
                "stmts1", "stmts100", "hib100"));
        int lists = 0;
        for (Map.Entry<String, JsonNode> op : ContractOperations.operations(ContractOperations.document()).entrySet()) {
            String[] methodAndPath = op.getKey().split(" ", 2);
            if (!methodAndPath[0].equals("GET") || !answersAList(op.getValue())) {
                continue;
            }
            lists++;
            String id = op.getValue().path("operationId").asText();
            String walkerUser = USERS.getOrDefault(id, demo.userFor("GET", methodAndPath[1]));
            String path = PATHS.getOrDefault(id, demo.fill(methodAndPath[1], null, null));
            boolean paged = hasQueryParameter(op.getValue(), "size");
            // The walker's caller (often staff, who see everything), and a member of organisations that
            // are party to matches, for whom a list decides per item what to show (contacts, drafts).
            for (String user : new java.util.LinkedHashSet<>(List.of(walkerUser, MEMBER))) {
                if (!user.equals(walkerUser) && as(user).get(path).statusCode() != 200) {
                    continue;
                }
                Count small = paged ? count(statistics, user, path, "size=1") : null;
                Count big = count(statistics, user, path, paged ? "size=100" : null);
                int bound = BOUNDS.getOrDefault(id, BOUND);
                report.add(String.format("%-58s %-32s %-13s %6s %6d %8s %8d %6d",
                        path.length() > 58 ? path.substring(0, 58) : path, id, user, small == null ? "-" : small.items,
                        big.items, small == null ? "-" : small.jdbc, big.jdbc, big.hibernate));
                if (small != null && big.jdbc > small.jdbc && !GROWS.containsKey(id)) {
                    report.addAll(statements(user, path + (path.contains("?") ? "&" : "?") + "size=100"));
                    failures.add(id + " as " + user + ": " + small.jdbc + " statements for a page of 1, " + big.jdbc
                            + " for a page of 100 (" + big.items + " items)");
                }
                if (big.jdbc > bound) {
                    failures.add(id + " as " + user + ": " + big.jdbc + " statements, above its bound " + bound);
                }
                if (paged && big.items < 2 && user.equals(walkerUser)) {
                    failures.add(id + ": the page of 100 holds " + big.items + " items, too few to show an N+1");
                }
            }
        }
        report.forEach(System.out::println);
        Files.write(Path.of("target", "statement-counts.txt"), report);
        assertTrue(lists >= 20, "the contract's list operations: " + lists);
        assertEquals(List.of(), failures, "lists whose statements grow with the page or pass their bound");
    }

    /** The least statements of {@link #REPEAT} calls (after one to warm caches), and the items of the page. */
    private Count count(Statistics statistics, String user, String path, String query) {
        String url = query == null ? path : path + (path.contains("?") ? "&" : "?") + query;
        call(user, url);
        long jdbc = Long.MAX_VALUE;
        long hibernate = Long.MAX_VALUE;
        int items = 0;
        for (int i = 0; i < REPEAT; i++) {
            long before = CountingDriver.EXECUTED.get();
            long prepared = statistics.getPrepareStatementCount();
            Response r = call(user, url);
            jdbc = Math.min(jdbc, CountingDriver.EXECUTED.get() - before);
            hibernate = Math.min(hibernate, statistics.getPrepareStatementCount() - prepared);
            items = items(r.asString());
        }
        return new Count(items, jdbc, hibernate);
    }

    /** The statements one call prepares, for the report of a list whose count grows. */
    private static List<String> statements(String user, String url) {
        CountingDriver.CAPTURED.clear();
        CountingDriver.capture = true;
        try {
            call(user, url);
        } finally {
            CountingDriver.capture = false;
        }
        return CountingDriver.CAPTURED.stream().map(sql -> "    " + (sql.length() > 160 ? sql.substring(0, 160) : sql)).toList();
    }

    private static int items(String body) {
        try {
            JsonNode json = new ObjectMapper().readTree(body);
            JsonNode list = json.isArray() ? json : json.path("items");
            return list.isArray() ? list.size() : list.size() > 0 ? list.size() : 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Response call(String user, String url) {
        Response r = as(user).get(url);
        assertEquals(200, r.statusCode(), url + " as " + user + ": " + r.asString());
        return r;
    }

    private static boolean answersAList(JsonNode op) {
        JsonNode schema = op.path("responses").path("200").path("content").path("application/json").path("schema");
        if (schema.path("type").asText().equals("array")) {
            return true;
        }
        String ref = schema.path("$ref").asText();
        if (ref.isEmpty()) {
            return false;
        }
        JsonNode s = ContractOperations.document().path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        return s.path("properties").has("items");
    }

    private static boolean hasQueryParameter(JsonNode op, String name) {
        for (JsonNode p : op.path("parameters")) {
            if (p.path("in").asText().equals("query") && p.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Where the demo data has fewer than two items: messages, invitations, municipal events that ended unclosed. */
    private static void seed(DemoObjects demo) {
        for (int i = 0; i < 2; i++) {
            String event = as("sanyo-manager").body(EventFixtures.body(null, "startsAt", EventFixtures.inHours(-48 - i),
                            "endsAt", EventFixtures.inHours(-47 - i)))
                    .post("/api/v1/municipalities/" + Api.SANYO_ONODA + "/events").then().statusCode(201).extract().path("id");
            as("sanyo-manager").post("/api/v1/events/" + event + "/publication").then().statusCode(200);
        }
        String org = demo.ids.get("organizations/id");
        for (int i = 0; i < 2; i++) {
            as("sanyo-owner").body(Map.of("role", "EDITOR")).post("/api/v1/organizations/" + org + "/invitations")
                    .then().statusCode(201);
        }
        String code = Api.SANYO_ONODA;
        // Two webhooks each for the municipality and the organisation; two listings give each two deliveries.
        String cityHook = null;
        String orgHook = null;
        for (int i = 0; i < 2; i++) {
            cityHook = as("sanyo-manager").body(webhook(i)).post("/api/v1/municipalities/" + code + "/webhooks")
                    .then().statusCode(201).extract().path("id");
            orgHook = as("sanyo-owner").body(webhook(i)).post("/api/v1/organizations/" + org + "/webhooks")
                    .then().statusCode(201).extract().path("id");
        }
        for (int i = 0; i < 2; i++) {
            as("sanyo-owner").body(jp.kyoso.support.ListingFixtures.body("NEED", "GOODS", "数える無い " + i, "説明",
                    List.of("DISASTER_RELIEF"), List.of())).post("/api/v1/organizations/" + org + "/listings")
                    .then().statusCode(201);
        }
        PATHS.put("listMunicipalityWebhookDeliveries", "/api/v1/municipalities/" + code + "/webhooks/" + cityHook + "/deliveries");
        PATHS.put("listOrganizationWebhookDeliveries", "/api/v1/organizations/" + org + "/webhooks/" + orgHook + "/deliveries");
        // Saved searches of the organisation's owner (the walker's caller for /me).
        for (int i = 0; i < 2; i++) {
            for (String user : List.of("sanyo-owner", "resident", "sanyo-manager", "sanyo-staff", "admin")) {
                as(user).body(Map.of("municipalityCode", code, "target", "LISTING", "q", "防災" + i))
                        .post("/api/v1/me/saved-searches");
            }
        }
        // Two more approved coordinators; each later offers what the owner's organisation needs (strong suggestions).
        List<String[]> centers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String owner = Api.unique("statements-coordinator");
            Map<String, Object> body = new java.util.HashMap<>(jp.kyoso.support.Fixtures.organizationBody(
                    "数える支援センター " + i, "中間支援組織です", List.of(), List.of()));
            body.put("type", "INTERMEDIARY");
            String center = as(owner).body(body).post("/api/v1/municipalities/" + code + "/organizations")
                    .then().statusCode(201).extract().path("id");
            as("sanyo-manager").post("/api/v1/organizations/" + center + "/approval").then().statusCode(200);
            as("sanyo-manager").put("/api/v1/organizations/" + center + "/coordinator").then().statusCode(200);
            centers.add(new String[] {owner, center});
        }
        io.restassured.path.json.JsonPath needs = as("sanyo-manager")
                .get("/api/v1/municipalities/" + code + "/listings?kind=NEED&size=100").then().statusCode(200)
                .extract().jsonPath();
        io.restassured.path.json.JsonPath haves = as("sanyo-manager")
                .get("/api/v1/municipalities/" + code + "/listings?kind=HAVE&size=100").then().statusCode(200)
                .extract().jsonPath();
        int brokered = 0;
        for (int n = 0; brokered < 2 && n < needs.getList("items").size(); n++) {
            for (int h = 0; brokered < 2 && h < haves.getList("items").size(); h++) {
                if (needs.getString("items[" + n + "].organizationId").equals(haves.getString("items[" + h + "].organizationId"))) {
                    continue;
                }
                int status = as("sanyo-manager").body(Map.of("needId", needs.getString("items[" + n + "].id"),
                                "haveId", haves.getString("items[" + h + "].id"), "message", "つなぎます"))
                        .post("/api/v1/matches").statusCode();
                if (status == 201) {
                    brokered++;
                    break;
                }
            }
        }
        // Strong suggestions left alone long enough for the liaison queue.
        for (int i = 0; i < 2; i++) {
            as("sanyo-owner").body(jp.kyoso.support.ListingFixtures.body("NEED", "GOODS",
                    "避難所運営訓練で使う段ボールベッドを借りたい " + i,
                    "11月の地区防災訓練で体育館に避難所を開設します。ダンボールベッドが20台ほど必要です。",
                    List.of("DISASTER_RELIEF"), List.of())).post("/api/v1/organizations/" + org + "/listings")
                    .then().statusCode(201);
            as(centers.get(i)[0]).body(jp.kyoso.support.ListingFixtures.body("HAVE", "GOODS", "段ボールベッド 50台 貸し出せます " + i,
                    "訓練や災害時のために簡易ベッドを備蓄しています。", List.of("DISASTER_RELIEF"), List.of()))
                    .post("/api/v1/organizations/" + centers.get(i)[1] + "/listings").then().statusCode(201);
        }
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get().createNativeQuery("""
                        update listing_match set suggested_at = now() - interval '30 days'
                        where municipality_code = ?1 and status = 'SUGGESTED'""").setParameter(1, code).executeUpdate());
        for (int i = 0; i < 3; i++) {
            as("resident").body(Map.of("subject", "質問 " + i, "body", "活動日を教えてください。"))
                    .post("/api/v1/organizations/" + org + "/messages").then().statusCode(201);
        }
    }

    private static Map<String, Object> webhook(int i) {
        return Map.of("url", "http://127.0.0.1:9/kyoso/" + i, "description", "数える連携 " + i,
                "eventTypes", List.of("listing.created"));
    }
}
