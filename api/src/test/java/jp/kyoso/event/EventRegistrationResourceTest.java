package jp.kyoso.event;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.support.Api;
import jp.kyoso.support.AtOnce;
import jp.kyoso.support.ListingFixtures;
import jp.kyoso.support.ListingFixtures.World;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static jp.kyoso.event.EventFixtures.answers;
import static jp.kyoso.event.EventFixtures.guest;
import static jp.kyoso.event.EventFixtures.inHours;
import static jp.kyoso.event.EventFixtures.published;
import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registrations, the waitlist, check-in, the exports and the calendars. */
@QuarkusTest
class EventRegistrationResourceTest {

    static World w;

    @BeforeEach
    void world() {
        if (w == null) {
            w = ListingFixtures.world();
        }
    }

    private static String registrations(String id) {
        return "/api/v1/events/" + id + "/registrations";
    }

    private static Map<String, Object> me() {
        return Map.of("answers", answers());
    }

    @Test
    void aPersonRegistersOnceSeesTheOnlineUrlAndCancels() {
        String id = published(w);
        String person = Api.unique("resident");
        anonymous().get("/api/v1/events/" + id).then().body("onlineUrl", nullValue());
        String rid = as(person).body(Map.of("answers", answers(), "showPublicly", true)).post(registrations(id))
                .then().statusCode(201).body("status", equalTo("REGISTERED")).body("code", notNullValue())
                .body("qrSvg", startsWith("<svg")).body("name", equalTo(Api.nameOf(person)))
                .body("answers[0].choices[0]", equalTo("20代")).extract().path("id");
        as(person).body(me()).post(registrations(id)).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("既に"));
        as(person).get("/api/v1/events/" + id).then().statusCode(200)
                .body("onlineUrl", equalTo("https://meet.example.jp/akasaki"))
                .body("myRegistrationId", equalTo(rid)).body("myRegistrationStatus", equalTo("REGISTERED"));
        anonymous().get("/api/v1/events/" + id).then().body("counts.registered", equalTo(1))
                .body("publicParticipants", hasItem(Api.nameOf(person)));
        as(person).get(registrations(id) + "/" + rid).then().statusCode(200);
        as(w.ownerA()).get(registrations(id) + "/" + rid).then().statusCode(200);
        as(Api.unique("stranger")).get(registrations(id) + "/" + rid).then().statusCode(404);
        anonymous().get(registrations(id) + "/" + rid).then().statusCode(401);
        as(person).queryParam("size", 100).get("/api/v1/me/registrations").then().statusCode(200)
                .body("items.id", hasItem(rid)).body("items.eventTitle", hasItem("赤崎地区 防災ワークショップ"));
        anonymous().get("/api/v1/me/registrations").then().statusCode(401);

        as(Api.unique("stranger")).delete(registrations(id) + "/" + rid).then().statusCode(404);
        as(person).delete(registrations(id) + "/" + rid).then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(person).delete(registrations(id) + "/" + rid).then().statusCode(409);
        as(person).get("/api/v1/events/" + id).then().body("onlineUrl", nullValue())
                .body("counts.registered", equalTo(0));
        // After cancelling, a person may register again.
        as(person).body(me()).post(registrations(id)).then().statusCode(201);
    }

    @Test
    void badAnswersAndGuestsAreRefusedWithTheField() {
        String id = published(w);
        String person = Api.unique("resident");
        as(person).body(Map.of()).post(registrations(id)).then().statusCode(400)
                .body("errors[0].field", equalTo("answers"));
        as(person).body(Map.of("answers", List.of(Map.of("key", "age", "choices", List.of("90代")))))
                .post(registrations(id)).then().statusCode(400).body("errors[0].field", equalTo("answers[0].choices"));
        as(person).body(Map.of("answers", List.of(Map.of("key", "nope", "text", "x")))).post(registrations(id))
                .then().statusCode(400).body("errors[0].field", equalTo("answers[0].key"));
        anonymous().body(guest("山本 さくら", "not-an-email")).post(registrations(id)).then().statusCode(400)
                .body("errors[0].field", containsString("email"));
        anonymous().body(me()).post(registrations(id)).then().statusCode(400).body("errors[0].field", equalTo("guest"));
        as(w.ownerA()).queryParam("size", 100).get(registrations(id)).then().statusCode(200).body("total", equalTo(0));

        String email = Api.unique("sakura") + "@example.jp";
        anonymous().body(guest("山本 さくら", email)).post(registrations(id)).then().statusCode(201)
                .body("guest", equalTo(true)).body("email", equalTo(email)).body("code", notNullValue());
        anonymous().body(guest("山本 さくら", email.toUpperCase())).post(registrations(id)).then().statusCode(409)
                .body("detail", containsString("メールアドレス"));

        String membersOnly = published(w, "guestsAllowed", false);
        anonymous().body(guest("山本 さくら", email)).post(registrations(membersOnly)).then().statusCode(401);
        String notYet = published(w, "registrationOpensAt", inHours(24));
        as(person).body(me()).post(registrations(notYet)).then().statusCode(409).body("detail", containsString("始まって"));
        String closed = published(w, "registrationOpensAt", inHours(-48), "registrationClosesAt", inHours(-24));
        as(person).body(me()).post(registrations(closed)).then().statusCode(409).body("detail", containsString("締め切"));
        String past = published(w, "startsAt", inHours(-5), "endsAt", inHours(-4));
        as(person).body(me()).post(registrations(past)).then().statusCode(409).body("detail", containsString("終了"));
        String draft = EventFixtures.draft(w);
        as(person).body(me()).post(registrations(draft)).then().statusCode(404);
    }

    @Test
    void theWaitlistIsPromotedInArrivalOrderWhenASeatFrees() {
        String id = published(w, "capacity", 3, "heldSeats", 1);
        String first = Api.unique("first");
        String second = Api.unique("second");
        String third = Api.unique("third");
        String fourth = Api.unique("fourth");
        String r1 = as(first).body(me()).post(registrations(id)).then().statusCode(201)
                .body("status", equalTo("REGISTERED")).extract().path("id");
        as(second).body(me()).post(registrations(id)).then().statusCode(201).body("status", equalTo("REGISTERED"));
        String r3 = as(third).body(me()).post(registrations(id)).then().statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1)).extract().path("id");
        as(fourth).body(me()).post(registrations(id)).then().statusCode(201).body("waitlistPosition", equalTo(2));
        anonymous().get("/api/v1/events/" + id).then().body("counts.registered", equalTo(2))
                .body("counts.waitlisted", equalTo(2)).body("counts.seatsLeft", equalTo(0));
        as(w.ownerA()).queryParam("status", "WAITLISTED").get(registrations(id)).then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].id", equalTo(r3));
        as(third).get("/api/v1/events/" + id).then().body("onlineUrl", nullValue());

        as(first).delete(registrations(id) + "/" + r1).then().statusCode(200);
        as(third).get(registrations(id) + "/" + r3).then().statusCode(200)
                .body("status", equalTo("REGISTERED")).body("promotedAt", notNullValue());
        as(third).get("/api/v1/me/notifications").then().body("items.kind", hasItem("EVENT_PROMOTED"));
        as(fourth).get("/api/v1/me/registrations").then().body("items[0].waitlistPosition", equalTo(1));

        // Releasing the held seat promotes the next; a capacity below the seats given is refused.
        String path = "/api/v1/events/" + id;
        Map<String, Object> body = new java.util.HashMap<>(EventFixtures.body(w.orgA(), "capacity", 3, "heldSeats", 0));
        as(w.ownerA()).header("If-Match", Api.etag(w.ownerA(), path)).body(body).put(path).then().statusCode(200)
                .body("counts.registered", equalTo(3)).body("counts.waitlisted", equalTo(0));
        body.put("capacity", 2);
        as(w.ownerA()).header("If-Match", Api.etag(w.ownerA(), path)).body(body).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("capacity"));
    }

    @Test
    void fiftyAtOnceForTenSeatsGetTenSeatsAndFortyOnTheWaitlistInArrivalOrder() throws Exception {
        String id = published(w, "capacity", 10, "questions", List.of());
        List<Callable<Integer>> calls = new ArrayList<>();
        String prefix = Api.unique("rush");
        for (int i = 0; i < 50; i++) {
            String email = prefix + "-" + i + "@example.jp";
            calls.add(() -> anonymous().body(Map.of("guest", Map.of("name", "参加者", "email", email)))
                    .post(registrations(id)).then().extract().statusCode());
        }
        List<Integer> statuses = AtOnce.statuses(calls);
        assertTrue(statuses.stream().allMatch(s -> s == 201), () -> "statuses: " + statuses);
        List<Map<String, Object>> all = new ArrayList<>();
        all.addAll(as(w.ownerA()).queryParam("size", 100).get(registrations(id)).then().statusCode(200)
                .body("total", equalTo(50)).extract().path("items"));
        long registered = all.stream().filter(r -> "REGISTERED".equals(r.get("status"))).count();
        long waitlisted = all.stream().filter(r -> "WAITLISTED".equals(r.get("status"))).count();
        assertEquals(10, registered);
        assertEquals(40, waitlisted);
        // The list is in arrival order: the ten seats went to the first ten, the waitlist follows them in order.
        for (int i = 0; i < 50; i++) {
            assertEquals(i < 10 ? "REGISTERED" : "WAITLISTED", all.get(i).get("status"), "registration " + i);
            if (i >= 10) {
                assertEquals(i - 9, all.get(i).get("waitlistPosition"));
            }
        }
        anonymous().get("/api/v1/events/" + id).then().body("counts.registered", equalTo(10))
                .body("counts.waitlisted", equalTo(40)).body("counts.seatsLeft", equalTo(0));
    }

    @Test
    void organisersCheckPeopleInByCodeOrByHand() {
        String id = published(w, "startsAt", inHours(-1), "endsAt", inHours(2));
        String person = Api.unique("resident");
        String code = as(person).body(me()).post(registrations(id)).then().statusCode(201).extract().path("code");
        String guestId = anonymous().body(guest("田中 健", Api.unique("ken") + "@example.jp")).post(registrations(id))
                .then().statusCode(201).extract().path("id");
        String checkIns = "/api/v1/events/" + id + "/check-ins";
        anonymous().body(Map.of("code", code)).post(checkIns).then().statusCode(401);
        as(person).body(Map.of("code", code)).post(checkIns).then().statusCode(403);
        as(w.ownerA()).body(Map.of("code", "!!")).post(checkIns).then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        as(w.ownerA()).body(Map.of()).post(checkIns).then().statusCode(400);
        as(w.ownerA()).body(Map.of("code", "2222-2222")).post(checkIns).then().statusCode(404);
        // Typed in lower case, full width or without the hyphen, a code still reads.
        as(w.ownerA()).body(Map.of("code", code.toLowerCase().replace("-", " "))).post(checkIns).then().statusCode(200)
                .body("status", equalTo("ATTENDED")).body("checkedInAt", notNullValue());
        as(w.ownerA()).body(Map.of("code", code)).post(checkIns).then().statusCode(409);
        as(w.staff()).body(Map.of("registrationId", guestId)).post(checkIns).then().statusCode(200)
                .body("status", equalTo("ATTENDED"));
        anonymous().get("/api/v1/events/" + id).then().body("counts.attended", equalTo(2));
        as(w.ownerA()).body(Map.of("report", Map.of("walkIns", 1))).post("/api/v1/events/" + id + "/closure")
                .then().statusCode(200).body("report.attendeeCount", equalTo(2)).body("report.totalParticipants", equalTo(3));
    }

    @Test
    void theRegistrationListIsACsvForExcelForOrganisersOnly() {
        String id = published(w);
        String person = Api.unique("resident");
        as(person).body(me()).post(registrations(id)).then().statusCode(201);
        anonymous().accept("text/csv").get("/api/v1/events/" + id + "/registrations.csv").then().statusCode(401);
        as(person).accept("text/csv").get("/api/v1/events/" + id + "/registrations.csv").then().statusCode(403);
        as(person).get(registrations(id)).then().statusCode(403);
        byte[] csv = as(w.ownerA()).accept("text/csv").get("/api/v1/events/" + id + "/registrations.csv").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0]);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n"));
        List<Csv.Record> rows = Csv.parse(Csv.decode(csv));
        assertEquals("番号", rows.get(0).cell(0));
        assertEquals("年代", rows.get(0).cells().get(rows.get(0).cells().size() - 1));
        assertEquals(Api.nameOf(person), rows.get(1).cell(3));
        assertEquals("20代", rows.get(1).cells().get(rows.get(1).cells().size() - 1));
    }

    @Test
    void anEventAndTheFeedAreValidICalendar() throws Exception {
        String id = published(w, "title", "防災, ワークショップ; 第1回");
        String ics = anonymous().accept("text/calendar").get("/api/v1/events/" + id + ".ics").then().statusCode(200)
                .contentType(containsString("text/calendar")).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate() + "\n" + ics);
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertEquals(EventCalendar.uid(java.util.UUID.fromString(id)), event.<Property>getProperty("UID").orElseThrow().getValue());
        assertEquals("防災, ワークショップ; 第1回", event.<Property>getProperty("SUMMARY").orElseThrow().getValue());
        assertFalse(ics.contains("meet.example.jp"), "the online URL is for registrants only");

        as(w.ownerA()).body(Map.of("reason", "台風")).post("/api/v1/events/" + id + "/cancellation").then().statusCode(200);
        String feed = anonymous().accept("text/calendar").get("/api/v1/municipalities/" + w.code() + "/events.ics")
                .then().statusCode(200).extract().asString();
        Calendar parsed = new CalendarBuilder().build(new StringReader(feed));
        assertFalse(parsed.validate().hasErrors(), () -> parsed.validate() + "\n" + feed);
        VEvent cancelled = parsed.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.<Property>getProperty("UID").orElseThrow().getValue().startsWith(id)).findFirst().orElseThrow();
        assertEquals("CANCELLED", cancelled.<Property>getProperty("STATUS").orElseThrow().getValue());
        String draft = EventFixtures.draft(w);
        anonymous().accept("text/calendar").get("/api/v1/events/" + draft + ".ics").then().statusCode(404);
        assertFalse(feed.contains(draft));
    }

    @Test
    void theOpenDataHasExactlyTheDatasetsColumns() {
        String id = published(w, "title", "オープンデータの回");
        String draft = EventFixtures.draft(w, "title", "下書きの回");
        byte[] csv = anonymous().accept("text/csv").get("/api/v1/municipalities/" + w.code() + "/events.csv").then()
                .statusCode(200).extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0]);
        List<Csv.Record> rows = Csv.parse(Csv.decode(csv));
        assertEquals(List.of("都道府県コード又は市区町村コード", "NO", "都道府県名", "市区町村名", "イベント名", "イベント名_カナ",
                "イベント名_英語", "開始日", "終了日", "開始時間", "終了時間", "開始日時特記事項", "説明", "料金(基本)", "料金(詳細)",
                "連絡先名称", "連絡先電話番号", "連絡先内線番号", "主催者", "場所名称", "住所", "方書", "緯度", "経度",
                "アクセス方法", "駐車場情報", "定員", "参加申込終了日", "参加申込終了時間", "参加申込方法", "URL", "備考"),
                rows.get(0).cells());
        List<String> row = rows.stream().filter(r -> r.cell(4).equals("オープンデータの回")).findFirst().orElseThrow().cells();
        assertEquals(w.code(), row.get(0));
        assertTrue(rows.stream().noneMatch(r -> r.cell(4).equals("下書きの回")), draft);
        assertFalse(new String(csv, StandardCharsets.UTF_8).contains("meet.example.jp"));
        assertTrue(row.get(7).matches("\\d{4}-\\d{2}-\\d{2}"));
        assertTrue(row.get(9).matches("\\d{2}:\\d{2}"));
        assertEquals(id.isEmpty(), false);
        rows.sort(Comparator.comparing(r -> r.number()));
    }
}
