package jp.kyoso.event;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The funnel and the event-fed indicators on the demo data (demo/events.json), as
 * docs/participation.md reports them: the figures of fiscal years that have ended are fixed by the
 * data; the running year's grow as its events take place. The figures are those after the guests'
 * personal data has been erased (the hourly job; at once in tests, whose retention is 0 days): an
 * erased guest counts once per event, since nothing is left to tell that two were the same person.
 */
@QuarkusTest
class ParticipationDemoTest {

    private static final List<String> DEMO = List.of("352161", "132241", "072010", "352039");

    /**
     * Ended fiscal years: events held, registrations, attendees, first-time, repeat, walk-ins,
     * headcount (steppedUp is left out: the demo's memberships and listings are stamped when loaded).
     */
    private static final Map<String, List<Integer>> ENDED = Map.ofEntries(
            Map.entry("352161 2023", List.of(4, 23, 14, 14, 0, 16, 213)),
            Map.entry("352161 2024", List.of(4, 23, 17, 12, 5, 22, 323)),
            Map.entry("352161 2025", List.of(5, 24, 17, 12, 5, 16, 186)),
            Map.entry("132241 2023", List.of(2, 10, 8, 8, 0, 5, 54)),
            Map.entry("132241 2024", List.of(2, 10, 9, 8, 1, 9, 72)),
            Map.entry("132241 2025", List.of(3, 13, 10, 9, 1, 7, 75)),
            Map.entry("072010 2024", List.of(1, 5, 5, 5, 0, 21, 59)),
            Map.entry("072010 2025", List.of(3, 15, 12, 11, 1, 424, 479)),
            Map.entry("352039 2024", List.of(2, 11, 8, 8, 0, 1, 66)),
            Map.entry("352039 2025", List.of(2, 9, 8, 5, 3, 5, 64)));

    @Inject
    EventPrivacy privacy;

    @Test
    void theDemoFunnel() {
        privacy.eraseDueGuestData();
        StringBuilder report = new StringBuilder();
        Map<String, List<Object>> actual = new java.util.TreeMap<>();
        for (String code : DEMO) {
            JsonPath p = anonymous().get("/api/v1/municipalities/" + code + "/participation").then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> years = p.getList("years");
            assertTrue(years.size() >= 3, code + " has history over several fiscal years");
            for (Map<String, Object> y : years) {
                @SuppressWarnings("unchecked")
                Map<String, Object> t = (Map<String, Object>) y.get("total");
                actual.put(code + " " + y.get("fiscalYear"), List.of(t.get("eventsHeld"), t.get("registrations"),
                        t.get("attendees"), t.get("firstTimeAttendees"), t.get("repeatAttendees"), t.get("walkIns"),
                        t.get("headcount")));
                report.append(code).append(' ').append(y.get("fiscalYear")).append(' ').append(y.get("total")).append('\n');
            }
            for (Map<String, Object> indicator : anonymous().get("/api/v1/municipalities/" + code + "/indicators?size=50")
                    .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
                if ("PLATFORM".equals(indicator.get("source"))) {
                    report.append(code).append(" indicator ").append(indicator.get("name")).append(" actuals ")
                            .append(indicator.get("actuals")).append(" computed ").append(indicator.get("computed"))
                            .append(" status ").append(indicator.get("status")).append(" targets ")
                            .append(indicator.get("targets")).append('\n');
                }
            }
        }
        System.out.println("PARTICIPATION DEMO\n" + actual + "\n" + report);
        ENDED.forEach((year, expected) -> assertEquals(expected, actual.get(year), year));
        // The event-fed indicators, judged on ended years: workshops 2 → 2 → 4 (target 5 in FY2026).
        JsonPath sanyo = anonymous().get("/api/v1/indicators/000cf1c1-ca96-5df2-aef5-51bbea9ff91a").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(2, 2, 4), sanyo.getList("actuals.value"));
        assertEquals(2, sanyo.getInt("baseline.value"));
        assertEquals("ON_TRACK", sanyo.getString("status"));
        JsonPath tama = anonymous().get("/api/v1/indicators/dd9f891b-82fe-5535-9748-5427e5ee2c16").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(54, 72, 75), tama.getList("actuals.value"));
        assertEquals("BEHIND", tama.getString("status"));
    }
}
