package jp.kyoso.audit;

import jp.kyoso.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class AuditResourceTest {

    private static String auditLog(String code) {
        return "/api/v1/municipalities/" + code + "/audit-log";
    }

    /**
     * A fresh municipality where {@code staff} is STAFF. Its log starts with two entries by the
     * platform admin: the registration of the municipality and the appointment.
     */
    private static String municipalityWithStaff(String staff) {
        String code = Fixtures.municipality();
        Fixtures.staff(code, staff, "STAFF");
        return code;
    }

    private static String createArea(String code, String staff, String name) {
        return as(staff).body(Map.of("kind", "DISTRICT", "name", name))
                .post("/api/v1/municipalities/" + code + "/areas").then().statusCode(201).extract().path("id");
    }

    private static void renameArea(String staff, String id, String name) {
        String tag = anonymous().get("/api/v1/areas/" + id).then().extract().header("ETag");
        as(staff).header("If-Match", tag).body(Map.of("kind", "DISTRICT", "name", name))
                .put("/api/v1/areas/" + id).then().statusCode(200);
    }

    @Test
    void staffWritesAreRecordedNewestFirstWithBeforeAndAfter() {
        String staff = unique("auditor");
        String code = municipalityWithStaff(staff);
        String staffId = as(staff).get("/api/v1/me").then().extract().path("id");
        String area = createArea(code, staff, "記録される地区");
        renameArea(staff, area, "改名された地区");

        as(staff).get(auditLog(code)).then().statusCode(200)
                .body("total", equalTo(4))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("items.action", contains("area.update", "area.create", "staff.appoint", "municipality.create"))
                .body("items.municipalityCode", everyItem(equalTo(code)))
                .body("items.occurredAt", everyItem(notNullValue()))
                // The update: who, what, and the state on both sides.
                .body("items[0].actorName", equalTo(Api.nameOf(staff)))
                .body("items[0].actorId", equalTo(staffId))
                .body("items[0].entityType", equalTo("area"))
                .body("items[0].entityId", equalTo(area))
                .body("items[0].before.name", equalTo("記録される地区"))
                .body("items[0].after.name", equalTo("改名された地区"))
                .body("items[0].after.version", equalTo(1))
                // The create: nothing before.
                .body("items[1].actorName", equalTo(Api.nameOf(staff)))
                .body("items[1].entityId", equalTo(area))
                .body("items[1].before", nullValue())
                .body("items[1].after.name", equalTo("記録される地区"))
                // The appointment, by the platform admin.
                .body("items[2].actorName", equalTo("プラットフォーム 管理者"))
                .body("items[2].entityType", equalTo("staff"))
                .body("items[2].entityId", equalTo(staffId))
                .body("items[2].after.role", equalTo("STAFF"))
                .body("items[3].entityType", equalTo("municipality"))
                .body("items[3].entityId", equalTo(code))
                .body("items[3].before", nullValue())
                .body("items[3].after.code", equalTo(code));

        List<String> times = as(staff).get(auditLog(code)).then().extract().path("items.occurredAt");
        OffsetDateTime newest = OffsetDateTime.parse(times.get(0));
        OffsetDateTime oldest = OffsetDateTime.parse(times.get(3));
        assertFalse(newest.isBefore(oldest), "newest first: " + times);
    }

    @Test
    void theLogIsFilteredByEntityAndPaged() {
        String staff = unique("auditor");
        String code = municipalityWithStaff(staff);
        String first = createArea(code, staff, "一つ目");
        String second = createArea(code, staff, "二つ目");
        renameArea(staff, first, "一つ目（改）");
        as(staff).header("If-Match", jp.kyoso.support.Api.etag(staff, "/api/v1/areas/" + second)).delete("/api/v1/areas/" + second)
                .then().statusCode(204);

        as(staff).get(auditLog(code) + "?entityType=area&entityId=" + first).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.action", contains("area.update", "area.create"))
                .body("items.entityId", everyItem(equalTo(first)));
        as(staff).get(auditLog(code) + "?entityType=area").then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.action", contains("area.delete", "area.update", "area.create", "area.create"));
        as(staff).get(auditLog(code) + "?entityId=" + second).then().statusCode(200)
                .body("items.action", contains("area.delete", "area.create"))
                .body("items[0].before.name", equalTo("二つ目"))
                .body("items[0].after", nullValue());
        as(staff).get(auditLog(code) + "?entityType=staff").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.action", contains("staff.appoint"));
        as(staff).get(auditLog(code) + "?entityType=organization").then().statusCode(200)
                .body("total", equalTo(0)).body("items", empty());

        as(staff).get(auditLog(code) + "?page=1&size=2").then().statusCode(200)
                .body("total", equalTo(6))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("items.action", contains("area.create", "area.create"));
    }

    @Test
    void rejectedWritesAreNotRecorded() {
        String staff = unique("auditor");
        String code = municipalityWithStaff(staff);
        String area = createArea(code, staff, "地区");
        String stale = anonymous().get("/api/v1/areas/" + area).then().extract().header("ETag");
        renameArea(staff, area, "地区（改）");

        as(staff).header("If-Match", stale).body(Map.of("kind", "DISTRICT", "name", "上書き"))
                .put("/api/v1/areas/" + area).then().statusCode(412);
        as(staff).body(Map.of("kind", "DISTRICT")).post("/api/v1/municipalities/" + code + "/areas")
                .then().statusCode(400);
        as(unique("resident")).body(Map.of("kind", "DISTRICT", "name", "x"))
                .post("/api/v1/municipalities/" + code + "/areas").then().statusCode(403);

        as(staff).get(auditLog(code)).then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.action", contains("area.update", "area.create", "staff.appoint", "municipality.create"));
    }

    @Test
    void entriesOfOneMunicipalityNeverShowInAnother() {
        String staff = unique("auditor");
        String code = municipalityWithStaff(staff);
        String otherStaff = unique("auditor");
        String other = municipalityWithStaff(otherStaff);
        String area = createArea(other, otherStaff, "他市の地区");

        as(staff).get(auditLog(code) + "?size=100").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.action", contains("staff.appoint", "municipality.create"))
                .body("items.entityId", not(hasItem(area)))
                .body("items.municipalityCode", everyItem(equalTo(code)));
        as(staff).get(auditLog(code) + "?entityId=" + area).then().statusCode(200)
                .body("total", equalTo(0));
        as(otherStaff).get(auditLog(other) + "?entityId=" + area).then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void onlyStaffOfThatMunicipalityReadTheLog() {
        anonymous().get(auditLog("352161")).then().statusCode(401).contentType("application/problem+json");
        as(unique("resident")).get(auditLog("352161")).then().statusCode(403)
                .contentType("application/problem+json");
        as("sanyo-owner").get(auditLog("352161")).then().statusCode(403);
        as("yamaguchi-staff").get(auditLog("352161")).then().statusCode(403);
        as("sanyo-staff").get(auditLog("352161")).then().statusCode(200).body("page", equalTo(0));
        as("admin").get(auditLog("352161")).then().statusCode(200);
        as("sanyo-staff").get(auditLog("999990")).then().statusCode(404);
    }

    @Test
    void badQueriesAreRejectedNamingTheParameter() {
        as("sanyo-staff").get(auditLog("352161") + "?size=0").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
        as("sanyo-staff").get(auditLog("352161") + "?size=101").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        as("sanyo-staff").get(auditLog("352161") + "?page=-1").then().statusCode(400)
                .body("errors.field", hasItem("page"));
        as("sanyo-staff").get(auditLog("352161") + "?entityId=x';drop").then().statusCode(400)
                .body("errors.field", hasItem("entityId"));
    }
}
