package jp.kyoso.event;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.util.CompatibilityHints;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calendars are read back by ical4j, strictly (no relaxed parsing, unfolding or validation). */
class EventCalendarTest {

    private static final Instant NOW = Instant.parse("2026-12-01T03:04:05.678Z");
    private static final UUID ID = UUID.fromString("0b9c2f5e-3a61-4c1e-9a55-6f0d2e8b7c41");
    private static final EventCalendar.Organizer CITY = new EventCalendar.Organizer("山陽小野田市, 市民活動推進課",
            "https://kyoso.example/municipalities/352161");

    @BeforeAll
    static void strict() {
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_NOTES_COMPATIBILITY, false);
    }

    private static EventCalendar.Entry workshop() {
        return new EventCalendar.Entry(ID, 3, "赤崎地区ワークショップ（第1回）", "地域の課題を話し合います。",
                "赤崎公民館 山口県山陽小野田市大字小野田1234", "https://kyoso.example/events/" + ID,
                OffsetDateTime.parse("2027-01-23T13:30:00+09:00").toInstant(),
                OffsetDateTime.parse("2027-01-23T16:00:00+09:00").toInstant(),
                false, false, Instant.parse("2026-11-20T01:02:03Z"), CITY);
    }

    private static Calendar parse(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        ValidationResult result = calendar.validate();
        assertFalse(result.hasErrors(), () -> "ical4j validation: " + result + "\n" + ics);
        return calendar;
    }

    private static VEvent only(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static String value(VEvent event, String property) {
        return event.<Property>getProperty(property).orElseThrow(() -> new AssertionError("no " + property))
                .getValue();
    }

    @Test
    void aTimedEventParsesStrictlyAndRoundTrips() throws Exception {
        String ics = EventCalendar.event(workshop(), NOW);
        Calendar calendar = parse(ics);

        assertEquals(EventCalendar.PRODID, calendar.<Property>getProperty("PRODID").orElseThrow().getValue());
        assertEquals("2.0", calendar.<Property>getProperty("VERSION").orElseThrow().getValue());
        assertEquals("PUBLISH", calendar.<Property>getProperty("METHOD").orElseThrow().getValue());
        assertEquals("GREGORIAN", calendar.<Property>getProperty("CALSCALE").orElseThrow().getValue());
        assertTrue(calendar.<Property>getProperty("X-WR-CALNAME").isEmpty(), "a single event is not a feed");

        VTimeZone zone = calendar.<VTimeZone>getComponent("VTIMEZONE").orElseThrow();
        assertEquals("Asia/Tokyo", zone.<Property>getProperty("TZID").orElseThrow().getValue());

        VEvent event = only(calendar);
        assertEquals(ID + "@kyoso", value(event, "UID"));
        assertEquals("20261201T030405Z", value(event, "DTSTAMP"));
        assertEquals("赤崎地区ワークショップ（第1回）", value(event, "SUMMARY"));
        assertEquals("赤崎公民館 山口県山陽小野田市大字小野田1234", value(event, "LOCATION"));
        assertEquals("地域の課題を話し合います。", value(event, "DESCRIPTION"));
        assertEquals("https://kyoso.example/events/" + ID, value(event, "URL"));
        assertEquals("CONFIRMED", value(event, "STATUS"));
        assertEquals("3", value(event, "SEQUENCE"));
        assertEquals("20261120T010203Z", value(event, "LAST-MODIFIED"));
        Property organizer = event.<Property>getProperty("ORGANIZER").orElseThrow();
        assertEquals("https://kyoso.example/municipalities/352161", organizer.getValue());
        assertEquals("山陽小野田市, 市民活動推進課", organizer.<Parameter>getParameter("CN").orElseThrow().getValue());

        DtStart<Temporal> start = event.getStartDate().orElseThrow();
        assertEquals("Asia/Tokyo", start.<Parameter>getParameter("TZID").orElseThrow().getValue());
        assertEquals("20270123T133000", start.getValue());
        assertEquals(workshop().startsAt(), ((ZonedDateTime) start.getDate()).toInstant());
        DtEnd<Temporal> end = event.getEndDate().orElseThrow();
        assertEquals("Asia/Tokyo", end.<Parameter>getParameter("TZID").orElseThrow().getValue());
        assertEquals(workshop().endsAt(), ((ZonedDateTime) end.getDate()).toInstant());
    }

    @Test
    void linesEndInCrlfAndAreFoldedAt75OctetsWithoutSplittingACharacter() throws Exception {
        String title = "協創のまちづくり".repeat(25);
        assertEquals(200, title.length());
        EventCalendar.Entry entry = new EventCalendar.Entry(ID, 0, title, "説明🎌".repeat(40), null, null,
                workshop().startsAt(), workshop().endsAt(), false, false, null, CITY);
        String ics = EventCalendar.event(entry, NOW);

        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertFalse(ics.replace("\r\n", "").contains("\n"), "a bare LF");
        assertFalse(ics.replace("\r\n", "").contains("\r"), "a bare CR");

        byte[] bytes = ics.getBytes(StandardCharsets.UTF_8);
        int lineStart = 0;
        int summaryLines = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                byte[] line = Arrays.copyOfRange(bytes, lineStart, i);
                assertTrue(line.length <= 75, "a line of " + line.length + " octets");
                strictUtf8(line); // no character split across lines
                String text = new String(line, StandardCharsets.UTF_8);
                if (text.startsWith("SUMMARY:") || (summaryLines > 0 && text.startsWith(" "))) {
                    summaryLines++;
                } else if (summaryLines > 0) {
                    break;
                }
                lineStart = i + 2;
                i++;
            }
        }
        // 200 three-octet characters cannot fit on fewer than 9 lines of at most 75 octets.
        assertTrue(summaryLines >= 9, "SUMMARY over " + summaryLines + " lines");

        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("\r\nSUMMARY:" + title + "\r\n"), "unfolds to the original");
        VEvent event = only(parse(ics));
        assertEquals(title, value(event, "SUMMARY"));
        assertEquals("説明🎌".repeat(40), value(event, "DESCRIPTION"));
    }

    @Test
    void textIsEscapedAndRoundTrips() throws Exception {
        String title = "防災; 訓練, \\ 第2回";
        String description = "持ち物：筆記用具、上履き\n雨天決行; 駐車場あり\r\n問合せ\\受付\r以上";
        EventCalendar.Entry entry = new EventCalendar.Entry(ID, 1, title, description,
                "赤崎公民館, 2階; 和室", null, workshop().startsAt(), null, false, false, null, CITY);
        String ics = EventCalendar.event(entry, NOW);
        assertTrue(ics.contains("SUMMARY:防災\\; 訓練\\, \\\\ 第2回\r\n"), ics);
        assertTrue(ics.replace("\r\n ", "").contains(
                "DESCRIPTION:持ち物：筆記用具、上履き\\n雨天決行\\; 駐車場あり\\n問合せ\\\\受付\\n以上\r\n"), ics);

        VEvent event = only(parse(ics));
        assertEquals(title, value(event, "SUMMARY"));
        assertEquals("持ち物：筆記用具、上履き\n雨天決行; 駐車場あり\n問合せ\\受付\n以上", value(event, "DESCRIPTION"));
        assertEquals("赤崎公民館, 2階; 和室", value(event, "LOCATION"));
        assertTrue(event.<Property>getProperty("DTEND").isEmpty(), "no end, no DTEND");
        assertFalse(ics.contains("DTEND"), ics);
    }

    @Test
    void controlCharactersCannotInjectProperties() throws Exception {
        EventCalendar.Entry entry = new EventCalendar.Entry(ID, 1, "題\u0007名\uD800", null, null,
                "https://kyoso.example/e\r\nATTACH:https://evil.example/x", workshop().startsAt(), null, false,
                false, null, new EventCalendar.Organizer("市民\"活動\"^課\n", "https://kyoso.example/o"));
        String ics = EventCalendar.event(entry, NOW);
        VEvent event = only(parse(ics));
        assertEquals("題名", value(event, "SUMMARY"));
        assertTrue(event.<Property>getProperty("ATTACH").isEmpty());
        assertEquals("https://kyoso.example/eATTACH:https://evil.example/x", value(event, "URL"));
        assertTrue(ics.contains("ORGANIZER;CN=\"市民^'活動^'^^課^n\":https://kyoso.example/o\r\n"), ics);
    }

    @Test
    void aCancelledEventSaysSo() throws Exception {
        EventCalendar.Entry w = workshop();
        EventCalendar.Entry cancelled = new EventCalendar.Entry(w.id(), 4, w.title(), w.description(), w.location(),
                w.url(), w.startsAt(), w.endsAt(), false, true, w.updatedAt(), w.organizer());
        VEvent event = only(parse(EventCalendar.event(cancelled, NOW)));
        assertEquals("CANCELLED", value(event, "STATUS"));
        assertEquals("4", value(event, "SEQUENCE"));
        assertEquals(w.id() + "@kyoso", value(event, "UID"), "the same UID, so calendars update the event");
    }

    @Test
    void anAllDayEventUsesDatesWithAnExclusiveEnd() throws Exception {
        // 10:00 on the 6th to 23:59 on the 7th in Japan: two whole days.
        EventCalendar.Entry twoDays = new EventCalendar.Entry(ID, 0, "渡利地区 夏まつり", null, null, null,
                OffsetDateTime.parse("2027-08-06T00:00:00+09:00").toInstant(),
                OffsetDateTime.parse("2027-08-07T23:59:00+09:00").toInstant(), true, false, null, CITY);
        String ics = EventCalendar.event(twoDays, NOW);
        assertTrue(ics.contains("\r\nDTSTART;VALUE=DATE:20270806\r\nDTEND;VALUE=DATE:20270808\r\n"), ics);
        VEvent event = only(parse(ics));
        DtStart<Temporal> start = event.getStartDate().orElseThrow();
        assertEquals("DATE", start.<Parameter>getParameter("VALUE").orElseThrow().getValue());
        assertEquals(LocalDate.of(2027, 8, 6), start.getDate());
        assertEquals(LocalDate.of(2027, 8, 8), event.getEndDate().orElseThrow().getDate());

        // An end at midnight is already exclusive; no end means one day.
        assertEquals(LocalDate.of(2027, 8, 7), EventCalendar.lastDay(twoDays.startsAt(),
                OffsetDateTime.parse("2027-08-08T00:00:00+09:00").toInstant()));
        EventCalendar.Entry oneDay = new EventCalendar.Entry(ID, 0, "清掃活動", null, null, null,
                OffsetDateTime.parse("2027-03-14T00:00:00+09:00").toInstant(), null, true, false, null, CITY);
        String one = EventCalendar.event(oneDay, NOW);
        assertTrue(one.contains("\r\nDTSTART;VALUE=DATE:20270314\r\nDTEND;VALUE=DATE:20270315\r\n"), one);
        parse(one);
    }

    @Test
    void aFeedHasItsNameAndEveryEvent() throws Exception {
        EventCalendar.Entry w = workshop();
        EventCalendar.Entry other = new EventCalendar.Entry(UUID.randomUUID(), 0, "PPP実践セミナー", null, null, null,
                OffsetDateTime.parse("2027-02-20T13:30:00+09:00").toInstant(),
                OffsetDateTime.parse("2027-02-20T16:30:00+09:00").toInstant(), false, false, null, CITY);
        Calendar calendar = parse(EventCalendar.feed("山陽小野田市のイベント, 講座", List.of(w, other), NOW));
        assertEquals("山陽小野田市のイベント, 講座",
                calendar.<Property>getProperty("X-WR-CALNAME").orElseThrow().getValue());
        assertEquals(2, calendar.getComponents("VEVENT").size());

        // An empty feed is still a valid calendar (its VTIMEZONE is the one component).
        Calendar empty = parse(EventCalendar.feed("多摩市のイベント", List.of(), NOW));
        assertEquals(0, empty.getComponents("VEVENT").size());
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        EventCalendar.Entry w = workshop();
        assertThrows(IllegalArgumentException.class, () -> new EventCalendar.Entry(w.id(), 0, w.title(), null, null,
                null, w.endsAt(), w.startsAt(), false, false, null, CITY));
    }

    private static void strictUtf8(byte[] line) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line));
        } catch (CharacterCodingException e) {
            throw new AssertionError("a line that is not valid UTF-8 on its own: a character was split", e);
        }
    }
}
