package jp.kyoso.event;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.support.Api;
import jp.kyoso.support.Fixtures;
import jp.kyoso.support.ListingFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The participation funnel on a municipality built through the API: people register, are checked
 * in, a report adds walk-ins, then some step up (join an organisation, post a need, become a member
 * of a project partner). Events are made for next week and registered for as anyone would; only
 * their start is then moved into the past with one UPDATE, since nobody can register for an event
 * that is over. The expected figures are worked out by hand in the comments.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipationResourceTest {

    private static final ZoneOffset JST = ZoneOffset.ofHours(9);
    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource db;

    String code;
    String other;
    String staff;
    String otherStaff;
    String areaA;
    String areaB;
    String otherArea;
    int fy;
    int earlierFy;

    /*
     * People: u1 attends E1 and E2, later joins organisation O; u2 (owner of P since before) attended
     * E0 a year earlier and E1, later posts a need for P; u3 registers for E1 and does not come, later
     * joins O (not an attendee: no step-up); u5 (owner of Q since before) attends E2, later Q accepts
     * a partnership in P's project; u6 attends E1 and later founds an organisation in another
     * municipality (not counted); a guest attends E1. u4 registered for a cancelled event, u7
     * cancelled their registration for E1.
     */
    boolean built;

    /** Built by the first test (RestAssured knows the app's port only once a test runs). */
    void world() throws SQLException {
        if (!built) {
            build();
            built = true;
        }
    }

    void build() throws SQLException {
        code = Fixtures.municipality();
        other = Fixtures.municipality();
        staff = Api.unique("p-staff");
        otherStaff = Api.unique("p-staff-other");
        Fixtures.staff(code, staff, "MANAGER");
        Fixtures.staff(other, otherStaff, "MANAGER");
        areaA = area(code, staff, "A地区", 2000);
        areaB = area(code, staff, "B地区", null);
        otherArea = area(other, otherStaff, "他市の地区", 500);
        String u1 = Api.unique("p-u1");
        String u2 = Api.unique("p-u2");
        String u3 = Api.unique("p-u3");
        String u4 = Api.unique("p-u4");
        String u5 = Api.unique("p-u5");
        String u6 = Api.unique("p-u6");
        String u7 = Api.unique("p-u7");
        String ownerO = Api.unique("p-owner-o");

        // Before any event: P (u2), Q (u5) and O (ownerO) exist; P leads a project and invites Q.
        String orgP = Fixtures.organization(code, u2, staff, "P の会", "まちづくりの会", List.of("COMMUNITY_DEVELOPMENT"), List.of());
        String orgQ = Fixtures.organization(code, u5, staff, "Q の会", "子育ての会", List.of("CHILDREN"), List.of());
        String orgO = Fixtures.organization(code, ownerO, staff, "O の会", "防災の会", List.of("DISASTER_RELIEF"), List.of());
        String project = as(u2).body(Map.of("title", "P の協創の場", "domain", "EQUAL", "organizationId", orgP))
                .post("/api/v1/municipalities/" + code + "/projects").then().statusCode(201).extract().path("id");
        String partnerQ = as(u2).body(Map.of("organizationId", orgQ, "role", "PARTNER"))
                .post("/api/v1/projects/" + project + "/partners").then().statusCode(201).extract().path("id");
        String inviteU1 = invitation(ownerO, orgO);
        String inviteU3 = invitation(ownerO, orgO);
        OffsetDateTime before = dbNow();

        // E0: a seminar for area B, a year and more earlier.
        String e0 = event(code, staff, "SEMINAR", List.of(areaB), false);
        checkIn(e0, register(e0, u2));
        // E1: a workshop for area A, closed with 4 attendees and 3 walk-ins.
        String e1 = event(code, staff, "WORKSHOP", List.of(areaA), true);
        checkIn(e1, register(e1, u1));
        checkIn(e1, register(e1, u2));
        register(e1, u3);
        checkIn(e1, register(e1, u6));
        checkIn(e1, anonymous().body(Map.of("guest", Map.of("name", "ゲスト 花子", "email", "Hanako@Example.jp")))
                .post("/api/v1/events/" + e1 + "/registrations").then().statusCode(201).extract().path("id"));
        String cancelled = register(e1, u7);
        as(u7).delete("/api/v1/events/" + e1 + "/registrations/" + cancelled).then().statusCode(200);
        // E2: a city-wide area meeting.
        String e2 = event(code, staff, "AREA_MEETING", List.of(), false);
        checkIn(e2, register(e2, u1));
        checkIn(e2, register(e2, u5));
        // Not held: a cancelled meeting and one next week.
        String ex = event(code, staff, "AREA_MEETING", List.of(), false);
        register(ex, u4);
        as(staff).body(Map.of("reason", "台風のため")).post("/api/v1/events/" + ex + "/cancellation").then().statusCode(200);
        String future = event(code, staff, "AREA_MEETING", List.of(areaA), false);
        register(future, u3);
        // Another municipality: u1 came to its meeting earlier still (not a first time here).
        String o1 = event(other, otherStaff, "AREA_MEETING", List.of(otherArea), false);
        checkIn(o1, register(o1, u1), otherStaff);

        // The events took place: E1 and E2 just after the organisations above, E0 and O1 400 days before.
        OffsetDateTime held = before.plus(1, ChronoUnit.MILLIS);
        startAt(e1, held);
        startAt(e2, held.plus(1, ChronoUnit.MILLIS));
        startAt(e0, held.minusDays(400));
        startAt(o1, held.minusDays(400));
        startAt(ex, held);
        as(staff).body(Map.of("report", Map.of("walkIns", 3, "summary", "防災マップを作成した")))
                .post("/api/v1/events/" + e1 + "/closure").then().statusCode(200);
        fy = FiscalYear.of(held.atZoneSameInstant(JST).toLocalDate());
        earlierFy = FiscalYear.of(held.minusDays(400).atZoneSameInstant(JST).toLocalDate());

        // Afterwards: the steps up.
        as(u1).post("/api/v1/invitations/" + inviteU1 + "/acceptance").then().statusCode(200);
        as(u3).post("/api/v1/invitations/" + inviteU3 + "/acceptance").then().statusCode(200);
        ListingFixtures.post(u2, orgP, ListingFixtures.body("NEED", "PEOPLE", "防災訓練の手伝い", "当日の受付をお願いしたい",
                List.of("DISASTER_RELIEF"), List.of()));
        as(u5).post("/api/v1/projects/" + project + "/partners/" + partnerQ + "/acceptance").then().statusCode(200);
        Fixtures.organization(other, u6, otherStaff, "他市の会", "他市で活動", List.of("CHILDREN"), List.of());
    }

    @Test
    void countsEveryStepOfEachGroupOnce() throws SQLException {
        world();
        JsonPath all = anonymous().get("/api/v1/municipalities/" + code + "/participation")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(12, all.getInt("months"));
        assertNull(all.get("fiscalYear"));
        List<Map<String, Object>> years = all.getList("years");
        assertEquals(earlierFy, years.get(0).get("fiscalYear"));
        assertEquals(fy, years.get(years.size() - 1).get("fiscalYear"));
        assertEquals(2, years.size(), "only years with events");

        JsonPath now = year(all, fy);
        // E1 + E2; seats: E1 u1 u2 u3 u6 guest (u7 cancelled), E2 u1 u5; people: u1 u2 u6 guest u5;
        // u2 came to E0 before; stepped up: u1 (joined O), u2 (posted a need), u5 (Q became a partner).
        figures(now.getMap("total"), 2, 7, 5, 4, 1, 3, 3, 9);
        assertEquals(FiscalYear.japanese(fy), now.getString("fiscalYearLabel"));
        List<Map<String, Object>> areas = now.getList("areas");
        assertEquals(2, areas.size());
        Map<String, Object> cityWide = areas.get(0);
        assertEquals(true, cityWide.get("cityWide"));
        assertNull(cityWide.get("areaId"));
        assertNull(cityWide.get("per1000"));
        // E2 alone: u1 (a repeat: E1 came first) and u5.
        figures(figuresOf(cityWide), 1, 2, 2, 1, 1, 2, 0, 2);
        Map<String, Object> a = areas.get(1);
        assertEquals(areaA, a.get("areaId"));
        assertEquals("A地区", a.get("areaName"));
        assertEquals(2000, a.get("population"));
        // E1 alone: u1 u2 u6 guest came, u2 a repeat; u1 and u2 stepped up; 4 reported + 3 walk-ins.
        figures(figuresOf(a), 1, 5, 4, 3, 1, 2, 3, 7);
        @SuppressWarnings("unchecked")
        Map<String, Object> rates = (Map<String, Object>) a.get("per1000");
        assertEquals(2.5f, ((Number) rates.get("registrations")).floatValue());
        assertEquals(2.0f, ((Number) rates.get("attendees")).floatValue());
        assertEquals(1.5f, ((Number) rates.get("firstTimeAttendees")).floatValue());
        assertEquals(1.0f, ((Number) rates.get("steppedUp")).floatValue());
        assertEquals(3.5f, ((Number) rates.get("headcount")).floatValue());

        List<Map<String, Object>> kinds = now.getList("kinds");
        assertEquals(List.of("AREA_MEETING", "WORKSHOP"), kinds.stream().map(k -> k.get("kind")).toList());
        assertEquals("ワークショップ", kinds.get(1).get("kindLabel"));
        figures(figuresOf(kinds.get(0)), 1, 2, 2, 1, 1, 2, 0, 2);
        figures(figuresOf(kinds.get(1)), 1, 5, 4, 3, 1, 2, 3, 7);
        List<Map<String, Object>> cells = now.getList("cells");
        assertEquals(2, cells.size());
        assertNull(cells.get(0).get("areaId"));
        assertEquals("AREA_MEETING", cells.get(0).get("kind"));
        assertEquals(areaA, cells.get(1).get("areaId"));
        figures(figuresOf(cells.get(1)), 1, 5, 4, 3, 1, 2, 3, 7);

        // E0: u2 alone, a first time here (another municipality's meeting does not count); the need
        // was posted 400 days later, beyond 12 months.
        JsonPath earlier = year(all, earlierFy);
        figures(earlier.getMap("total"), 1, 1, 1, 1, 0, 0, 0, 1);
        assertEquals(areaB, earlier.getString("areas[0].areaId"));
        assertNull(earlier.get("areas[0].population"));
        assertNull(earlier.get("areas[0].per1000"));
    }

    @Test
    void theWindowForSteppingUpIsTheMonthsAskedFor() throws SQLException {
        world();
        JsonPath wide = anonymous().queryParam("months", 24).get("/api/v1/municipalities/" + code + "/participation")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(24, wide.getInt("months"));
        // 400 days after E0 is within 24 months: u2's need counts for E0's year too.
        assertEquals(1, year(wide, earlierFy).getInt("total.steppedUp"));
        assertEquals(3, year(wide, fy).getInt("total.steppedUp"));
        JsonPath narrow = anonymous().queryParam("months", 1).get("/api/v1/municipalities/" + code + "/participation")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, year(narrow, earlierFy).getInt("total.steppedUp"));
        assertEquals(3, year(narrow, fy).getInt("total.steppedUp"), "the steps up came minutes after the events");
    }

    @Test
    void filtersNarrowTheEventsCountedNotPeoplesHistory() throws SQLException {
        world();
        String path = "/api/v1/municipalities/" + code + "/participation";
        JsonPath workshops = anonymous().queryParam("kind", "WORKSHOP").get(path).then().statusCode(200).extract().jsonPath();
        assertEquals("WORKSHOP", workshops.getString("kind"));
        assertEquals(1, workshops.getList("years").size());
        // u2 stays a repeat attendee: E0 (a seminar) is outside the filter but still came first.
        figures(year(workshops, fy).getMap("total"), 1, 5, 4, 3, 1, 2, 3, 7);

        JsonPath areaOnly = anonymous().queryParam("area", areaA).get(path).then().statusCode(200).extract().jsonPath();
        assertEquals(areaA, areaOnly.getString("areaId"));
        figures(year(areaOnly, fy).getMap("total"), 1, 5, 4, 3, 1, 2, 3, 7);
        assertEquals(1, year(areaOnly, fy).getList("areas").size());

        // A fiscal year in any form people write it; a year without events answers zeros.
        JsonPath earlier = anonymous().queryParam("fiscalYear", FiscalYear.japanese(earlierFy)).get(path)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(earlierFy, earlier.getInt("fiscalYear"));
        assertEquals(1, earlier.getList("years").size());
        figures(year(earlier, earlierFy).getMap("total"), 1, 1, 1, 1, 0, 0, 0, 1);
        JsonPath empty = anonymous().queryParam("fiscalYear", "FY" + (fy + 5)).get(path)
                .then().statusCode(200).extract().jsonPath();
        figures(year(empty, fy + 5).getMap("total"), 0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(List.of(), year(empty, fy + 5).getList("areas"));
    }

    @Test
    void anotherMunicipalityCountsOnlyItsOwn() throws SQLException {
        world();
        JsonPath o = as(staff).get("/api/v1/municipalities/" + other + "/participation")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, o.getList("years").size());
        // u1 came to its meeting; their organisation in this municipality is not a step up there, and
        // u6's organisation there came after no event of theirs.
        figures(year(o, earlierFy).getMap("total"), 1, 1, 1, 1, 0, 0, 0, 1);
        JsonPath wide = anonymous().queryParam("months", 120).get("/api/v1/municipalities/" + other + "/participation")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, year(wide, earlierFy).getInt("total.steppedUp"));
        // Its area is not an area of this municipality.
        anonymous().queryParam("area", otherArea).get("/api/v1/municipalities/" + code + "/participation")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("area"));
        anonymous().get("/api/v1/municipalities/999999/participation").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badParametersAreProblemsNamingThem() throws SQLException {
        world();
        String path = "/api/v1/municipalities/" + code + "/participation";
        Map<String, List<String>> bad = Map.of(
                "fiscalYear", List.of("abc", "20245", "令和"),
                "area", List.of("not-a-uuid", UUID.randomUUID().toString()),
                "kind", List.of("PARTY", "workshop"),
                "months", List.of("0", "121", "-1", "x", "１２", "1.5"));
        bad.forEach((parameter, values) -> values.forEach(value -> anonymous().queryParam(parameter, value).get(path)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(parameter))));
    }

    // ---- indicators fed by the platform ----

    @Test
    void computedIndicatorsTakeTheirActualsFromTheEvents() throws SQLException {
        world();
        // Workshops held: only E1, in this fiscal year, which is still running: no actual yet, 1 so far.
        String workshops = indicator(computed("EVENTS_HELD", List.of("WORKSHOP"), List.of()));
        as(staff).get("/api/v1/indicators/" + workshops).then().statusCode(200)
                .body("source", equalTo("PLATFORM")).body("sourceLabel", equalTo("Kyoso の記録から集計"))
                .body("computed.measure", equalTo("EVENTS_HELD")).body("computed.kinds[0]", equalTo("WORKSHOP"))
                .body("computed.kindLabels[0]", equalTo("ワークショップ"))
                .body("computed.runningFiscalYear", equalTo(fy)).body("computed.runningValue", equalTo(1))
                .body("actuals", equalTo(List.of()));

        // Attendance of every kind: E0's year 1 (u2 checked in), zeros up to the last ended year;
        // this year so far 4 checked in + 3 walk-ins at E1 and 2 at E2.
        String attendance = indicator(computed("ATTENDEES", List.of(), List.of()));
        JsonPath a = as(staff).get("/api/v1/indicators/" + attendance).then().statusCode(200)
                .body("computed.runningValue", equalTo(9)).extract().jsonPath();
        List<Integer> years = a.getList("actuals.fiscalYear");
        assertEquals(fy - earlierFy, years.size());
        assertEquals(earlierFy, years.get(0));
        assertEquals(fy - 1, years.get(years.size() - 1));
        assertEquals(1, a.getInt("actuals[0].value"));
        for (int i = 1; i < years.size(); i++) {
            assertEquals(0, a.getInt("actuals[" + i + "].value"));
        }

        // A baseline and a target are typed as for any indicator; status and achievement follow,
        // judged on the last ended year (1 when that is E0's year, else 0).
        put(attendance, earlierFy - 1, Map.of("baseline", 0, "note", "Kyoso 導入前")).then().statusCode(200);
        JsonPath judged = put(attendance, fy, Map.of("target", 10)).then().statusCode(200).extract().jsonPath();
        int latest = earlierFy == fy - 1 ? 1 : 0;
        assertEquals(fy - 1, judged.getInt("assessment.fiscalYear"));
        assertEquals(latest, judged.getInt("assessment.actual"));
        assertEquals(latest * 10f, judged.getFloat("targets[0].achievement"));
        assertEquals("BEHIND", judged.getString("status"));

        // Its actuals cannot be typed; a note can.
        String before = as(staff).get("/api/v1/indicators/" + attendance).then().extract().asString();
        put(attendance, fy - 1, Map.of("actual", 12)).then().statusCode(409).contentType(PROBLEM)
                .body("detail", org.hamcrest.Matchers.containsString("集計"));
        put(attendance, fy, Map.of("actual", 12, "note", "a")).then().statusCode(409);
        assertEquals(before, as(staff).get("/api/v1/indicators/" + attendance).then().extract().asString());
        JsonPath noted = put(attendance, earlierFy, Map.of("note", "初めての参加者集計")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("初めての参加者集計", noted.getString("actuals.find { it.fiscalYear == " + earlierFy + " }.note"));
        assertEquals(1, noted.getInt("actuals.find { it.fiscalYear == " + earlierFy + " }.value"));
        // Sending no actual (null) is no typing: accepted.
        put(attendance, earlierFy, new HashMap<>(java.util.Collections.singletonMap("actual", null))).then().statusCode(200);

        // Narrowed to an area or kinds, other measures.
        String inA = indicator(computed("REGISTRATIONS", List.of(), List.of(areaA)));
        as(staff).get("/api/v1/indicators/" + inA).then().statusCode(200)
                .body("computed.runningValue", equalTo(5)).body("computed.areaIds", equalTo(List.of(areaA)));
        String stepped = indicator(computed("STEPPED_UP", List.of(), List.of()));
        as(staff).get("/api/v1/indicators/" + stepped).then().statusCode(200)
                .body("computed.runningValue", equalTo(3))
                .body("actuals.find { it.fiscalYear == " + earlierFy + " }.value", equalTo(0));
        String firstTime = indicator(computed("FIRST_TIME_ATTENDEES", List.of("AREA_MEETING", "WORKSHOP"), List.of()));
        as(staff).get("/api/v1/indicators/" + firstTime).then().statusCode(200)
                .body("computed.runningValue", equalTo(4)).body("computed.kinds", equalTo(List.of("WORKSHOP", "AREA_MEETING")));

        // Listed like any other indicator, with the derived figures.
        as(staff).get("/api/v1/municipalities/" + code + "/indicators?size=50").then().statusCode(200)
                .body("items.find { it.id == '" + attendance + "' }.actuals[0].value", equalTo(1))
                .body("items.find { it.id == '" + workshops + "' }.computed.runningValue", equalTo(1));
    }

    @Test
    void computedIndicatorsExportTheirActualsAndRefuseTypedOnesOnImport() throws SQLException {
        world();
        String id = indicator(computed("EVENTS_HELD", List.of(), List.of()));
        put(id, fy, Map.of("target", 3)).then().statusCode(200);
        String csv = new String(as(staff).accept("text/csv").get("/api/v1/indicators/" + id + "/values.csv")
                .then().statusCode(200).extract().asByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        // E0's year 1 (derived), this year's typed target.
        String e0Row = earlierFy + "," + FiscalYear.japanese(earlierFy) + ",,,1,,";
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(e0Row + "\r\n"), csv);
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(fy + "," + FiscalYear.japanese(fy) + ",,3,,,"), csv);
        // The file as exported goes back in (the actuals are left alone); a changed actual is refused.
        csvImport(id, csv).then().statusCode(200);
        csvImport(id, csv.replace(e0Row, earlierFy + "," + FiscalYear.japanese(earlierFy) + ",,,7,,"))
                .then().statusCode(409).contentType(PROBLEM).body("detail", org.hamcrest.Matchers.containsString("集計"));
        as(staff).get("/api/v1/indicators/" + id).then()
                .body("actuals.find { it.fiscalYear == " + earlierFy + " }.value", equalTo(1))
                .body("targets[0].value", equalTo(3));
    }

    @Test
    void aComputationGoesWithSourcePlatformAndAreasOfTheMunicipality() throws SQLException {
        world();
        String path = "/api/v1/municipalities/" + code + "/indicators";
        Map<String, Object> noComputation = indicatorBody(null);
        as(staff).body(noComputation).post(path).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("computed"));
        Map<String, Object> wrongSource = indicatorBody(computed("EVENTS_HELD", List.of(), List.of()));
        wrongSource.put("source", "STATISTICS");
        as(staff).body(wrongSource).post(path).then().statusCode(400).body("errors[0].field", equalTo("source"));
        as(staff).body(indicatorBody(computed("EVENTS_HELD", List.of(), List.of(otherArea)))).post(path)
                .then().statusCode(400).body("errors[0].field", equalTo("computed.areaIds"));
        as(staff).body(indicatorBody(Map.of("from", "EVENTS", "measure", "EVERYTHING"))).post(path)
                .then().statusCode(400).contentType(PROBLEM);

        // A typed indicator with actuals does not become computed (they would be hidden); one without does.
        Map<String, Object> typed = indicatorBody(null);
        typed.put("source", "STATISTICS");
        String id = as(staff).body(typed).post(path).then().statusCode(201).extract().path("id");
        put(id, fy, Map.of("actual", 4)).then().statusCode(200);
        Map<String, Object> update = indicatorBody(computed("EVENTS_HELD", List.of(), List.of()));
        as(staff).header("If-Match", Api.etag(staff, "/api/v1/indicators/" + id)).body(update)
                .put("/api/v1/indicators/" + id).then().statusCode(409).contentType(PROBLEM);
        put(id, fy, new HashMap<>(java.util.Collections.singletonMap("actual", null))).then().statusCode(200);
        as(staff).header("If-Match", Api.etag(staff, "/api/v1/indicators/" + id)).body(update)
                .put("/api/v1/indicators/" + id).then().statusCode(200).body("computed.measure", equalTo("EVENTS_HELD"))
                .body("computed.runningValue", equalTo(2));
        // And back: typed again, no actuals until someone types them.
        as(staff).header("If-Match", Api.etag(staff, "/api/v1/indicators/" + id)).body(typed)
                .put("/api/v1/indicators/" + id).then().statusCode(200).body("computed", equalTo(null))
                .body("actuals", equalTo(List.of()));
    }

    static Map<String, Object> computed(String measure, List<String> kinds, List<String> areaIds) {
        return Map.of("from", "EVENTS", "measure", measure, "kinds", kinds, "areaIds", areaIds);
    }

    static Map<String, Object> indicatorBody(Map<String, Object> computed) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Api.unique("参画件数"));
        body.put("unit", "件");
        body.put("direction", "INCREASE");
        body.put("source", "PLATFORM");
        body.put("definition", "Kyoso のイベントから集計する");
        body.put("computed", computed);
        return body;
    }

    String indicator(Map<String, Object> computed) {
        return as(staff).body(indicatorBody(computed)).post("/api/v1/municipalities/" + code + "/indicators")
                .then().statusCode(201).extract().path("id");
    }

    io.restassured.response.Response put(String id, int fiscalYear, Map<String, Object> body) {
        return as(staff).header("If-Match", Api.etag(staff, "/api/v1/indicators/" + id)).body(body)
                .put("/api/v1/indicators/" + id + "/values/" + fiscalYear);
    }

    io.restassured.response.Response csvImport(String id, String csv) {
        return as(staff).header("If-Match", Api.etag(staff, "/api/v1/indicators/" + id)).contentType("text/csv")
                .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).put("/api/v1/indicators/" + id + "/values.csv");
    }

    // ---- helpers ----

    static void figures(Map<String, Object> f, int events, int registrations, int attendees, int firstTime, int repeat,
                        int steppedUp, int walkIns, int headcount) {
        assertEquals(Map.of("eventsHeld", events, "registrations", registrations, "attendees", attendees,
                "firstTimeAttendees", firstTime, "repeatAttendees", repeat, "steppedUp", steppedUp,
                "walkIns", walkIns, "headcount", headcount), f);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> figuresOf(Map<String, Object> group) {
        return (Map<String, Object>) group.get("figures");
    }

    static JsonPath year(JsonPath funnel, int fiscalYear) {
        List<Map<String, Object>> years = funnel.getList("years");
        int i = 0;
        for (Map<String, Object> y : years) {
            if (((Number) y.get("fiscalYear")).intValue() == fiscalYear) {
                return new JsonPath(funnel.prettify()).setRootPath("years[" + i + "]");
            }
            i++;
        }
        throw new AssertionError("no fiscal year " + fiscalYear + " in " + funnel.prettify());
    }

    static String area(String code, String staff, String name, Integer population) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "DISTRICT", "name", name));
        if (population != null) {
            body.put("population", population);
        }
        return as(staff).body(body).post("/api/v1/municipalities/" + code + "/areas")
                .then().statusCode(201).extract().path("id");
    }

    static String invitation(String owner, String organization) {
        return as(owner).body(Map.of("role", "EDITOR")).post("/api/v1/organizations/" + organization + "/invitations")
                .then().statusCode(201).extract().path("code");
    }

    /** A published event of the municipality next week, organised by its staff. */
    static String event(String code, String staff, String kind, List<String> areaIds, boolean guests) {
        OffsetDateTime start = OffsetDateTime.now(JST).truncatedTo(ChronoUnit.MINUTES).plusDays(7);
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("title", "参加の段階のテスト " + kind);
        body.put("areaIds", areaIds);
        body.put("mode", "IN_PERSON");
        body.put("venue", Map.of("name", "市民館"));
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plusHours(2).toString());
        body.put("guestsAllowed", guests);
        String id = as(staff).body(body).post("/api/v1/municipalities/" + code + "/events")
                .then().statusCode(201).extract().path("id");
        as(staff).post("/api/v1/events/" + id + "/publication").then().statusCode(200);
        return id;
    }

    static String register(String event, String user) {
        return as(user).body(Map.of()).post("/api/v1/events/" + event + "/registrations")
                .then().statusCode(201).extract().path("id");
    }

    void checkIn(String event, String registration) {
        checkIn(event, registration, staff);
    }

    static void checkIn(String event, String registration, String organiser) {
        as(organiser).body(Map.of("registrationId", registration)).post("/api/v1/events/" + event + "/check-ins")
                .then().statusCode(200).body("status", equalTo("ATTENDED"));
    }

    /** Moves an event's start (and its end, two hours later) to {@code start}. */
    void startAt(String event, OffsetDateTime start) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update event set starts_at = ?, ends_at = ? where id = ?")) {
            s.setTimestamp(1, Timestamp.from(start.toInstant()));
            s.setTimestamp(2, Timestamp.from(start.plusHours(2).toInstant()));
            s.setObject(3, UUID.fromString(event));
            assertEquals(1, s.executeUpdate());
        }
    }

    OffsetDateTime dbNow() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select clock_timestamp()");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getObject(1, OffsetDateTime.class);
        }
    }
}
