package jp.kyoso.authorization;

import jp.kyoso.authorization.AuthzWorld.MatchFx;
import jp.kyoso.authorization.AuthzWorld.PlanFx;
import jp.kyoso.authorization.AuthzWorld.Role;
import jp.kyoso.support.Api;
import jp.kyoso.support.Fixtures;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static jp.kyoso.authorization.AuthzWorld.ADMIN;
import static jp.kyoso.authorization.AuthzWorld.CODE;
import static jp.kyoso.authorization.AuthzWorld.OTHER_CODE;
import static jp.kyoso.authorization.AuthzWorld.START_FY;
import static jp.kyoso.authorization.AuthzWorld.STAFF_SAME;
import static jp.kyoso.authorization.AuthzWorld.create;
import static jp.kyoso.authorization.AuthzWorld.ifMatch;
import static jp.kyoso.authorization.AuthzWorld.ok;
import static jp.kyoso.authorization.AuthzWorld.userId;
import static jp.kyoso.support.Api.as;

/**
 * How to make a valid request for every operation of the matrix: each builder makes the fresh
 * objects its cell needs (as the people who may make them) and returns the request, so that the
 * only thing that differs between the cells of a row is who sends it.
 */
final class MatrixCases {

    private final AuthzWorld w;
    final Map<String, Function<Role, Req>> cases = new LinkedHashMap<>();
    /** Shared read-only objects, made once (reads change nothing). */
    private final PlanFx publishedPlan;
    private final String listingA;
    private final String indicatorA;
    private final String projectA;
    private final String areaShared;
    private final String reviewShared;

    MatrixCases(AuthzWorld w) {
        this.w = w;
        publishedPlan = w.plan(true);
        reviewShared = create(w.ownerA, "/api/v1/plans/" + publishedPlan.planId() + "/reviews", AuthzWorld.reviewBody());
        listingA = AuthzWorld.listing(w.ownerA, w.orgA, "NEED");
        indicatorA = w.indicator();
        projectA = AuthzWorld.project(w.ownerA, w.orgA);
        areaShared = AuthzWorld.area();
        areas();
        auth();
        indicators();
        invitations();
        listings();
        matches();
        me();
        municipalities();
        organizations();
        plans();
        projects();
        messages();
        events();
        savedSearchesAndBrokering();
        add("GET /api/v1/themes", r -> Req.get("/themes"));
    }

    // ---- messages relayed to organisations (the sender is ownerC, a person outside A) ----

    private void messages() {
        add("POST /api/v1/organizations/{id}/messages",
                r -> Req.post("/organizations/" + w.orgA + "/messages", messageBody()));
        add("GET /api/v1/organizations/{id}/messages", r -> Req.get("/organizations/" + w.orgA + "/messages"));
        add("GET /api/v1/organizations/{id}/messages/{messageId}",
                r -> Req.get("/organizations/" + w.orgA + "/messages/" + messageToA()));
        add("POST /api/v1/organizations/{id}/messages/{messageId}/replies",
                r -> Req.post("/organizations/" + w.orgA + "/messages/" + messageToA() + "/replies",
                        Map.of("body", "ご連絡ありがとうございます。")));
        add("GET /api/v1/me/messages", r -> Req.get("/me/messages"));
    }

    private static Map<String, Object> messageBody() {
        return Map.of("subject", "防災訓練について", "body", "訓練の日程を教えてください。");
    }

    /** A fresh message from ownerC (no member of A, no column of the matrix) to organisation A. */
    private String messageToA() {
        return create(w.ownerC, "/api/v1/organizations/" + w.orgA + "/messages", messageBody());
    }

    /** A member's ETag: their version in the organisation's member list. */
    private static String memberTag(String organizationId, String member) {
        Object version = as(ADMIN).get("/api/v1/organizations/" + organizationId + "/members").then().statusCode(200)
                .extract().path("items.find { it.userId == '" + userId(member) + "' }.version");
        return "\"" + version + "\"";
    }

    private void add(String operation, Function<Role, Req> builder) {
        if (cases.put(operation, builder) != null) {
            throw new IllegalStateException("two cases for " + operation);
        }
    }

    // ---- areas (of 352161; an organisation's owner has no say over them) ----

    private void areas() {
        add("GET /api/v1/areas/{id}", r -> Req.get("/areas/" + areaShared));
        add("PUT /api/v1/areas/{id}", r -> {
            String id = AuthzWorld.area();
            return Req.put("/areas/" + id, Map.of("kind", "OTHER", "name", Api.unique("改名した地域")))
                    .ifMatch(ifMatch("/api/v1/areas/" + id));
        });
        add("DELETE /api/v1/areas/{id}", r -> {
            String id = AuthzWorld.area();
            return Req.delete("/areas/" + id).ifMatch(ifMatch("/api/v1/areas/" + id));
        });
        add("POST /api/v1/areas/{id}/liaisons", r -> Req.post("/areas/" + AuthzWorld.area() + "/liaisons",
                Map.of("userId", userId(STAFF_SAME), "role", "SUPPORTER", "startsOn", AuthzWorld.today())));
        add("DELETE /api/v1/areas/{id}/liaisons/{liaisonId}", r -> {
            String area = AuthzWorld.area();
            String liaison = create(STAFF_SAME, "/api/v1/areas/" + area + "/liaisons",
                    Map.of("userId", userId(STAFF_SAME), "role", "SUPPORTER", "startsOn", AuthzWorld.today()));
            return Req.delete("/areas/" + area + "/liaisons/" + liaison);
        });
    }

    // ---- area statistics and projections (of 352161: its staff write, everyone reads) ----

    private String unsubscribeToken() {
        return io.quarkus.arc.Arc.container().instance(jp.kyoso.notification.UnsubscribeTokens.class).get()
                .issue(java.util.UUID.fromString(userId(w.ownerA)), jp.kyoso.notification.NotificationKind.MATCH_DECLINED);
    }

    private void statistics(String base) {
        String stats = base + "/statistics";
        // The statistics and the projections are one versioned whole per municipality, shared by
        // every cell of a row (the requests are built before any is sent): If-Match "*" (any version).
        add("GET /api/v1/areas/{id}/statistics", r -> Req.get("/areas/" + areaShared + "/statistics"));
        add("GET /api/v1/areas/{id}/activity", r -> Req.get("/areas/" + areaShared + "/activity"));
        add("GET /api/v1/municipalities/{code}/statistics", r -> Req.get(stats));
        add("GET /api/v1/municipalities/{code}/statistics/population.csv",
                r -> Req.get(stats + "/population.csv").accept("text/csv"));
        add("PUT /api/v1/municipalities/{code}/statistics/population.csv", r -> {
            String area = AuthzWorld.area();
            String name = as(ADMIN).get("/api/v1/areas/" + area).then().statusCode(200).extract().path("name");
            String csv = "調査年月日,地域名,総人口,男性,女性\r\n1999-12-31," + name + ",100,48,52\r\n";
            return Req.put(stats + "/population.csv", null).csv(csv).ifMatch("*");
        });
        add("GET /api/v1/municipalities/{code}/statistics/projections", r -> Req.get(stats + "/projections"));
        add("PUT /api/v1/municipalities/{code}/statistics/projections", r -> Req.put(stats + "/projections",
                        Map.of("scenarios", List.of(Map.of("name", "権限テスト推計", "source", "テスト", "note", "テスト",
                                "values", List.of(Map.of("year", 2030, "value", 1000))))))
                .ifMatch("*"));
    }

    // ---- open data and embeds (of 352161: everyone reads, its staff set the licence and embed origins) ----

    private void openData(String base) {
        add("GET /api/v1/municipalities/{code}/open-data", r -> Req.get(base + "/open-data"));
        add("GET /api/v1/municipalities/{code}/open-data.jsonld",
                r -> Req.get(base + "/open-data.jsonld").accept("application/ld+json"));
        add("GET /api/v1/municipalities/{code}/open-data/settings", r -> Req.get(base + "/open-data/settings"));
        // One versioned whole per municipality, shared by every cell: If-Match "*" (any version).
        add("PUT /api/v1/municipalities/{code}/open-data/settings", r -> Req.put(base + "/open-data/settings",
                Map.of("licenseName", "CC BY 4.0", "licenseUrl", "https://creativecommons.org/licenses/by/4.0/",
                        "embedOrigins", List.of("https://www.city.sanyo-onoda.lg.jp"))).ifMatch("*"));
        add("GET /api/v1/municipalities/{code}/organizations.csv",
                r -> Req.get(base + "/organizations.csv").accept("text/csv"));
        add("GET /api/v1/municipalities/{code}/plan-progress.csv",
                r -> Req.get(base + "/plan-progress.csv").accept("text/csv"));
        add("GET /api/v1/municipalities/{code}/indicators.csv",
                r -> Req.get(base + "/indicators.csv").accept("text/csv"));
        add("GET /api/v1/embed/indicators/{id}",
                r -> Req.get("/embed/indicators/" + indicatorA).accept("text/html"));
        add("GET /api/v1/embed/indicators/{id}/chart.svg",
                r -> Req.get("/embed/indicators/" + indicatorA + "/chart.svg").accept("image/svg+xml"));
        add("GET /api/v1/embed/plans/{id}/progress",
                r -> Req.get("/embed/plans/" + publishedPlan.planId() + "/progress").accept("text/html"));
    }

    private void auth() {
        add("GET /api/v1/auth/login", r -> Req.get("/auth/login?returnTo=/organizations"));
    }

    // ---- indicators (of a published plan of council A: its owner is an editor) ----

    private void indicators() {
        add("GET /api/v1/indicators/{id}", r -> Req.get("/indicators/" + indicatorA));
        add("GET /api/v1/indicators/{id}/values.csv", r -> Req.get("/indicators/" + indicatorA + "/values.csv")
                .accept("text/csv"));
        add("PUT /api/v1/indicators/{id}", r -> {
            String id = w.indicator();
            Map<String, Object> body = AuthzWorld.indicatorBody(null);
            return Req.put("/indicators/" + id, body).ifMatch(ifMatch("/api/v1/indicators/" + id));
        });
        add("DELETE /api/v1/indicators/{id}", r -> {
            String id = w.indicator();
            return Req.delete("/indicators/" + id).ifMatch(ifMatch("/api/v1/indicators/" + id));
        });
        add("PUT /api/v1/indicators/{id}/values/{fiscalYear}", r -> {
            String id = w.indicator();
            return Req.put("/indicators/" + id + "/values/" + START_FY, Map.of("target", 120))
                    .ifMatch(ifMatch("/api/v1/indicators/" + id));
        });
        add("PUT /api/v1/indicators/{id}/values.csv", r -> {
            String id = w.indicator();
            ok(as(w.ownerA).header("If-Match", ifMatch("/api/v1/indicators/" + id)).body(Map.of("target", 100))
                    .put("/api/v1/indicators/" + id + "/values/" + START_FY), "set value");
            String csv = as(ADMIN).accept("text/csv").get("/api/v1/indicators/" + id + "/values.csv").then().statusCode(200)
                    .extract().asString();
            return Req.put("/indicators/" + id + "/values.csv", null).csv(csv)
                    .ifMatch(ifMatch("/api/v1/indicators/" + id));
        });
    }

    // ---- invitations: the code is the credential; A's owner accepts an invitation of a fresh organisation ----

    private void invitations() {
        add("POST /api/v1/invitations/{code}/acceptance", r -> {
            String owner = Api.unique("authz-inviter");
            String org = AuthzWorld.organization(owner, "CIVIC_GROUP", true);
            String code = AuthzWorld.invitation(org, owner, "EDITOR").split(" ")[1];
            return Req.post("/invitations/" + code + "/acceptance", null);
        });
    }

    // ---- listings (an OPEN need of A) ----

    private static Map<String, Object> listingBody(String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("category", "PEOPLE");
        body.put("title", Api.unique("書き換えた募集"));
        body.put("description", "書き換え");
        body.put("themes", List.of("CHILDREN"));
        body.put("areaIds", List.of());
        body.put("contact", Map.of("name", "連絡 花子", "email", "hanako@example.jp", "phone", "0836-00-0000"));
        return body;
    }

    private void listings() {
        add("GET /api/v1/listings/{id}", r -> Req.get("/listings/" + listingA));
        add("GET /api/v1/listings/{id}/matches", r -> Req.get("/listings/" + listingA + "/matches"));
        add("PUT /api/v1/listings/{id}", r -> {
            String id = AuthzWorld.listing(w.ownerA, w.orgA, "NEED");
            return Req.put("/listings/" + id, listingBody("NEED")).ifMatch(ifMatch("/api/v1/listings/" + id));
        });
        add("DELETE /api/v1/listings/{id}", r -> {
            String id = AuthzWorld.listing(w.ownerA, w.orgA, "NEED");
            return Req.delete("/listings/" + id).ifMatch(ifMatch("/api/v1/listings/" + id));
        });
        add("POST /api/v1/listings/{id}/closure",
                r -> Req.post("/listings/" + AuthzWorld.listing(w.ownerA, w.orgA, "NEED") + "/closure", null));
        add("POST /api/v1/listings/{id}/reopening", r -> {
            String id = AuthzWorld.listing(w.ownerA, w.orgA, "NEED");
            ok(as(w.ownerA).post("/api/v1/listings/" + id + "/closure"), "close");
            return Req.post("/listings/" + id + "/reopening", null);
        });
    }

    // ---- matches (need of A × have of C, both in 352161) ----

    private void matches() {
        add("POST /api/v1/matches", r -> Req.post("/matches", Map.of(
                "needId", AuthzWorld.listing(w.ownerA, w.orgA, "NEED"),
                "haveId", AuthzWorld.listing(w.ownerC, w.orgC, "HAVE"), "message", "よろしくお願いします")));
        add("GET /api/v1/matches/{id}", r -> Req.get("/matches/" + w.match(w.ownerC).matchId()));
        add("POST /api/v1/matches/{id}/acceptance", r -> Req.post("/matches/" + w.match(w.ownerC).matchId()
                + "/acceptance", Map.of("note", "ぜひ")));
        add("POST /api/v1/matches/{id}/declination", r -> Req.post("/matches/" + w.match(w.ownerC).matchId()
                + "/declination", Map.of("note", "今回は見送ります")));
        add("POST /api/v1/matches/{id}/withdrawal", r -> Req.post("/matches/" + w.match(w.ownerA).matchId()
                + "/withdrawal", null));
        add("POST /api/v1/matches/{id}/fulfilment", r -> {
            MatchFx m = w.match(w.ownerC);
            ok(as(w.ownerA).body(Map.of()).post("/api/v1/matches/" + m.matchId() + "/acceptance"), "accept");
            return Req.post("/matches/" + m.matchId() + "/fulfilment", null);
        });
    }

    // ---- saved searches (each column its own) and brokering (coordinators: a fresh 中間支援組織) ----

    private void savedSearchesAndBrokering() {
        Map<String, Object> search = Map.of("target", "LISTING", "municipalityCode", CODE, "kind", "NEED", "q", "防災");
        add("GET /api/v1/me/saved-searches", r -> Req.get("/me/saved-searches"));
        add("POST /api/v1/me/saved-searches", r -> Req.post("/me/saved-searches", search));
        add("DELETE /api/v1/me/saved-searches/{id}", r -> Req.delete("/me/saved-searches/"
                + create(r == Role.ANONYMOUS ? w.user : w.username(r), "/api/v1/me/saved-searches", search)));
        add("GET /api/v1/municipalities/{code}/brokering-queue",
                r -> Req.get("/municipalities/" + CODE + "/brokering-queue"));
        add("GET /api/v1/municipalities/{code}/brokered-matches",
                r -> Req.get("/municipalities/" + CODE + "/brokered-matches"));
        add("GET /api/v1/municipalities/{code}/coordinators", r -> Req.get("/municipalities/" + CODE + "/coordinators"));
        add("PUT /api/v1/organizations/{id}/coordinator", r -> Req.put("/organizations/"
                + AuthzWorld.organization(Api.unique("authz-chukan"), "INTERMEDIARY", true) + "/coordinator", null));
        add("DELETE /api/v1/organizations/{id}/coordinator", r -> {
            String org = AuthzWorld.organization(Api.unique("authz-chukan"), "INTERMEDIARY", true);
            ok(as(STAFF_SAME).put("/api/v1/organizations/" + org + "/coordinator"), "approve coordinator");
            return Req.delete("/organizations/" + org + "/coordinator");
        });
    }

    // ---- me: every column acts on its own account ----

    private void me() {
        add("GET /api/v1/me", r -> Req.get("/me"));
        add("GET /api/v1/me/data", r -> Req.get("/me/data"));
        add("GET /api/v1/me/notification-settings", r -> Req.get("/me/notification-settings"));
        add("PUT /api/v1/me/notification-settings", r -> Req.put("/me/notification-settings", Map.of("language", "JA",
                "digestHour", 8, "kinds", List.of(Map.of("kind", "MATCH_DECLINED", "enabled", true,
                        "frequency", "WEEKLY")))).ifMatch("*"));
        // The token is the credential: every column holds ownerA's link.
        add("GET /api/v1/unsubscribe/{token}", r -> Req.get("/unsubscribe/" + unsubscribeToken()).accept("text/html"));
        add("POST /api/v1/unsubscribe/{token}", r -> Req.post("/unsubscribe/" + unsubscribeToken(), null)
                .form("List-Unsubscribe=One-Click").accept("text/html"));
        add("GET /api/v1/me/notifications", r -> Req.get("/me/notifications"));
        add("GET /api/v1/me/notifications/unread-count", r -> Req.get("/me/notifications/unread-count"));
        add("POST /api/v1/me/notifications/read-all", r -> Req.post("/me/notifications/read-all", null));
        add("POST /api/v1/me/notifications/{id}/read",
                r -> Req.post("/me/notifications/" + w.notificationOfOwnerA() + "/read", null));
        add("DELETE /api/v1/me/notifications/{id}/read", r -> {
            String id = w.notificationOfOwnerA();
            ok(as(w.ownerA).post("/api/v1/me/notifications/" + id + "/read"), "mark read");
            return Req.delete("/me/notifications/" + id + "/read");
        });
        // Deleting an account is for good: each column is a fresh person of that kind.
        add("DELETE /api/v1/me", r -> {
            Req req = Req.delete("/me");
            return switch (r) {
                case ANONYMOUS, ADMIN -> req;
                case USER -> req.as(signedIn(Api.unique("authz-leaver")));
                case OWNER_A -> {
                    String owner = Api.unique("authz-leaving-owner");
                    AuthzWorld.organization(owner, "CIVIC_GROUP", true);
                    yield req.as(owner);
                }
                case EDITOR_B -> {
                    String editor = Api.unique("authz-leaving-editor");
                    AuthzWorld.join(w.orgB, w.ownerB, editor, "EDITOR");
                    yield req.as(editor);
                }
                case STAFF_SAME -> req.as(AuthzWorld.freshStaff(CODE, "authz-leaving-staff"));
                case STAFF_OTHER -> req.as(AuthzWorld.freshStaff(OTHER_CODE, "authz-leaving-other-staff"));
            };
        });
    }

    private static String signedIn(String username) {
        as(username).get("/api/v1/me").then().statusCode(200);
        return username;
    }

    // ---- municipality-wide collections of 352161 ----

    private void municipalities() {
        String base = "/municipalities/" + CODE;
        add("GET /api/v1/municipalities", r -> Req.get("/municipalities"));
        add("POST /api/v1/municipalities", r -> {
            String code = Fixtures.newCode();
            return Req.post("/municipalities", Map.of("code", code, "name", "権限テスト市" + code,
                    "nameKana", "けんげんてすとし", "prefecture", "山口県", "conceptTerm", "CO_CREATION"));
        });
        add("GET /api/v1/municipalities/{code}", r -> Req.get(base));
        add("GET /api/v1/municipalities/{code}/areas", r -> Req.get(base + "/areas"));
        add("POST /api/v1/municipalities/{code}/areas",
                r -> Req.post(base + "/areas", Map.of("kind", "OTHER", "name", Api.unique("新しい地域"))));
        add("GET /api/v1/municipalities/{code}/audit-log", r -> Req.get(base + "/audit-log"));
        add("GET /api/v1/municipalities/{code}/mail-deliveries", r -> Req.get(base + "/mail-deliveries"));
        statistics(base);
        openData(base);
        add("GET /api/v1/municipalities/{code}/indicators", r -> Req.get(base + "/indicators"));
        add("GET /api/v1/municipalities/{code}/participation", r -> Req.get(base + "/participation?months=6"));
        add("POST /api/v1/municipalities/{code}/indicators",
                r -> Req.post(base + "/indicators", AuthzWorld.indicatorBody(w.plan(true).planId())));
        add("GET /api/v1/municipalities/{code}/listings", r -> Req.get(base + "/listings"));
        add("GET /api/v1/municipalities/{code}/organizations", r -> Req.get(base + "/organizations"));
        add("POST /api/v1/municipalities/{code}/organizations",
                r -> Req.post(base + "/organizations", AuthzWorld.organizationBody("CIVIC_GROUP")));
        add("GET /api/v1/municipalities/{code}/plans", r -> Req.get(base + "/plans"));
        add("POST /api/v1/municipalities/{code}/plans", r -> Req.post(base + "/plans", AuthzWorld.planBody(w.orgA)));
        add("GET /api/v1/municipalities/{code}/projects", r -> Req.get(base + "/projects"));
        add("POST /api/v1/municipalities/{code}/projects",
                r -> Req.post(base + "/projects", AuthzWorld.projectBody(w.orgA)));
        add("GET /api/v1/municipalities/{code}/staff", r -> Req.get(base + "/staff"));
        add("POST /api/v1/municipalities/{code}/staff", r -> Req.post(base + "/staff",
                Map.of("userId", userId(Api.unique("authz-new-staff")), "role", "STAFF")));
        add("DELETE /api/v1/municipalities/{code}/staff/{userId}",
                r -> Req.delete(base + "/staff/" + userId(AuthzWorld.freshStaff(CODE, "authz-old-staff"))));
    }

    // ---- organisations (a fresh ACTIVE organisation of ownerA for each mutating cell) ----

    private void organizations() {
        add("GET /api/v1/organizations/{id}", r -> Req.get("/organizations/" + w.orgA));
        add("GET /api/v1/organizations/{id}/listings", r -> Req.get("/organizations/" + w.orgA + "/listings"));
        add("GET /api/v1/organizations/{id}/matches", r -> Req.get("/organizations/" + w.orgA + "/matches"));
        add("GET /api/v1/organizations/{id}/members", r -> Req.get("/organizations/" + w.orgA + "/members"));
        add("GET /api/v1/organizations/{id}/invitations", r -> Req.get("/organizations/" + w.orgA + "/invitations"));
        add("PUT /api/v1/organizations/{id}", r -> {
            String id = w.freshOrgA();
            return Req.put("/organizations/" + id, AuthzWorld.organizationBody("COMMUNITY_COUNCIL"))
                    .ifMatch(ifMatch("/api/v1/organizations/" + id));
        });
        add("DELETE /api/v1/organizations/{id}", r -> {
            String id = w.freshOrgA();
            return Req.delete("/organizations/" + id).ifMatch(ifMatch("/api/v1/organizations/" + id));
        });
        add("POST /api/v1/organizations/{id}/approval",
                r -> Req.post("/organizations/" + AuthzWorld.organization(w.ownerA, "COMMUNITY_COUNCIL", false)
                        + "/approval", null));
        add("POST /api/v1/organizations/{id}/suspension",
                r -> Req.post("/organizations/" + w.freshOrgA() + "/suspension", null));
        add("POST /api/v1/organizations/{id}/reinstatement", r -> {
            String id = w.freshOrgA();
            ok(as(STAFF_SAME).post("/api/v1/organizations/" + id + "/suspension"), "suspend");
            return Req.post("/organizations/" + id + "/reinstatement", null);
        });
        add("POST /api/v1/organizations/{id}/invitations",
                r -> Req.post("/organizations/" + w.freshOrgA() + "/invitations", Map.of("role", "EDITOR")));
        add("DELETE /api/v1/organizations/{id}/invitations/{invitationId}", r -> {
            String id = w.freshOrgA();
            String invitation = AuthzWorld.invitation(id, w.ownerA, "EDITOR").split(" ")[0];
            return Req.delete("/organizations/" + id + "/invitations/" + invitation);
        });
        add("POST /api/v1/organizations/{id}/listings",
                r -> Req.post("/organizations/" + w.freshOrgA() + "/listings", listingBody("HAVE")));
        add("PUT /api/v1/organizations/{id}/members/{userId}", r -> {
            String id = w.freshOrgA();
            String member = Api.unique("authz-member");
            AuthzWorld.join(id, w.ownerA, member, "EDITOR");
            return Req.put("/organizations/" + id + "/members/" + userId(member), Map.of("role", "OWNER"))
                    .ifMatch(memberTag(id, member));
        });
        add("DELETE /api/v1/organizations/{id}/members/{userId}", r -> {
            String id = w.freshOrgA();
            String member = Api.unique("authz-member");
            AuthzWorld.join(id, w.ownerA, member, "EDITOR");
            return Req.delete("/organizations/" + id + "/members/" + userId(member)).ifMatch(memberTag(id, member));
        });
    }

    // ---- plans (a published plan of council A: its owner and staff of 352161 edit it) ----

    private void plans() {
        String p = "/plans/" + publishedPlan.planId();
        add("GET /api/v1/plans/{id}", r -> Req.get(p));
        add("GET /api/v1/plans/{id}/diff", r -> Req.get(p + "/diff"));
        add("GET /api/v1/plans/{id}/items", r -> Req.get(p + "/items"));
        add("GET /api/v1/plans/{id}/items.csv", r -> Req.get(p + "/items.csv").accept("text/csv"));
        add("GET /api/v1/plans/{id}/items/{itemId}", r -> Req.get(p + "/items/" + publishedPlan.itemId()));
        add("GET /api/v1/plans/{id}/progress", r -> Req.get(p + "/progress"));
        add("GET /api/v1/plans/{id}/reviews", r -> Req.get(p + "/reviews"));
        add("GET /api/v1/plans/{id}/reviews/{reviewId}", r -> Req.get(p + "/reviews/" + reviewShared));
        add("GET /api/v1/plans/{id}/versions", r -> Req.get(p + "/versions"));
        add("GET /api/v1/plans/{id}/versions/{number}", r -> Req.get(p + "/versions/1"));
        add("PUT /api/v1/plans/{id}", r -> {
            String id = w.plan(true).planId();
            Map<String, Object> body = AuthzWorld.planBody(null);
            return Req.put("/plans/" + id, body).ifMatch(ifMatch("/api/v1/plans/" + id));
        });
        add("DELETE /api/v1/plans/{id}", r -> {
            String id = w.plan(false).planId();
            return Req.delete("/plans/" + id).ifMatch(ifMatch("/api/v1/plans/" + id));
        });
        add("POST /api/v1/plans/{id}/archival", r -> Req.post("/plans/" + w.plan(true).planId() + "/archival", null));
        add("POST /api/v1/plans/{id}/items", r -> Req.post("/plans/" + w.plan(true).planId() + "/items",
                Map.of("title", "新しい取組")));
        add("PUT /api/v1/plans/{id}/items/{itemId}", r -> {
            PlanFx plan = w.plan(true);
            return Req.put("/plans/" + plan.planId() + "/items/" + plan.itemId(), Map.of("title", "改めた取組"))
                    .ifMatch(ifMatch("/api/v1/plans/" + plan.planId()));
        });
        add("DELETE /api/v1/plans/{id}/items/{itemId}", r -> {
            PlanFx plan = w.plan(true);
            return Req.delete("/plans/" + plan.planId() + "/items/" + plan.itemId())
                    .ifMatch(ifMatch("/api/v1/plans/" + plan.planId()));
        });
        add("PUT /api/v1/plans/{id}/items.csv", r -> {
            PlanFx plan = w.plan(true);
            String csv = as(ADMIN).accept("text/csv").get("/api/v1/plans/" + plan.planId() + "/items.csv").then().statusCode(200)
                    .extract().asString();
            return Req.put("/plans/" + plan.planId() + "/items.csv", null).csv(csv)
                    .ifMatch(ifMatch("/api/v1/plans/" + plan.planId()));
        });
        add("PUT /api/v1/plans/{id}/statuses", r -> {
            PlanFx plan = w.plan(true);
            Map<String, Object> status = new HashMap<>();
            status.put("itemId", plan.itemId());
            status.put("fiscalYear", START_FY);
            status.put("status", "ONGOING");
            return Req.put("/plans/" + plan.planId() + "/statuses", Map.of("statuses", List.of(status)))
                    .ifMatch(ifMatch("/api/v1/plans/" + plan.planId()));
        });
        add("POST /api/v1/plans/{id}/versions", r -> {
            PlanFx plan = w.plan(true);
            create(w.ownerA, "/api/v1/plans/" + plan.planId() + "/items", Map.of("title", "追加した取組"));
            return Req.post("/plans/" + plan.planId() + "/versions", Map.of("note", "第2版"))
                    .ifMatch(ifMatch("/api/v1/plans/" + plan.planId()));
        });
        add("POST /api/v1/plans/{id}/reviews",
                r -> Req.post("/plans/" + w.plan(true).planId() + "/reviews", AuthzWorld.reviewBody()));
        add("PUT /api/v1/plans/{id}/reviews/{reviewId}", r -> {
            String plan = w.plan(true).planId();
            String review = create(w.ownerA, "/api/v1/plans/" + plan + "/reviews", AuthzWorld.reviewBody());
            return Req.put("/plans/" + plan + "/reviews/" + review, AuthzWorld.reviewBody())
                    .ifMatch(ifMatch("/api/v1/plans/" + plan + "/reviews/" + review));
        });
        add("DELETE /api/v1/plans/{id}/reviews/{reviewId}", r -> {
            String plan = w.plan(true).planId();
            String review = create(w.ownerA, "/api/v1/plans/" + plan + "/reviews", AuthzWorld.reviewBody());
            return Req.delete("/plans/" + plan + "/reviews/" + review)
                    .ifMatch(ifMatch("/api/v1/plans/" + plan + "/reviews/" + review));
        });
    }

    // ---- projects (a published project led by A) ----

    private void projects() {
        add("GET /api/v1/projects/{id}", r -> Req.get("/projects/" + projectA));
        add("PUT /api/v1/projects/{id}", r -> {
            String id = AuthzWorld.project(w.ownerA, w.orgA);
            Map<String, Object> body = AuthzWorld.projectBody(null);
            return Req.put("/projects/" + id, body).ifMatch(ifMatch("/api/v1/projects/" + id));
        });
        add("DELETE /api/v1/projects/{id}", r -> {
            String id = AuthzWorld.project(w.ownerA, w.orgA);
            return Req.delete("/projects/" + id).ifMatch(ifMatch("/api/v1/projects/" + id));
        });
        add("POST /api/v1/projects/{id}/partners",
                r -> Req.post("/projects/" + AuthzWorld.project(w.ownerA, w.orgA) + "/partners",
                        Map.of("organizationId", w.orgC, "role", "PARTNER", "contribution", "会場の提供")));
        add("PUT /api/v1/projects/{id}/partners/{partnerId}", r -> {
            String[] ids = w.projectInvitingA();
            ok(as(w.ownerA).post("/api/v1/projects/" + ids[0] + "/partners/" + ids[1] + "/acceptance"), "join");
            String version = as(ADMIN).get("/api/v1/projects/" + ids[0]).then().statusCode(200).extract()
                    .path("partners.find { it.id == '" + ids[1] + "' }.version").toString();
            return Req.put("/projects/" + ids[0] + "/partners/" + ids[1],
                    Map.of("role", "LEAD", "contribution", "全体の取りまとめ")).ifMatch("\"" + version + "\"");
        });
        add("POST /api/v1/projects/{id}/partners/{partnerId}/acceptance", r -> {
            String[] ids = w.projectInvitingA();
            return Req.post("/projects/" + ids[0] + "/partners/" + ids[1] + "/acceptance", null);
        });
        add("POST /api/v1/projects/{id}/partners/{partnerId}/declination", r -> {
            String[] ids = w.projectInvitingA();
            return Req.post("/projects/" + ids[0] + "/partners/" + ids[1] + "/declination", null);
        });
        add("POST /api/v1/projects/{id}/stage-changes",
                r -> Req.post("/projects/" + AuthzWorld.project(w.ownerA, w.orgA) + "/stage-changes",
                        Map.of("stage", "VISION", "note", "目指す姿を話し合い始めました")));
    }

    // ---- events (organised by A in 352161; registrations by the matrix's user) ----

    private String event(Object... extra) {
        return create(w.ownerA, "/api/v1/municipalities/" + CODE + "/events",
                jp.kyoso.event.EventFixtures.body(w.orgA, extra));
    }

    private String publishedEvent(Object... extra) {
        String id = event(extra);
        ok(as(w.ownerA).post("/api/v1/events/" + id + "/publication"), "publish");
        return id;
    }

    private String startedEvent() {
        return publishedEvent("startsAt", jp.kyoso.event.EventFixtures.inHours(-1),
                "endsAt", jp.kyoso.event.EventFixtures.inHours(1));
    }

    private static String registration(String user, String eventId) {
        return create(user, "/api/v1/events/" + eventId + "/registrations",
                Map.of("answers", jp.kyoso.event.EventFixtures.answers()));
    }

    private void events() {
        String shared = publishedEvent();
        String base = "/municipalities/" + CODE;
        add("GET /api/v1/municipalities/{code}/events", r -> Req.get(base + "/events"));
        add("GET /api/v1/municipalities/{code}/events.ics", r -> Req.get(base + "/events.ics").accept("text/calendar"));
        add("GET /api/v1/municipalities/{code}/events.csv", r -> Req.get(base + "/events.csv").accept("text/csv"));
        add("POST /api/v1/municipalities/{code}/events",
                r -> Req.post(base + "/events", jp.kyoso.event.EventFixtures.body(w.orgA)));
        add("GET /api/v1/events/{id}", r -> Req.get("/events/" + shared));
        add("GET /api/v1/events/{id}.ics", r -> Req.get("/events/" + shared + ".ics").accept("text/calendar"));
        add("PUT /api/v1/events/{id}", r -> {
            String id = publishedEvent();
            return Req.put("/events/" + id, jp.kyoso.event.EventFixtures.body(w.orgA, "title", "改めた題名"))
                    .ifMatch(ifMatch("/api/v1/events/" + id));
        });
        add("DELETE /api/v1/events/{id}", r -> {
            String id = event();
            return Req.delete("/events/" + id).ifMatch(ifMatch("/api/v1/events/" + id));
        });
        add("POST /api/v1/events/{id}/publication", r -> Req.post("/events/" + event() + "/publication", null));
        add("POST /api/v1/events/{id}/cancellation",
                r -> Req.post("/events/" + publishedEvent() + "/cancellation", Map.of("reason", "荒天のため")));
        add("POST /api/v1/events/{id}/closure",
                r -> Req.post("/events/" + startedEvent() + "/closure", Map.of("report", Map.of("walkIns", 2))));
        add("GET /api/v1/events/{id}/registrations", r -> Req.get("/events/" + shared + "/registrations"));
        add("GET /api/v1/events/{id}/registrations.csv",
                r -> Req.get("/events/" + shared + "/registrations.csv").accept("text/csv"));
        add("POST /api/v1/events/{id}/registrations", r -> Req.post("/events/" + publishedEvent() + "/registrations",
                r == Role.ANONYMOUS ? jp.kyoso.event.EventFixtures.guest("権限 花子", Api.unique("guest") + "@example.jp")
                        : Map.of("answers", jp.kyoso.event.EventFixtures.answers())));
        add("GET /api/v1/events/{id}/registrations/{registrationId}", r -> {
            String id = publishedEvent();
            return Req.get("/events/" + id + "/registrations/" + registration(w.user, id));
        });
        add("DELETE /api/v1/events/{id}/registrations/{registrationId}", r -> {
            String id = publishedEvent();
            return Req.delete("/events/" + id + "/registrations/" + registration(w.user, id));
        });
        add("POST /api/v1/events/{id}/check-ins", r -> {
            String id = startedEvent();
            return Req.post("/events/" + id + "/check-ins", Map.of("registrationId", registration(w.user, id)));
        });
        add("GET /api/v1/me/registrations", r -> Req.get("/me/registrations"));
        add("GET /api/v1/me/events-to-close", r -> Req.get("/me/events-to-close"));
    }
}
