package jp.kyoso.authorization;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.kyoso.support.Api;
import jp.kyoso.support.Fixtures;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.as;

/**
 * The people of the authorisation matrix and the objects they act on, all in 山陽小野田市
 * (352161) unless said otherwise. Every mutating cell builds its own fresh objects through these
 * helpers, so that no cell sees what another one did.
 */
final class AuthzWorld {

    static final String CODE = Api.SANYO_ONODA;
    static final String OTHER_CODE = Api.YAMAGUCHI;
    static final String STAFF_SAME = "sanyo-staff";
    static final String STAFF_OTHER = "yamaguchi-staff";
    static final String ADMIN = "admin";
    static final int START_FY = 2025;
    static final int END_FY = 2030;

    /** The matrix's columns, named as in the CSV header. */
    enum Role {
        ANONYMOUS("anonymous"), USER("user"), OWNER_A("ownerA"), EDITOR_B("editorB"), STAFF_SAME("staffSame"),
        STAFF_OTHER("staffOther"), ADMIN("admin");

        final String column;

        Role(String column) {
            this.column = column;
        }
    }

    final String user = Api.unique("authz-user");
    final String ownerA = Api.unique("authz-owner-a");
    final String ownerB = Api.unique("authz-owner-b");
    final String editorB = Api.unique("authz-editor-b");
    final String ownerC = Api.unique("authz-owner-c");
    final String orgA;
    final String orgB;
    final String orgC;

    AuthzWorld() {
        orgA = organization(ownerA, "COMMUNITY_COUNCIL", true);
        orgB = organization(ownerB, "CIVIC_GROUP", true);
        orgC = organization(ownerC, "CIVIC_GROUP", true);
        join(orgB, ownerB, editorB, "EDITOR");
        as(user).get("/api/v1/me").then().statusCode(200);
    }

    /** The username acting in a column (null for anonymous). */
    String username(Role role) {
        return switch (role) {
            case ANONYMOUS -> null;
            case USER -> user;
            case OWNER_A -> ownerA;
            case EDITOR_B -> editorB;
            case STAFF_SAME -> STAFF_SAME;
            case STAFF_OTHER -> STAFF_OTHER;
            case ADMIN -> ADMIN;
        };
    }

    static RequestSpecification spec(String username) {
        return username == null ? Api.anonymous() : as(username);
    }

    // ---- generic helpers ----

    /** Where the objects made by these tests live (Location headers), for {@link #cleanUp()}. */
    private static final java.util.Deque<String> CREATED = new java.util.concurrent.ConcurrentLinkedDeque<>();

    static void remember(Response r) {
        String location = r.header("Location");
        if (r.statusCode() == 201 && location != null) {
            String path = location.replaceFirst("^https?://[^/]+", "");
            // Only what shows in the municipality's lists: listings, plans' contents and
            // invitations go with their organisation or stay out of sight.
            if (path.matches("/api/v1/(organizations|projects|indicators|areas)/[^/]+|/api/v1/areas/[^/]+/liaisons/[^/]+")) {
                CREATED.push(path);
            }
        }
    }

    /**
     * Deletes, as the admin, the organisations, projects, indicators and areas the tests made in
     * the demo municipality, so that other tests that page through its lists still find their
     * own objects on the first page. Published plans and matches cannot be deleted and stay.
     * Returns how many went.
     */
    static int cleanUp() {
        java.util.concurrent.atomic.AtomicInteger deleted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            // Two passes: what waited for something newer (an area for its liaison) goes in the second.
            for (int pass = 0; pass < 2; pass++) {
                List<String> locations = List.copyOf(CREATED);
                List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
                for (String location : locations) {
                    futures.add(pool.submit(() -> {
                        int status = as(ADMIN).header("If-Match", "*").delete(location).statusCode();
                        if (status == 204 || status == 404 || status == 405) {
                            deleted.addAndGet(status == 204 ? 1 : 0);
                            CREATED.remove(location);
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return deleted.get();
    }

    static String create(String username, String path, Object body) {
        Response r = as(username).body(body).post(path);
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new AssertionError("fixture POST " + path + " as " + username + " -> " + r.statusCode() + " "
                    + r.asString());
        }
        remember(r);
        return r.path("id");
    }

    static void ok(Response r, String what) {
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError("fixture " + what + " -> " + r.statusCode() + " " + r.asString());
        }
    }

    /** The If-Match value for an object: its version, read by an admin (who may read everything). */
    static String ifMatch(String path) {
        Response r = as(ADMIN).get(path);
        ok(r, "GET " + path);
        Object version = r.path("version");
        return "\"" + version + "\"";
    }

    private static final Map<String, String> USER_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    static String userId(String username) {
        return USER_IDS.computeIfAbsent(username,
                u -> as(u).get("/api/v1/me").then().statusCode(200).extract().path("id"));
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
    }

    // ---- organisations ----

    static Map<String, Object> organizationBody(String type) {
        return Map.of("type", type, "bond", "COMMUNITY_COUNCIL".equals(type) ? "TERRITORIAL" : "THEMATIC",
                "name", Api.unique("権限テスト団体"), "description", "権限表のテスト用",
                "themes", List.of("COMMUNITY_DEVELOPMENT"), "areaIds", List.of(),
                "contact", Map.of("name", "連絡 太郎", "email", "contact@example.jp", "phone", "0836-00-0000"));
    }

    /** An organisation of 352161 owned by {@code owner}, approved by its staff when asked. */
    static String organization(String owner, String type, boolean approve) {
        String id = create(owner, "/api/v1/municipalities/" + CODE + "/organizations", organizationBody(type));
        if (approve) {
            ok(as(STAFF_SAME).post("/api/v1/organizations/" + id + "/approval"), "approve");
        }
        return id;
    }

    static String invitation(String orgId, String owner, String role) {
        Response r = as(owner).body(Map.of("role", role)).post("/api/v1/organizations/" + orgId + "/invitations");
        ok(r, "invite");
        remember(r);
        return r.path("id") + " " + r.path("code");
    }

    static void join(String orgId, String owner, String member, String role) {
        String code = invitation(orgId, owner, role).split(" ")[1];
        ok(as(member).post("/api/v1/invitations/" + code + "/acceptance"), "accept invitation");
    }

    /** A fresh ACTIVE organisation owned by ownerA: "organisation A" for a mutating cell. */
    String freshOrgA() {
        return organization(ownerA, "COMMUNITY_COUNCIL", true);
    }

    // ---- listings and matches ----

    static String listing(String user, String orgId, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("category", "PEOPLE");
        body.put("title", Api.unique("HAVE".equals(kind) ? "草刈りの人手あり" : "草刈りの人手募集"));
        body.put("description", "地域の草刈り");
        body.put("themes", List.of("COMMUNITY_DEVELOPMENT"));
        body.put("areaIds", List.of());
        return create(user, "/api/v1/organizations/" + orgId + "/listings", body);
    }

    record MatchFx(String matchId, String needId, String haveId) {
    }

    /** A match of a need of A and a have of C, proposed by {@code proposer} (ownerA or ownerC). */
    MatchFx match(String proposer) {
        String need = listing(ownerA, orgA, "NEED");
        String have = listing(ownerC, orgC, "HAVE");
        String id = create(proposer, "/api/v1/matches", Map.of("needId", need, "haveId", have, "message", "一緒にどうですか"));
        return new MatchFx(id, need, have);
    }

    // ---- plans ----

    static Map<String, Object> planBody(String orgId) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", Api.unique("権限テスト計画"));
        body.put("vision", "支え合うまち");
        body.put("startFiscalYear", START_FY);
        body.put("endFiscalYear", END_FY);
        if (orgId != null) {
            body.put("organizationId", orgId);
        }
        return body;
    }

    record PlanFx(String planId, String itemId) {
    }

    /** A plan of council A with one item, published (version 1) when asked. */
    PlanFx plan(boolean publish) {
        String plan = create(ownerA, "/api/v1/municipalities/" + CODE + "/plans", planBody(orgA));
        String item = create(ownerA, "/api/v1/plans/" + plan + "/items", Map.of("title", "見守り活動"));
        if (publish) {
            ok(as(ownerA).body(Map.of("note", "初版")).post("/api/v1/plans/" + plan + "/versions"), "publish");
        }
        return new PlanFx(plan, item);
    }

    static Map<String, Object> reviewBody() {
        return Map.of("fiscalYear", START_FY, "kind", "SELF", "summary", "概ね計画どおり");
    }

    static Map<String, Object> indicatorBody(String planId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Api.unique("見守り参加者数"));
        body.put("unit", "人");
        body.put("direction", "INCREASE");
        body.put("source", "STATISTICS");
        if (planId != null) {
            body.put("planId", planId);
        }
        return body;
    }

    /** An indicator of a published plan of council A. */
    String indicator() {
        PlanFx plan = plan(true);
        return create(ownerA, "/api/v1/municipalities/" + CODE + "/indicators", indicatorBody(plan.planId()));
    }

    // ---- projects ----

    static Map<String, Object> projectBody(String leadOrgId) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", Api.unique("権限テストの協創の場"));
        body.put("domain", "CITIZEN_LED");
        body.put("published", true);
        if (leadOrgId != null) {
            body.put("organizationId", leadOrgId);
        }
        return body;
    }

    static String project(String lead, String leadOrgId) {
        return create(lead, "/api/v1/municipalities/" + CODE + "/projects", projectBody(leadOrgId));
    }

    static String partnerOf(String projectId, String orgId) {
        List<Map<String, Object>> partners = as(ADMIN).get("/api/v1/projects/" + projectId)
                .then().statusCode(200).extract().path("partners");
        return partners.stream().filter(p -> orgId.equals(p.get("organizationId"))).map(p -> (String) p.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no partner " + orgId + " in " + projectId));
    }

    /** A published project led by C to which A is invited; returns project id and A's partner id. */
    String[] projectInvitingA() {
        String project = project(ownerC, orgC);
        ok(as(ownerC).body(Map.of("organizationId", orgA, "role", "PARTNER"))
                .post("/api/v1/projects/" + project + "/partners"), "invite partner");
        return new String[]{project, partnerOf(project, orgA)};
    }

    // ---- areas and staff ----

    static String area() {
        return create(STAFF_SAME, "/api/v1/municipalities/" + CODE + "/areas",
                Map.of("kind", "OTHER", "name", Api.unique("権限テスト地域")));
    }

    /** A fresh person appointed STAFF of a municipality by its admin. */
    static String freshStaff(String code, String prefix) {
        String name = Api.unique(prefix);
        Fixtures.staff(code, name, "STAFF");
        return name;
    }

    /** The id of a notification addressed to ownerA (a proposal on A's need from C). */
    String notificationOfOwnerA() {
        MatchFx m = match(ownerC);
        List<Map<String, Object>> items = as(ownerA).get("/api/v1/me/notifications?size=50")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(n -> m.matchId().equals(n.get("matchId"))).map(n -> (String) n.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no notification for match " + m.matchId()));
    }
}
