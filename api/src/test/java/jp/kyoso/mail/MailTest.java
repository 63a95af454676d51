package jp.kyoso.mail;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jp.kyoso.core.outbox.OutboxDispatcher;
import jp.kyoso.event.EventReminders;
import jp.kyoso.listing.ListingExpiryReminders;
import jp.kyoso.notification.NotificationDigests;
import jp.kyoso.support.Api;
import jp.kyoso.support.ListingFixtures;
import jp.kyoso.support.ListingFixtures.World;
import jp.kyoso.support.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static jp.kyoso.event.EventFixtures.answers;
import static jp.kyoso.event.EventFixtures.guest;
import static jp.kyoso.event.EventFixtures.inHours;
import static jp.kyoso.event.EventFixtures.published;
import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mail as people receive it, through a real SMTP server: what a registrant, a guest and an
 * organisation's members get, when (immediately, in a digest, before an event), in which
 * language, with a working one-click unsubscribe; an SMTP server that is down delays mail but
 * never fails a request or loses a mail, and an instance killed holding mail leaves it to another.
 */
@QuarkusTest
class MailTest {

    static World w;

    @MailServer GreenMail smtp;
    @Inject OutboxDispatcher dispatcher;
    @Inject EventReminders eventReminders;
    @Inject ListingExpiryReminders listingReminders;
    @Inject NotificationDigests digests;
    @Inject MailChannel mailChannel;

    @BeforeEach
    void world() {
        if (w == null) {
            w = ListingFixtures.world();
        }
    }

    static String address(String username) {
        return username + "@users.kyoso.example";
    }

    private Inbox deliver(String address) throws Exception {
        dispatcher.dispatchDue();
        return Inbox.of(smtp, address);
    }

    @Test
    void aCancelledEventReachesItsRegistrantAndItsGuestByMailOnce() throws Exception {
        String id = published(w);
        String person = Api.unique("reg");
        as(person).body(Map.of("answers", answers())).post("/api/v1/events/" + id + "/registrations")
                .then().statusCode(201);
        String guestAddress = Api.unique("guest") + "@example.jp";
        anonymous().body(guest("中村 由美", guestAddress)).post("/api/v1/events/" + id + "/registrations")
                .then().statusCode(201);
        Inbox guestMail = deliver(guestAddress);
        assertEquals(1, guestMail.size(), "the guest's confirmation");
        String confirmation = Inbox.part(guestMail.only(), "text/plain");
        assertTrue(confirmation.contains("中村 由美 様") && confirmation.contains("受付番号"), confirmation);
        assertTrue(confirmation.contains("/events/" + id), confirmation);

        as(w.ownerA()).body(Map.of("reason", "台風のため")).post("/api/v1/events/" + id + "/cancellation")
                .then().statusCode(200);
        Inbox mine = deliver(address(person));
        MimeMessage m = mine.only();
        assertTrue(m.getSubject().contains("イベントの中止"), m.getSubject());
        String text = Inbox.part(m, "text/plain");
        String html = Inbox.part(m, "text/html");
        assertTrue(text.contains("台風のため") && text.contains("/events/" + id), text);
        assertTrue(html.contains("<a href=") && html.contains("lang=\"ja\""), html);
        String unsubscribe = Inbox.header(m, "List-Unsubscribe");
        assertTrue(unsubscribe.matches("<https?://[^>]+/api/v1/unsubscribe/[^>]+>"), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", Inbox.header(m, "List-Unsubscribe-Post"));
        assertEquals(2, Inbox.of(smtp, guestAddress).size(), "the guest hears of the cancellation");
        assertTrue(Inbox.part(Inbox.of(smtp, guestAddress).messages().get(1), "text/plain").contains("台風のため"));
        // Nothing goes twice.
        dispatcher.dispatchDue();
        assertEquals(1, Inbox.of(smtp, address(person)).size());
        assertEquals(2, Inbox.of(smtp, guestAddress).size());
    }

    @Test
    void oneClickUnsubscribeTurnsTheKindOffWithoutSignIn() throws Exception {
        String id = published(w, "capacity", 1);
        String first = Api.unique("first");
        String waiting = Api.unique("waiting");
        String rid = as(first).body(Map.of("answers", answers())).post("/api/v1/events/" + id + "/registrations")
                .then().statusCode(201).extract().path("id");
        as(waiting).body(Map.of("answers", answers())).post("/api/v1/events/" + id + "/registrations")
                .then().statusCode(201).body("status", equalTo("WAITLISTED"));
        as(first).delete("/api/v1/events/" + id + "/registrations/" + rid).then().statusCode(200);
        MimeMessage promoted = deliver(address(waiting)).only();
        assertTrue(promoted.getSubject().contains("キャンセル待ち"), promoted.getSubject());
        String link = Inbox.header(promoted, "List-Unsubscribe").replaceAll("[<>]", "");
        String path = link.substring(link.indexOf("/api/v1/unsubscribe/"));

        // Opening the link only asks.
        anonymous().accept("text/html").get(path).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\""));
        as(waiting).get("/api/v1/me/notification-settings").then().statusCode(200)
                .body("kinds.find { it.kind == 'EVENT_PROMOTED' }.enabled", equalTo(true));
        // A forged token does nothing.
        anonymous().accept("*/*").contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post(path.substring(0, path.length() - 3) + "AAA").then().statusCode(404);
        // The mail client's one-click POST, without a sign-in.
        anonymous().accept("*/*").contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post(path).then().statusCode(200).body(containsString("停止しました"));
        as(waiting).get("/api/v1/me/notification-settings").then().statusCode(200)
                .body("kinds.find { it.kind == 'EVENT_PROMOTED' }.enabled", equalTo(false))
                .body("kinds.find { it.kind == 'EVENT_CANCELLED' }.enabled", equalTo(true));
    }

    @Test
    void settingsAreReadAndReplacedWithIfMatchAndBadInputNamesTheField() throws Exception {
        String person = Api.unique("settings");
        String etag = as(person).get("/api/v1/me/notification-settings").then().statusCode(200)
                .body("language", equalTo("JA")).body("digestHour", equalTo(8)).body("timeZone", equalTo("Asia/Tokyo"))
                .body("accountEmail", equalTo(address(person).toLowerCase()))
                .body("kinds.find { it.kind == 'MATCH_PROPOSED' }.frequency", equalTo("IMMEDIATE"))
                .body("kinds.find { it.kind == 'MATCH_DECLINED' }.frequency", equalTo("DAILY"))
                .extract().header("ETag");
        Map<String, Object> body = Map.of("language", "EN", "digestHour", 19, "email", "",
                "kinds", List.of(Map.of("kind", "EVENT_CANCELLED", "enabled", true, "frequency", "WEEKLY")));
        as(person).body(Map.of("language", "EN", "digestHour", 19, "email", "not-an-address", "kinds", List.of()))
                .header("If-Match", etag).put("/api/v1/me/notification-settings")
                .then().statusCode(400).body("errors.field", hasItem("email"));
        as(person).body(Map.of("language", "EN", "digestHour", 24, "kinds", List.of()))
                .header("If-Match", etag).put("/api/v1/me/notification-settings")
                .then().statusCode(400).body("errors.field", hasItem("digestHour"));
        as(person).body(body).put("/api/v1/me/notification-settings").then().statusCode(428);
        as(person).body(body).header("If-Match", "\"99\"").put("/api/v1/me/notification-settings").then().statusCode(412);
        String next = as(person).body(body).header("If-Match", etag).put("/api/v1/me/notification-settings")
                .then().statusCode(200).body("language", equalTo("EN")).body("digestHour", equalTo(19))
                .body("kinds.find { it.kind == 'EVENT_CANCELLED' }.frequency", equalTo("WEEKLY"))
                .extract().header("ETag");
        assertTrue(!next.equals(etag));
        as(person).body(body).header("If-Match", etag).put("/api/v1/me/notification-settings").then().statusCode(412);
        // The settings are the person's data: in the export of it.
        as(person).get("/api/v1/me/data").then().statusCode(200).body("mailSettings.digestHour", equalTo(19))
                .body("mailSettings.kinds.find { it.kind == 'EVENT_CANCELLED' }.frequency", equalTo("WEEKLY"));
        anonymous().get("/api/v1/me/notification-settings").then().statusCode(401);
    }

    @Test
    void remindersGoOnceBeforeTheStartToRegistrantsAndGuestsInTheirLanguage() throws Exception {
        String id = published(w, "startsAt", inHours(10), "endsAt", inHours(12), "reminderHours", 24);
        String person = Api.unique("remind");
        String etag = as(person).get("/api/v1/me/notification-settings").then().extract().header("ETag");
        as(person).body(Map.of("language", "EN", "digestHour", 8, "kinds", List.of())).header("If-Match", etag)
                .put("/api/v1/me/notification-settings").then().statusCode(200);
        as(person).body(Map.of("answers", answers())).post("/api/v1/events/" + id + "/registrations").then().statusCode(201);
        String guestAddress = Api.unique("rguest") + "@example.jp";
        anonymous().body(guest("山本 健", guestAddress)).post("/api/v1/events/" + id + "/registrations").then().statusCode(201);
        String later = published(w, "startsAt", inHours(24 * 5), "endsAt", inHours(24 * 5 + 1));
        String early = Api.unique("early");
        as(early).body(Map.of("answers", answers())).post("/api/v1/events/" + later + "/registrations").then().statusCode(201);

        assertTrue(eventReminders.sendDue(Instant.now()) >= 2);
        assertEquals(0, eventReminders.sendDue(Instant.now()), "a second round sends nothing new");
        MimeMessage reminder = deliver(address(person)).only();
        assertTrue(reminder.getSubject().contains("Event reminder"), reminder.getSubject());
        assertTrue(Inbox.part(reminder, "text/html").contains("lang=\"en\""));
        as(person).get("/api/v1/me/notifications").then().body("items.kind", hasItem("EVENT_REMINDER"));
        assertTrue(Inbox.of(smtp, guestAddress).subjects().stream().anyMatch(s -> s.contains("まもなく開催")),
                Inbox.of(smtp, guestAddress).subjects().toString());
        assertEquals(0, Inbox.of(smtp, address(early)).size(), "five days ahead is not yet");
    }

    @Test
    void closeRemindersAndListingExpiryWaitForTheDailyDigestAtTheLocalHour() throws Exception {
        World x = ListingFixtures.world();
        published(x, "startsAt", inHours(-24 * 4), "endsAt", inHours(-24 * 4 + 2));
        String listing = as(x.ownerA()).body(ListingFixtures.body("HAVE", "GOODS", "テント 3張 貸し出せます",
                        "運動会で使えます", List.of("DISASTER_RELIEF"), List.of(),
                        "availableUntil", LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(3).toString()))
                .post("/api/v1/organizations/" + x.orgA() + "/listings").then().statusCode(201).extract().path("id");
        assertTrue(eventReminders.sendDue(Instant.now()) >= 1);
        assertTrue(listingReminders.sendDue(LocalDate.now(ZoneId.of("Asia/Tokyo"))) >= 1);
        assertEquals(0, listingReminders.sendDue(LocalDate.now(ZoneId.of("Asia/Tokyo"))), "once per listing");
        as(x.ownerA()).get("/api/v1/me/notifications").then()
                .body("items.kind", hasItem("EVENT_CLOSE_REMINDER")).body("items.kind", hasItem("LISTING_EXPIRING"))
                .body("items.listingId", hasItem(listing));
        assertEquals(0, deliver(address(x.ownerA())).size(), "daily kinds wait for the digest");

        ZonedDateTime tokyo = ZonedDateTime.now(ZoneId.of("Asia/Tokyo"));
        Instant beforeHour = tokyo.withHour(7).withMinute(0).toInstant();
        Instant atHour = tokyo.withHour(8).withMinute(5).toInstant();
        digests.sendDue(beforeHour);
        assertEquals(0, deliver(address(x.ownerA())).size(), "not before the digest hour (8:00 by default)");
        assertTrue(digests.sendDue(atHour) >= 1);
        digests.sendDue(atHour);
        MimeMessage digest = deliver(address(x.ownerA())).only();
        assertTrue(digest.getSubject().contains("今日のお知らせ"), digest.getSubject());
        String text = Inbox.part(digest, "text/plain");
        assertTrue(text.contains("テント 3張") && text.contains("赤崎地区 防災ワークショップ"), text);
        assertNotNull(Inbox.header(digest, "List-Unsubscribe"));
    }

    @Test
    void anSmtpServerThatIsDownDelaysMailButNeverFailsTheRequestNorLosesIt() throws Exception {
        String id = published(w);
        String guestAddress = Api.unique("down") + "@example.jp";
        smtp.stop();
        try {
            anonymous().body(guest("佐藤 花子", guestAddress)).post("/api/v1/events/" + id + "/registrations")
                    .then().statusCode(201);
            dispatcher.dispatchDue();
            as(w.staff()).queryParam("status", "PENDING").queryParam("size", 100)
                    .get("/api/v1/municipalities/" + w.code() + "/mail-deliveries").then().statusCode(200)
                    .body("items.find { it.recipient == '" + MailDeliveryResource.mask(guestAddress) + "' }.attempts",
                            equalTo(1))
                    .body("items.find { it.recipient == '" + MailDeliveryResource.mask(guestAddress) + "' }.lastError",
                            containsString("Exception"));
        } finally {
            smtp.start();
        }
        Inbox arrived = Inbox.of(smtp, guestAddress);
        for (int i = 0; i < 50 && arrived.size() == 0; i++) {
            Thread.sleep(100);
            arrived = deliver(guestAddress);
        }
        assertEquals(1, arrived.size(), "delivered once the server is back");
        // Sent on a later attempt: the second, or a third when the first try after the restart still met the
        // server coming up (the retry, not the count, is what the guest depends on).
        as(w.staff()).queryParam("status", "SENT").queryParam("size", 100)
                .get("/api/v1/municipalities/" + w.code() + "/mail-deliveries").then().statusCode(200)
                .body("items.recipient", hasItem(MailDeliveryResource.mask(guestAddress)))
                .body("items.find { it.recipient == '" + MailDeliveryResource.mask(guestAddress) + "' }.attempts",
                        greaterThanOrEqualTo(2));
    }

    @Test
    void mailHeldByAKilledInstanceGoesOutAfterItsLease() throws Exception {
        String id = published(w);
        String guestAddress = Api.unique("lease") + "@example.jp";
        anonymous().body(guest("田中 一郎", guestAddress)).post("/api/v1/events/" + id + "/registrations")
                .then().statusCode(201);
        // An instance claims the mail and dies before sending it.
        assertTrue(dispatcher.claim(mailChannel, 500).stream().anyMatch(m -> guestAddress.equals(m.reference())));
        assertEquals(0, deliver(guestAddress).size(), "the lease holds it");
        // The lease: the mail timeout (5 s in tests) plus the margin (1 s).
        Thread.sleep(6_200);
        assertEquals(1, deliver(guestAddress).size());
    }

    @Test
    void theDeliveriesViewIsForTheMunicipalitysStaffOnly() {
        String path = "/api/v1/municipalities/" + w.code() + "/mail-deliveries";
        as(w.staff()).get(path).then().statusCode(200).body("items", org.hamcrest.Matchers.notNullValue());
        as(w.ownerA()).get(path).then().statusCode(403);
        anonymous().get(path).then().statusCode(401);
        World other = ListingFixtures.world();
        as(other.staff()).get(path).then().statusCode(403);
        as(w.staff()).queryParam("status", "LOST").get(path).then().statusCode(400).body("errors.field", hasItem("status"));
    }
}
