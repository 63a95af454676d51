package jp.kyoso.event;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.support.Api;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo events as loaded at start-up: closed ones with reports, the full one with its waitlist, the open data. */
@QuarkusTest
class EventDemoLoadTest {

    /** The demo's full 地区ワークショップ: 12 seats, 2 held back, 10 registered and 4 waiting. */
    private static final String FULL = "58e37821-5bd3-57c7-8cab-d68f3300b386";

    @Test
    void pastEventsAreClosedWithReportsAndTheFullOneHasAWaitlist() {
        anonymous().queryParam("status", "CLOSED").queryParam("size", 100)
                .get("/api/v1/municipalities/" + Api.SANYO_ONODA + "/events").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(14))
                .body("items[0].report.attendeeCount", greaterThan(0))
                .body("items[0].fiscalYear", equalTo(2023));
        anonymous().get("/api/v1/events/" + FULL).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("counts.registered", equalTo(10))
                .body("counts.waitlisted", equalTo(4)).body("counts.seatsLeft", equalTo(0));
        as("sanyo-manager").queryParam("status", "WAITLISTED").get("/api/v1/events/" + FULL + "/registrations")
                .then().statusCode(200).body("items[0].waitlistPosition", equalTo(1))
                .body("items[0].code", notNullValue());
        byte[] csv = anonymous().accept("text/csv").get("/api/v1/municipalities/" + Api.SANYO_ONODA + "/events.csv")
                .then().statusCode(200).extract().asByteArray();
        List<Csv.Record> rows = Csv.parse(Csv.decode(csv));
        assertTrue(rows.size() > 15, "header and the demo's published and closed events: " + rows.size());
    }
}
