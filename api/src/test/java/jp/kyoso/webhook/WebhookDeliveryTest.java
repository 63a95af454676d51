package jp.kyoso.webhook;

import com.example.kyoso.WebhookVerifier;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.kyoso.core.outbox.OutboxDispatcher;
import jp.kyoso.support.Api;
import jp.kyoso.support.Fixtures;
import jp.kyoso.support.ListingFixtures;
import jp.kyoso.support.ListingFixtures.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Deliveries to a real HTTP receiver on loopback ({@link WebhookReceiver}), sent by the outbox's
 * dispatcher (called here directly; the tests' scheduler is off): signed per Standard Webhooks
 * and checked with the verifier of docs/integrations.md, heard only by endpoints whose owners may
 * see the object, retried after a 500, cut off when hanging, never following a redirect, and an
 * endpoint disabled with a notice to its owners once it has failed for the give-up window (4 s in
 * tests, 24 h in production).
 */
@QuarkusTest
class WebhookDeliveryTest {

    static World w;
    static WebhookReceiver receiver;

    @Inject OutboxDispatcher dispatcher;

    record Hook(String id, String secret, String path, String base) {
    }

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @BeforeEach
    void world() {
        if (w == null) {
            w = ListingFixtures.world();
        }
    }

    private static Hook register(String user, String base, String path, String... types) {
        var created = as(user).body(WebhookResourceTest.body(receiver.url(path), types)).post(base)
                .then().statusCode(201).extract();
        return new Hook(created.path("id"), created.path("secret"), path, base);
    }

    private static String orgHooks(String org) {
        return "/api/v1/organizations/" + org + "/webhooks";
    }

    private static String listing(String owner, String org, String kind, String title) {
        return as(owner).body(ListingFixtures.body(kind, "GOODS", title, "説明", List.of("DISASTER_RELIEF"), List.of()))
                .post("/api/v1/organizations/" + org + "/listings").then().statusCode(201).extract().path("id");
    }

    private void dispatchUntil(BooleanSupplier done, Duration max) throws Exception {
        Instant until = Instant.now().plus(max);
        while (Instant.now().isBefore(until)) {
            dispatcher.dispatchDue();
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(150);
        }
        fail("Not done within " + max + "; received: " + receiver.received);
    }

    private static List<String> types(String path) {
        return receiver.at(path).stream().map(r -> JsonPath.from(r.body()).getString("type")).sorted().toList();
    }

    private static WebhookReceiver.Received of(String path, String type) {
        return receiver.at(path).stream().filter(r -> JsonPath.from(r.body()).getString("type").equals(type))
                .findFirst().orElseThrow();
    }

    @Test
    void deliveriesAreSignedAndReachOnlyTheEndpointsWhoseOwnersMaySee() throws Exception {
        Hook a = register(w.ownerA(), orgHooks(w.orgA()), "/a", "listing.created", "match.proposed");
        Hook b = register(w.ownerB(), orgHooks(w.orgB()), "/b", "listing.created", "match.proposed");
        Hook c = register(w.ownerC(), orgHooks(w.orgC()), "/c", "listing.created", "match.proposed");
        Hook city = register(w.staff(), "/api/v1/municipalities/" + w.code() + "/webhooks", "/city", "match.proposed");
        String elsewhere = Fixtures.municipality();
        String elsewhereStaff = Api.unique("elsewhere-staff");
        Fixtures.staff(elsewhere, elsewhereStaff, "STAFF");
        register(elsewhereStaff, "/api/v1/municipalities/" + elsewhere + "/webhooks", "/elsewhere", "listing.created",
                "match.proposed");
        // An organisation not yet approved: its listing is not public.
        String ownerD = Api.unique("owner-d");
        String orgD = Fixtures.organization(w.code(), ownerD, null, "未承認の会", "承認待ち", List.of("CHILDREN"), List.of());

        String need = listing(w.ownerA(), w.orgA(), "NEED", "発電機を借りたい");
        String have = listing(w.ownerB(), w.orgB(), "HAVE", "発電機を貸せます");
        String hidden = listing(ownerD, orgD, "NEED", "非公開の無い");
        // A rotation: for a day the old key signs beside the new one.
        String rotated = as(w.ownerA()).post(a.base() + "/" + a.id() + "/rotate-secret").then().statusCode(200)
                .extract().path("secret");
        String match = as(w.ownerA()).body(Map.of("needId", need, "haveId", have, "message", "お願いします"))
                .post("/api/v1/matches").then().statusCode(201).extract().path("id");

        dispatchUntil(() -> receiver.at("/a").size() == 3 && receiver.at("/b").size() == 3
                && receiver.at("/c").size() == 2 && receiver.at("/city").size() == 1, Duration.ofSeconds(20));
        dispatcher.dispatchDue();
        // Deliveries run in parallel, so their order at the receiver is not the events' order.
        assertEquals(List.of("listing.created", "listing.created", "match.proposed"), types("/a"));
        assertEquals(List.of("listing.created", "listing.created", "match.proposed"), types("/b"));
        // C is no party to the match; nobody but the municipality hears of D's unpublished listing;
        // another municipality hears of nothing here.
        assertEquals(List.of("listing.created", "listing.created"), types("/c"));
        assertEquals(List.of("match.proposed"), types("/city"));
        assertEquals(0, receiver.at("/elsewhere").size());
        assertTrue(receiver.received.stream().noneMatch(r -> r.body().contains(hidden)), "D's listing leaked");

        // Every delivery verifies with its endpoint's secret, headers and body agreeing.
        for (Hook hook : List.of(b, c, city)) {
            WebhookVerifier verifier = new WebhookVerifier(hook.secret());
            for (WebhookReceiver.Received r : receiver.at(hook.path())) {
                verifier.verify(r.id(), r.timestamp(), r.signature(), r.body());
                JsonPath body = JsonPath.from(r.body());
                assertEquals(r.id(), body.getString("id"));
                assertEquals("application/json", r.contentType());
                assertTrue(Math.abs(Instant.parse(body.getString("occurredAt")).getEpochSecond()
                        - Long.parseLong(r.timestamp())) < 60);
                assertEquals(w.code(), body.getString("data.municipalityCode"));
            }
        }
        WebhookReceiver.Received proposed = of("/a", "match.proposed");
        JsonPath data = JsonPath.from(proposed.body());
        assertEquals(match, data.getString("data.id"));
        assertEquals("PROPOSED", data.getString("data.status"));
        assertEquals(w.orgB(), data.getString("data.haveOrganizationId"));
        assertEquals(2, proposed.signature().split(" ").length, proposed.signature());
        new WebhookVerifier(rotated).verify(proposed.id(), proposed.timestamp(), proposed.signature(), proposed.body());
        new WebhookVerifier(a.secret()).verify(proposed.id(), proposed.timestamp(), proposed.signature(), proposed.body());
        // The same event has the same id at every endpoint (receivers dedupe on it).
        assertEquals(proposed.id(), of("/b", "match.proposed").id());
        assertEquals(proposed.id(), receiver.at("/city").get(0).id());
        assertTrue(receiver.at("/b").stream().anyMatch(r -> r.body().contains("\"title\":\"発電機を借りたい\"")
                && r.body().contains(need)), "B heard of A's need");

        // The delivery log: status, attempts, the endpoint's answer.
        as(w.ownerA()).get(a.base() + "/" + a.id() + "/deliveries").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items[0].eventType", equalTo("match.proposed"))
                .body("items[0].eventId", equalTo(proposed.id()))
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].statusLabel", equalTo("送信済み"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", equalTo(200))
                .body("items[0].lastError", nullValue())
                .body("items[0].deliveredAt", notNullValue());
        as(w.ownerB()).get(a.base() + "/" + a.id() + "/deliveries").then().statusCode(403);
    }

    @Test
    void eventsAndProjectStagesReachTheMunicipalitysEndpointWithTheirStatus() throws Exception {
        Hook city = register(w.staff(), "/api/v1/municipalities/" + w.code() + "/webhooks", "/city-events",
                "event.published", "event.cancelled", "project.stage_changed");
        String event = jp.kyoso.event.EventFixtures.published(w);
        as(w.ownerA()).body(Map.of("reason", "台風のため")).post("/api/v1/events/" + event + "/cancellation")
                .then().statusCode(200);
        String project = as(w.ownerA()).body(Map.of("title", "赤崎地区 合同防災訓練", "summary", "地区防災訓練",
                        "vision", "自分たちの地域は自分たちで守る", "issue", "担い手が少ない", "domain", "CITIZEN_INITIATIVE",
                        "forms", List.of("CO_HOSTING"), "areaIds", List.of(w.district()), "organizationId", w.orgA(),
                        "contribution", "会場の手配"))
                .post("/api/v1/municipalities/" + w.code() + "/projects").then().statusCode(201).extract().path("id");
        as(w.ownerA()).body(Map.of("stage", "VISION", "note", "目指す姿を共有"))
                .post("/api/v1/projects/" + project + "/stage-changes").then().statusCode(200);

        dispatchUntil(() -> receiver.at("/city-events").size() == 3, Duration.ofSeconds(20));
        assertEquals(List.of("event.cancelled", "event.published", "project.stage_changed"), types("/city-events"));
        WebhookVerifier verifier = new WebhookVerifier(city.secret());
        for (WebhookReceiver.Received r : receiver.at("/city-events")) {
            verifier.verify(r.id(), r.timestamp(), r.signature(), r.body());
        }
        assertEquals(event, JsonPath.from(of("/city-events", "event.cancelled").body()).getString("data.id"));
        assertEquals("CANCELLED", JsonPath.from(of("/city-events", "event.cancelled").body()).getString("data.status"));
        JsonPath stage = JsonPath.from(of("/city-events", "project.stage_changed").body());
        assertEquals(project, stage.getString("data.id"));
        assertEquals("TRIGGER", stage.getString("data.fromStage"));
        assertEquals("VISION", stage.getString("data.stage"));
    }

    @Test
    void aFailingEndpointIsRetriedAHangingOneCutOffARedirectNotFollowedAndSustainedFailureDisables() throws Exception {
        String ownerE = Api.unique("owner-e");
        String orgE = Fixtures.organization(w.code(), ownerE, w.staff(), "再送テストの会", "再送", List.of("CHILDREN"),
                List.of());
        receiver.answer("/flaky", 500, 200);
        receiver.answer("/hang", WebhookReceiver.HANG);
        receiver.answer("/moved", 302);
        Hook flaky = register(ownerE, orgHooks(orgE), "/flaky", "listing.closed");
        Hook hang = register(ownerE, orgHooks(orgE), "/hang", "listing.closed");
        Hook moved = register(ownerE, orgHooks(orgE), "/moved", "listing.closed");
        String id = listing(ownerE, orgE, "HAVE", "テント貸します");
        as(ownerE).post("/api/v1/listings/" + id + "/closure").then().statusCode(200);

        long started = System.nanoTime();
        dispatcher.dispatchDue();
        long firstRound = (System.nanoTime() - started) / 1_000_000;
        // The hanging endpoint was cut off at the request timeout (2 s in tests), not held.
        assertTrue(firstRound < 6_000, "first round took " + firstRound + " ms");
        as(ownerE).get(hang.base() + "/" + hang.id() + "/deliveries").then()
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", nullValue())
                .body("items[0].lastError", containsString("HttpTimeoutException"));
        as(ownerE).get(moved.base() + "/" + moved.id() + "/deliveries").then()
                .body("items[0].lastStatusCode", equalTo(302))
                .body("items[0].lastError", containsString("redirects are not followed"));

        // The 500 is retried after the backoff and then delivered.
        dispatchUntil(() -> receiver.at("/flaky").size() >= 2, Duration.ofSeconds(10));
        as(ownerE).get(flaky.base() + "/" + flaky.id() + "/deliveries").then()
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].attempts", equalTo(2))
                .body("items[0].lastStatusCode", equalTo(200));
        assertEquals(receiver.at("/flaky").get(0).id(), receiver.at("/flaky").get(1).id(), "a retry keeps the id");

        // The others keep failing until the give-up window ends: then they are disabled and the owner is told.
        dispatchUntil(() -> !enabled(ownerE, hang) && !enabled(ownerE, moved), Duration.ofSeconds(40));
        assertTrue(enabled(ownerE, flaky), "a recovered endpoint stays enabled");
        assertEquals(0, receiver.at("/redirected").size(), "the redirect was followed");
        assertTrue(receiver.at("/moved").size() >= 2, "the redirecting endpoint was retried");
        as(ownerE).get(moved.base() + "/" + moved.id()).then()
                .body("enabled", equalTo(false))
                .body("disabledReason", containsString("HTTP 302"))
                .body("disabledAt", notNullValue());
        as(ownerE).get(moved.base() + "/" + moved.id() + "/deliveries").then()
                .body("items[0].status", equalTo("FAILED"));
        as(ownerE).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items.kind", hasItem("WEBHOOK_DISABLED"))
                .body("items.message", hasItem(containsString(receiver.url("/moved"))));

        // Enabled again by its owner, its failures are forgotten.
        as(ownerE).header("If-Match", Api.etag(ownerE, moved.base() + "/" + moved.id()))
                .body(WebhookResourceTest.body(receiver.url("/moved"), "listing.closed"))
                .put(moved.base() + "/" + moved.id()).then().statusCode(200)
                .body("enabled", equalTo(true)).body("consecutiveFailures", equalTo(0))
                .body("disabledReason", nullValue());
    }

    private static boolean enabled(String user, Hook hook) {
        return as(user).get(hook.base() + "/" + hook.id()).then().statusCode(200).extract().path("enabled");
    }
}
