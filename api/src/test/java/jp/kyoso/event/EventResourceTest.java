package jp.kyoso.event;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.kyoso.support.Api;
import jp.kyoso.support.Fixtures;
import jp.kyoso.support.ListingFixtures;
import jp.kyoso.support.ListingFixtures.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.kyoso.event.EventFixtures.body;
import static jp.kyoso.event.EventFixtures.draft;
import static jp.kyoso.event.EventFixtures.inHours;
import static jp.kyoso.event.EventFixtures.published;
import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Events: who creates, sees, changes, publishes, cancels, closes and deletes them. */
@QuarkusTest
class EventResourceTest {

    static World w;
    static String otherCode;
    static String otherStaff;

    @BeforeEach
    void world() {
        if (w == null) {
            w = ListingFixtures.world();
            otherCode = Fixtures.municipality();
            otherStaff = Api.unique("other-staff");
            Fixtures.staff(otherCode, otherStaff, "STAFF");
        }
    }

    private static String events() {
        return "/api/v1/municipalities/" + w.code() + "/events";
    }

    @Test
    void aMemberCreatesADraftThatOnlyOrganisersSeeUntilPublished() {
        String id = as(w.ownerA()).body(body(w.orgA(), "coOrganizerIds", List.of(w.orgB()),
                        "areaIds", List.of(w.district()), "themes", List.of("DISASTER_RELIEF", "CHILDREN")))
                .post(events()).then().statusCode(201)
                .header("Location", containsString("/api/v1/events/")).header("ETag", notNullValue())
                .body("status", equalTo("DRAFT")).body("statusLabel", equalTo("下書き"))
                .body("kindLabel", equalTo("ワークショップ")).body("organizerName", equalTo("赤崎地区自治会"))
                .body("coOrganizers[0].name", equalTo("防災士会"))
                .body("organizer", equalTo(true)).body("fee.free", equalTo(true))
                .body("onlineUrl", equalTo("https://meet.example.jp/akasaki"))
                .extract().path("id");
        anonymous().get("/api/v1/events/" + id).then().statusCode(404);
        as(w.ownerC()).get("/api/v1/events/" + id).then().statusCode(404);
        // A co-organiser's member and staff see the draft.
        as(w.ownerB()).get("/api/v1/events/" + id).then().statusCode(200).body("organizer", equalTo(true));
        as(w.staff()).get("/api/v1/events/" + id).then().statusCode(200);
        anonymous().get(events()).then().statusCode(200).body("items.id", not(hasItem(id)));
        as(w.ownerB()).get(events()).then().statusCode(200).body("items.id", hasItem(id));

        as(w.ownerB()).post("/api/v1/events/" + id + "/publication").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedAt", notNullValue());
        as(w.ownerB()).post("/api/v1/events/" + id + "/publication").then().statusCode(409);
        anonymous().get("/api/v1/events/" + id).then().statusCode(200)
                .body("onlineUrl", nullValue()).body("organizer", equalTo(false))
                .body("counts.registered", equalTo(0)).body("counts.seatsLeft", equalTo(30));
        anonymous().queryParam("kind", "WORKSHOP").queryParam("area", w.district()).queryParam("q", "防災")
                .get(events()).then().statusCode(200).body("items.id", hasItem(id));
        anonymous().queryParam("organizationId", w.orgB()).get(events()).then().statusCode(200)
                .body("items.id", hasItem(id));
        anonymous().queryParam("kind", "FORUM").get(events()).then().statusCode(200).body("items.id", not(hasItem(id)));
        anonymous().queryParam("from", inHours(24 * 30)).get(events()).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        // Audit log entries for the writes.
        as(w.staff()).queryParam("entityId", id).get("/api/v1/municipalities/" + w.code() + "/audit-log")
                .then().statusCode(200).body("items.action", hasItem("event.create"))
                .body("items.action", hasItem("event.publish"));
    }

    @Test
    void eventsFromAMomentIncludeThoseStillRunningThen() {
        // The search bounds its index scan by the city's longest event: a ten-day event that began a
        // week ago is still found from now; one that ended an hour ago is not.
        String running = published(w, "title", "十日間の写真展", "startsAt", inHours(-24 * 7), "endsAt", inHours(24 * 3));
        String ended = published(w, "title", "昨日の清掃活動", "startsAt", inHours(-3), "endsAt", inHours(-1));
        String coming = published(w, "title", "来週の防災訓練", "startsAt", inHours(24 * 6), "endsAt", inHours(24 * 6 + 2));
        List<String> found = anonymous().queryParam("from", inHours(0)).queryParam("size", 100).get(events()).then()
                .statusCode(200).extract().path("items.id");
        assertThat(found, hasItem(running));
        assertThat(found, hasItem(coming));
        assertThat(found, not(hasItem(ended)));
        // Soonest first: the running one (began earliest) before the coming one.
        assertThat(found.indexOf(running) < found.indexOf(coming), equalTo(true));
    }

    @Test
    void whoMayCreate() {
        anonymous().body(body(w.orgA())).post(events()).then().statusCode(401);
        as(w.ownerC()).body(body(w.orgA())).post(events()).then().statusCode(403);
        as(w.ownerA()).body(body(null)).post(events()).then().statusCode(403);
        as(w.staff()).body(body(null)).post(events()).then().statusCode(201).body("organizationId", nullValue())
                .body("organizerName", containsString("テスト市"));
        as(otherStaff).body(body(w.orgA())).post(events()).then().statusCode(403);
        // An organisation of another municipality cannot organise here.
        as(otherStaff).body(body(null)).post("/api/v1/municipalities/" + otherCode + "/events").then().statusCode(201);
        as(w.ownerA()).body(body(w.orgA())).post("/api/v1/municipalities/" + otherCode + "/events")
                .then().statusCode(400).body("errors[0].field", equalTo("organizationId"));
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() {
        long before = count();
        as(w.ownerA()).body(body(w.orgA(), "title", "")).post(events()).then().statusCode(400)
                .body("errors[0].field", containsString("title"));
        as(w.ownerA()).body(body(w.orgA(), "endsAt", inHours(1), "startsAt", inHours(5))).post(events())
                .then().statusCode(400).body("errors[0].field", equalTo("endsAt"));
        as(w.ownerA()).body(body(w.orgA(), "heldSeats", 40)).post(events()).then().statusCode(400)
                .body("errors[0].field", equalTo("heldSeats"));
        as(w.ownerA()).body(body(w.orgA(), "mode", "ONLINE", "onlineUrl", null)).post(events()).then().statusCode(400)
                .body("errors[0].field", equalTo("onlineUrl"));
        as(w.ownerA()).body(body(w.orgA(), "areaIds", List.of(java.util.UUID.randomUUID().toString())))
                .post(events()).then().statusCode(400).body("errors[0].field", equalTo("areaIds"));
        as(w.ownerA()).body(body(w.orgA(), "questions", List.of(Map.of("key", "a", "kind", "SINGLE_CHOICE",
                "label", "x", "options", List.of("only"))))).post(events()).then().statusCode(400)
                .body("errors[0].field", equalTo("questions[0].options"));
        as(w.ownerA()).body(body(w.orgA(), "kind", "PARTY")).post(events()).then().statusCode(400);
        anonymous().queryParam("from", "tomorrow").get(events()).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        org.junit.jupiter.api.Assertions.assertEquals(before, count());
    }

    private static long count() {
        return ((Number) as(w.staff()).get(events()).then().statusCode(200).extract().path("total")).longValue();
    }

    @Test
    void updatesNeedTheCurrentETagAndOrganisers() {
        String id = draft(w);
        String path = "/api/v1/events/" + id;
        String etag = Api.etag(w.ownerA(), path);
        Map<String, Object> changed = body(w.orgA(), "title", "赤崎地区 防災ワークショップ（第2回）", "capacity", 40);
        as(w.ownerA()).body(changed).put(path).then().statusCode(428);
        anonymous().header("If-Match", etag).body(changed).put(path).then().statusCode(401);
        as(w.ownerC()).header("If-Match", etag).body(changed).put(path).then().statusCode(404);
        as(otherStaff).header("If-Match", etag).body(changed).put(path).then().statusCode(404);
        as(w.ownerA()).header("If-Match", etag).body(body(w.orgA(), "capacity", 0)).put(path).then().statusCode(400);
        as(w.ownerA()).header("If-Match", etag).body(body(w.orgB())).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("organizationId"));
        as(w.ownerA()).header("If-Match", etag).body(changed).put(path).then().statusCode(200)
                .body("title", equalTo("赤崎地区 防災ワークショップ（第2回）")).body("capacity", equalTo(40));
        as(w.ownerA()).header("If-Match", etag).body(changed).put(path).then().statusCode(412);
        as(w.ownerA()).get(path).then().body("capacity", equalTo(40));
    }

    @Test
    void onlyDraftsAreDeleted() {
        String id = draft(w);
        String path = "/api/v1/events/" + id;
        as(w.ownerA()).delete(path).then().statusCode(428);
        as(w.ownerC()).header("If-Match", "*").delete(path).then().statusCode(404);
        as(w.ownerA()).header("If-Match", Api.etag(w.ownerA(), path)).delete(path).then().statusCode(204);
        as(w.ownerA()).get(path).then().statusCode(404);
        String pub = published(w);
        as(w.ownerA()).header("If-Match", "*").delete("/api/v1/events/" + pub).then().statusCode(409);
    }

    @Test
    void cancellingTellsEveryRegistrantWhy() {
        String id = published(w);
        String person = Api.unique("resident");
        as(person).body(Map.of("answers", EventFixtures.answers())).post("/api/v1/events/" + id + "/registrations")
                .then().statusCode(201);
        as(w.ownerC()).body(Map.of("reason", "台風のため")).post("/api/v1/events/" + id + "/cancellation")
                .then().statusCode(403);
        anonymous().body(Map.of("reason", "台風のため")).post("/api/v1/events/" + id + "/cancellation")
                .then().statusCode(401);
        as(w.ownerA()).body(Map.of("reason", " ")).post("/api/v1/events/" + id + "/cancellation")
                .then().statusCode(400).body("errors[0].field", containsString("reason"));
        as(w.ownerA()).body(Map.of("reason", "台風の接近のため中止します")).post("/api/v1/events/" + id + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancellationReason", equalTo("台風の接近のため中止します"));
        as(person).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items.kind", hasItem("EVENT_CANCELLED"))
                .body("items.message", hasItem(containsString("台風の接近のため中止します")));
        as(Api.unique("late")).body(Map.of("answers", EventFixtures.answers()))
                .post("/api/v1/events/" + id + "/registrations").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("中止"));
        as(w.ownerA()).body(Map.of("reason", "again")).post("/api/v1/events/" + id + "/cancellation")
                .then().statusCode(409);
    }

    @Test
    void closingAStartedEventTakesAttendanceFromCheckInsAndListsItUntilThen() {
        String id = published(w, "startsAt", inHours(-3), "endsAt", inHours(-1));
        String toClose = "/api/v1/me/events-to-close";
        as(w.ownerA()).queryParam("size", 100).get(toClose).then().statusCode(200).body("items.id", hasItem(id));
        as(w.ownerC()).queryParam("size", 100).get(toClose).then().statusCode(200).body("items.id", not(hasItem(id)));
        anonymous().get(toClose).then().statusCode(401);
        Map<String, Object> report = new HashMap<>(Map.of("walkIns", 3, "organizationIds", List.of(w.orgA(), w.orgB()),
                "summary", "非公開の議事録", "publicSummary", "防災マップを作りました", "followUpListingIds", List.of(),
                "followUpProjectIds", List.of()));
        as(w.ownerC()).body(Map.of("report", report)).post("/api/v1/events/" + id + "/closure").then().statusCode(403);
        as(w.ownerA()).body(Map.of("report", Map.of("walkIns", -1))).post("/api/v1/events/" + id + "/closure")
                .then().statusCode(400).body("errors[0].field", containsString("walkIns"));
        as(w.ownerA()).body(Map.of("report", Map.of("organizationIds", List.of(java.util.UUID.randomUUID().toString()))))
                .post("/api/v1/events/" + id + "/closure").then().statusCode(400)
                .body("errors[0].field", equalTo("report.organizationIds"));
        as(w.ownerA()).body(Map.of("report", report)).post("/api/v1/events/" + id + "/closure").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("report.attendeeCount", equalTo(0))
                .body("report.walkIns", equalTo(3)).body("report.totalParticipants", equalTo(3))
                .body("report.summary", equalTo("非公開の議事録"));
        anonymous().get("/api/v1/events/" + id).then().statusCode(200)
                .body("report.summary", nullValue()).body("report.publicSummary", equalTo("防災マップを作りました"))
                .body("report.organizations.name", hasItem("防災士会"));
        as(w.ownerA()).queryParam("size", 100).get(toClose).then().body("items.id", not(hasItem(id)));
        as(w.ownerA()).body(Map.of("report", report)).post("/api/v1/events/" + id + "/closure").then().statusCode(409);
        String future = published(w);
        as(w.ownerA()).body(Map.of("report", report)).post("/api/v1/events/" + future + "/closure").then()
                .statusCode(409).body("detail", containsString("開始前"));
    }

    @Test
    void anotherMunicipalitysEventsStayThere() {
        String id = published(w);
        as(otherStaff).get("/api/v1/municipalities/" + otherCode + "/events").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as(otherStaff).post("/api/v1/events/" + id + "/publication").then().statusCode(403);
        as(otherStaff).get("/api/v1/events/" + id + "/registrations").then().statusCode(403);
        Response r = anonymous().get("/api/v1/municipalities/999999/events");
        r.then().statusCode(404);
    }

    @Test
    void anEventLinkedToAProjectShowsOnBothSides() {
        String project = as(w.ownerA()).body(Map.of("title", "赤崎地区 合同防災訓練", "domain", "CITIZEN_LED",
                        "organizationId", w.orgA(), "published", true))
                .post("/api/v1/municipalities/" + w.code() + "/projects").then().statusCode(201).extract().path("id");
        String id = published(w, "projectIds", List.of(project));
        anonymous().get("/api/v1/events/" + id).then().body("projects[0].id", equalTo(project))
                .body("projects[0].title", equalTo("赤崎地区 合同防災訓練"));
        anonymous().queryParam("projectId", project).get(events()).then().statusCode(200)
                .body("items.id", hasItem(id)).body("total", equalTo(1));
        as(w.ownerA()).body(body(w.orgA(), "projectIds", List.of(java.util.UUID.randomUUID().toString())))
                .post(events()).then().statusCode(400).body("errors[0].field", equalTo("projectIds"));
    }
}
