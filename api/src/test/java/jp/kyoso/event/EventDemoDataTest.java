package jp.kyoso.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.theme.Theme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * demo/events.json is data for a loader that comes later, so this checks it on its own: every
 * reference resolves in the other demo files and the realm export, within the event's
 * municipality; the events tell a consistent story (closed ones in the past with reports,
 * future ones open, one full with a waitlist, history over several fiscal years).
 */
class EventDemoDataTest {

    /** When the data was written: registrations and cancellations are not later than this. */
    private static final OffsetDateTime WRITTEN = OffsetDateTime.parse("2026-11-30T21:00:00+09:00");
    private static final OffsetDateTime FUTURE = OffsetDateTime.parse("2027-01-01T00:00:00+09:00");
    private static final ZoneOffset JST = ZoneOffset.ofHours(9);
    private static final Set<String> KINDS = Set.of("FORUM", "SEMINAR", "WORKSHOP", "AREA_MEETING", "DIALOGUE",
            "VOLUNTEER", "EXCHANGE", "OTHER");
    private static final Set<String> MODES = Set.of("IN_PERSON", "ONLINE", "HYBRID");
    private static final Set<String> QUESTION_KINDS = Set.of("TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "CHECKBOX");

    private static JsonNode events;
    private static final Map<String, Set<String>> areas = new HashMap<>();
    private static final Map<String, Set<String>> organizations = new HashMap<>();
    private static final Map<String, Set<String>> projects = new HashMap<>();
    private static final Map<String, Set<String>> listings = new HashMap<>();
    private static final Map<String, Set<String>> planItems = new HashMap<>();
    private static final Set<String> usernames = new HashSet<>();

    @BeforeAll
    static void load() throws IOException {
        events = read("/demo/events.json");
        for (JsonNode m : read("/demo/demo-data.json").get("municipalities")) {
            String code = m.get("code").asText();
            m.get("areas").forEach(a -> add(areas, code, a.get("id").asText()));
            m.get("organizations").forEach(o -> add(organizations, code, o.get("id").asText()));
        }
        JsonNode coCreation = read("/demo/co-creation.json");
        coCreation.get("organizations").forEach(o -> add(organizations, o.get("municipalityCode").asText(),
                o.get("id").asText()));
        coCreation.get("projects").forEach(p -> add(projects, p.get("municipalityCode").asText(), p.get("id").asText()));
        coCreation.get("listings").forEach(l -> add(listings, l.get("municipalityCode").asText(), l.get("id").asText()));
        for (JsonNode plan : read("/demo/plans.json").get("plans")) {
            collectItems(plan.get("municipalityCode").asText(), plan.get("items"));
        }
        read("/keycloak/kyoso-realm.json").get("users").forEach(u -> usernames.add(u.get("username").asText()));
    }

    @Test
    void everyReferenceResolvesWithinItsMunicipality() {
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode e : events.get("events")) {
            String where = e.get("key").asText();
            String code = e.get("municipalityCode").asText();
            assertTrue(areas.containsKey(code), where + ": municipality " + code);
            assertTrue(ids.add(e.get("id").asText()), where + ": id twice");
            assertTrue(keys.add(where), where + ": key twice");
            assertTrue(KINDS.contains(e.get("kind").asText()), where);
            assertTrue(MODES.contains(e.get("mode").asText()), where);
            e.get("themes").forEach(t -> Theme.valueOf(t.asText()));
            assertFalse(e.get("themes").isEmpty(), where + ": themes");
            e.get("areaIds").forEach(a -> assertIn(areas, code, a, where + ": area"));
            if (!e.get("organizationId").isNull()) {
                assertIn(organizations, code, e.get("organizationId"), where + ": organiser");
            }
            e.get("coOrganizerIds").forEach(o -> assertIn(organizations, code, o, where + ": co-organiser"));
            e.get("projectIds").forEach(p -> assertIn(projects, code, p, where + ": project"));
            e.get("planItemIds").forEach(p -> assertIn(planItems, code, p, where + ": plan item"));
            JsonNode report = e.get("report");
            if (!report.isNull()) {
                report.get("organizationIds").forEach(o -> assertIn(organizations, code, o, where + ": report"));
                report.get("followUpListingIds").forEach(l -> assertIn(listings, code, l, where + ": follow-up"));
                report.get("followUpProjectIds").forEach(p -> assertIn(projects, code, p, where + ": follow-up"));
                username(report.get("closedBy"), where);
            }
            username(e.get("createdBy"), where);
            for (JsonNode r : e.get("registrations")) {
                if (r.has("username")) {
                    assertTrue(usernames.contains(r.get("username").asText()), where + ": " + r.get("username"));
                } else {
                    assertFalse(r.get("guest").get("name").asText().isBlank(), where);
                    assertTrue(r.get("guest").get("email").asText().matches("[a-z.]+@example\\.jp"), where);
                }
            }
        }
        events.get("users").forEach(u -> assertTrue(usernames.contains(u.get("username").asText())));
    }

    @Test
    void timesAreJapanTimeAndInOrder() {
        for (JsonNode e : events.get("events")) {
            String where = e.get("key").asText();
            OffsetDateTime starts = time(e, "startsAt");
            OffsetDateTime ends = time(e, "endsAt");
            OffsetDateTime opens = time(e, "registrationOpensAt");
            OffsetDateTime closes = time(e, "registrationClosesAt");
            assertTrue(ends.isAfter(starts), where);
            assertTrue(opens.isBefore(closes) && !closes.isAfter(starts), where + ": registration window");
            String mode = e.get("mode").asText();
            assertEquals(!mode.equals("ONLINE"), !e.get("venue").isNull(), where + ": venue");
            assertEquals(!mode.equals("IN_PERSON"), !e.get("onlineUrl").isNull(), where + ": online URL");
            if (!e.get("venue").isNull()) {
                double lat = e.get("venue").get("latitude").asDouble();
                double lng = e.get("venue").get("longitude").asDouble();
                assertTrue(lat > 24 && lat < 46 && lng > 122 && lng < 154, where + ": a place in Japan");
            }
            JsonNode fee = e.get("fee");
            assertTrue(fee.get("free").asBoolean() ? fee.get("amountYen").isNull()
                    : fee.get("amountYen").asInt() > 0, where + ": fee");
        }
    }

    @Test
    void statusesTellAConsistentStory() {
        int full = 0;
        int endedButOpen = 0;
        for (JsonNode e : events.get("events")) {
            String where = e.get("key").asText();
            String status = e.get("status").asText();
            OffsetDateTime starts = time(e, "startsAt");
            OffsetDateTime ends = time(e, "endsAt");
            List<String> statuses = new ArrayList<>();
            e.get("registrations").forEach(r -> statuses.add(r.get("status").asText()));
            switch (status) {
                case "CLOSED" -> {
                    assertTrue(ends.isBefore(WRITTEN), where + ": closed before it ended");
                    JsonNode report = e.get("report");
                    assertFalse(report.isNull(), where + ": a closed event has a report");
                    long attended = statuses.stream().filter("ATTENDED"::equals).count();
                    assertTrue(report.get("attendeeCount").asInt() >= attended, where + ": attendee count");
                    assertTrue(report.get("walkIns").asInt() >= 0, where);
                    assertFalse(report.get("summary").asText().isBlank(), where);
                    assertTrue(time(report, "closedAt").isAfter(ends), where);
                    assertFalse(statuses.contains("WAITLISTED"), where);
                }
                case "CANCELLED" -> {
                    assertFalse(e.get("cancellation").get("reason").asText().isBlank(), where);
                    assertTrue(e.get("report").isNull(), where);
                    assertTrue(statuses.stream().allMatch("CANCELLED"::equals), where);
                }
                case "PUBLISHED" -> {
                    if (ends.isBefore(WRITTEN)) {
                        endedButOpen++;
                    } else {
                        assertTrue(starts.isAfter(FUTURE), where + ": future events are after 2027-01-01");
                        assertTrue(time(e, "registrationOpensAt").isBefore(WRITTEN)
                                && time(e, "registrationClosesAt").isAfter(WRITTEN), where + ": open for registration");
                        assertFalse(statuses.contains("ATTENDED"), where);
                    }
                    assertTrue(e.get("report").isNull(), where);
                }
                case "DRAFT" -> assertTrue(statuses.isEmpty(), where + ": nobody registers for a draft");
                default -> throw new AssertionError(where + ": status " + status);
            }
            if (!e.get("capacity").isNull()) {
                int seats = e.get("capacity").asInt() - e.get("heldSeats").asInt();
                long taken = statuses.stream().filter(s -> s.equals("REGISTERED") || s.equals("ATTENDED")).count();
                assertTrue(taken <= seats, where + ": " + taken + " registered for " + seats + " seats");
                if (statuses.contains("WAITLISTED")) {
                    assertEquals(seats, taken, where + ": a waitlist only when full");
                    full++;
                }
            } else {
                assertFalse(statuses.contains("WAITLISTED"), where);
            }
        }
        assertTrue(full >= 1, "one event is full with a waitlist");
        assertTrue(endedButOpen >= 1, "one event ended and is not yet closed");
    }

    @Test
    void registrationsAreInArrivalOrderOncePerPersonWithValidAnswers() {
        for (JsonNode e : events.get("events")) {
            String where = e.get("key").asText();
            Map<String, JsonNode> questions = new HashMap<>();
            for (JsonNode q : e.get("questions")) {
                assertTrue(QUESTION_KINDS.contains(q.get("kind").asText()), where);
                assertTrue(q.get("kind").asText().endsWith("CHOICE") == !q.get("options").isEmpty(), where);
                assertEquals(null, questions.put(q.get("key").asText(), q), where + ": question key twice");
            }
            Set<String> people = new HashSet<>();
            OffsetDateTime previous = null;
            boolean waitlistStarted = false;
            for (JsonNode r : e.get("registrations")) {
                String who = r.has("username") ? r.get("username").asText() : r.get("guest").get("email").asText();
                assertTrue(people.add(who), where + ": " + who + " twice");
                OffsetDateTime at = time(r, "registeredAt");
                assertTrue(previous == null || at.isAfter(previous), where + ": arrival order");
                assertFalse(at.isBefore(time(e, "registrationOpensAt")) || at.isAfter(WRITTEN), where + ": " + at);
                previous = at;
                String status = r.get("status").asText();
                if (status.equals("WAITLISTED")) {
                    waitlistStarted = true;
                } else if (waitlistStarted && status.equals("REGISTERED")) {
                    throw new AssertionError(where + ": registered after the waitlist began");
                }
                if (status.equals("CANCELLED")) {
                    assertTrue(time(r, "cancelledAt").isAfter(at) && !time(r, "cancelledAt").isAfter(WRITTEN), where);
                }
                JsonNode answers = r.path("answers");
                answers.fieldNames().forEachRemaining(k -> {
                    JsonNode q = questions.get(k);
                    assertNotNull(q, where + ": an answer to no question: " + k);
                    JsonNode a = answers.get(k);
                    switch (q.get("kind").asText()) {
                        case "TEXT" -> assertTrue(a.isTextual(), where + ": " + k);
                        case "CHECKBOX" -> assertTrue(a.isBoolean(), where + ": " + k);
                        case "SINGLE_CHOICE" -> assertTrue(options(q).contains(a.asText()), where + ": " + k);
                        default -> a.forEach(x -> assertTrue(options(q).contains(x.asText()), where + ": " + k));
                    }
                });
                questions.values().stream().filter(q -> q.get("required").asBoolean())
                        .forEach(q -> assertTrue(answers.has(q.get("key").asText()), where + ": required "
                                + q.get("key")));
            }
        }
    }

    @Test
    void thereIsHistoryOverSeveralFiscalYearsInEveryMunicipality() {
        Map<String, Set<Integer>> heldYears = new TreeMap<>();
        Map<Integer, Integer> sanyoWorkshops = new TreeMap<>();
        Map<String, Integer> future = new TreeMap<>();
        for (JsonNode e : events.get("events")) {
            String code = e.get("municipalityCode").asText();
            int fy = FiscalYear.of(LocalDate.ofInstant(time(e, "startsAt").toInstant(), FiscalYear.JAPAN));
            if (e.get("status").asText().equals("CLOSED")) {
                heldYears.computeIfAbsent(code, c -> new TreeSet<>()).add(fy);
                if (code.equals("352161") && e.get("kind").asText().equals("WORKSHOP")) {
                    sanyoWorkshops.merge(fy, 1, Integer::sum);
                }
            }
            if (e.get("status").asText().equals("PUBLISHED") && time(e, "startsAt").isAfter(FUTURE)) {
                future.merge(code, 1, Integer::sum);
            }
        }
        assertEquals(areas.keySet(), heldYears.keySet(), "every demo municipality has events");
        heldYears.forEach((code, years) -> assertTrue(years.size() >= 3, code + " held events in " + years));
        assertEquals(Set.of(2023, 2024, 2025, 2026), sanyoWorkshops.keySet(), "WORKSHOPs held per fiscal year");
        assertEquals(areas.keySet(), future.keySet(), "every municipality has an event open for registration");
    }

    @Test
    void eventFedIndicatorsNameWhatTheyCount() {
        for (JsonNode i : events.get("indicators")) {
            assertTrue(areas.containsKey(i.get("municipalityCode").asText()));
            JsonNode computed = i.get("computed");
            assertEquals("EVENTS", computed.get("from").asText());
            assertTrue(Set.of("EVENTS_HELD", "ATTENDEES").contains(computed.get("measure").asText()));
            computed.get("kinds").forEach(k -> assertTrue(KINDS.contains(k.asText())));
            i.get("values").forEach(v -> assertFalse(v.has("actual"), "actuals are derived, not typed"));
        }
    }

    private static OffsetDateTime time(JsonNode node, String field) {
        OffsetDateTime t = OffsetDateTime.parse(node.get(field).asText());
        assertEquals(JST, t.getOffset(), field + " in Japan time");
        return t;
    }

    private static Set<String> options(JsonNode question) {
        Set<String> options = new HashSet<>();
        question.get("options").forEach(o -> options.add(o.asText()));
        return options;
    }

    private static void username(JsonNode node, String where) {
        if (node != null && !node.isNull()) {
            assertTrue(usernames.contains(node.asText()), where + ": " + node);
        }
    }

    private static void assertIn(Map<String, Set<String>> known, String code, JsonNode id, String what) {
        assertTrue(known.getOrDefault(code, Set.of()).contains(id.asText()), what + " " + id + " in " + code);
    }

    private static void add(Map<String, Set<String>> map, String code, String id) {
        map.computeIfAbsent(code, c -> new HashSet<>()).add(id);
    }

    private static void collectItems(String code, JsonNode items) {
        if (items == null) {
            return;
        }
        for (JsonNode item : items) {
            add(planItems, code, item.get("id").asText());
            collectItems(code, item.get("children"));
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = EventDemoDataTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new ObjectMapper().readTree(in);
        }
    }
}
