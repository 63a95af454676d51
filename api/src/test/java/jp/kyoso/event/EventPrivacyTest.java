package jp.kyoso.event;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.kyoso.support.Api;
import jp.kyoso.support.ListingFixtures;
import jp.kyoso.support.ListingFixtures.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static jp.kyoso.event.EventFixtures.answers;
import static jp.kyoso.event.EventFixtures.guest;
import static jp.kyoso.event.EventFixtures.inHours;
import static jp.kyoso.event.EventFixtures.published;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.Api.anonymous;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person's registrations in their data export and account deletion; guests' data erased after closure. */
@QuarkusTest
class EventPrivacyTest {

    static World w;

    @Inject EventPrivacy privacy;

    @BeforeEach
    void world() {
        if (w == null) {
            w = ListingFixtures.world();
        }
    }

    @Test
    void myRegistrationsAreInMyDataAndDeletingMyAccountFreesMySeat() {
        String id = published(w, "capacity", 1);
        String person = Api.unique("leaving");
        String next = Api.unique("next");
        String rid = as(person).body(Map.of("answers", answers(), "showPublicly", true))
                .post("/api/v1/events/" + id + "/registrations").then().statusCode(201).extract().path("id");
        String waiting = as(next).body(Map.of("answers", answers())).post("/api/v1/events/" + id + "/registrations")
                .then().statusCode(201).body("status", equalTo("WAITLISTED")).extract().path("id");
        as(person).get("/api/v1/me/data").then().statusCode(200)
                .body("eventRegistrations.id", hasItem(rid))
                .body("eventRegistrations.eventTitle", hasItem("赤崎地区 防災ワークショップ"));
        as(person).delete("/api/v1/me").then().statusCode(204);
        as(w.ownerA()).get("/api/v1/events/" + id + "/registrations/" + rid).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("showPublicly", equalTo(false))
                .body("answers.size()", equalTo(0));
        as(next).get("/api/v1/events/" + id + "/registrations/" + waiting).then().body("status", equalTo("REGISTERED"));
        anonymous().get("/api/v1/events/" + id).then().body("publicParticipants.size()", equalTo(0));
    }

    @Test
    void guestsPersonalDataIsErasedAfterTheEventCloses() {
        String id = published(w, "startsAt", inHours(-2), "endsAt", inHours(1));
        String gid = anonymous().body(guest("中村 由美", Api.unique("yumi") + "@example.jp"))
                .post("/api/v1/events/" + id + "/registrations").then().statusCode(201).extract().path("id");
        // Not closed yet: kept.
        privacy.eraseDueGuestData();
        as(w.ownerA()).get("/api/v1/events/" + id + "/registrations/" + gid).then().body("name", equalTo("中村 由美"));
        as(w.ownerA()).body(Map.of("report", Map.of("walkIns", 0))).post("/api/v1/events/" + id + "/closure")
                .then().statusCode(200);
        // The test profile keeps guests' data for 0 days.
        assertTrue(privacy.eraseDueGuestData() >= 1);
        as(w.ownerA()).get("/api/v1/events/" + id + "/registrations/" + gid).then().statusCode(200)
                .body("name", nullValue()).body("email", nullValue()).body("answers.size()", equalTo(0));
        as(w.staff()).queryParam("entityId", id).get("/api/v1/municipalities/" + w.code() + "/audit-log")
                .then().body("items.action", hasItem("event.guest-data.erase"));
    }
}
