package jp.kyoso.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.kyoso.support.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class IndicatorResourceTest {

    private static final String SANYO = Api.SANYO_ONODA;
    private static final String STAFF = "sanyo-staff";
    private static final String PROBLEM = "application/problem+json";

    private static Map<String, Object> indicator(String name, String direction, int decimals) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("unit", "%");
        body.put("direction", direction);
        body.put("source", "RESIDENT_SURVEY");
        body.put("definition", "市民アンケートで「この1年に地域活動に参加した」と答えた人の割合");
        body.put("decimals", decimals);
        return body;
    }

    private static String create(Map<String, Object> body) {
        return as(STAFF).body(body).post("/api/v1/municipalities/" + SANYO + "/indicators")
                .then().statusCode(201).extract().path("id");
    }

    private static String etag(String id) {
        return as(STAFF).get("/api/v1/indicators/" + id).then().statusCode(200).extract().header("ETag");
    }

    private static Response put(String id, Object year, Map<String, Object> body) {
        return as(STAFF).header("If-Match", etag(id)).body(body).put("/api/v1/indicators/" + id + "/values/" + year);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void figuresByFiscalYearGiveAchievementAndStatus() {
        String id = create(indicator(Api.unique("地域活動に参加した市民の割合"), "INCREASE", 1));
        anonymous().get("/api/v1/indicators/" + id).then().statusCode(200)
                .body("status", equalTo("NO_DATA")).body("baseline", nullValue())
                .body("ownerType", equalTo("MUNICIPALITY"));

        put(id, 2019, map("baseline", 30.0, "actual", 30.0, "note", "策定時")).then().statusCode(200);
        put(id, 2025, map("target", 42.0)).then().statusCode(200);
        put(id, "令和4年度", map("actual", 36.5, "sourceDate", "2023-03-31")).then().statusCode(200)
                .body("baseline.fiscalYear", equalTo(2019))
                .body("baseline.fiscalYearLabel", equalTo("令和元年度"))
                .body("baseline.value", equalTo(30.0f))
                .body("targets.fiscalYear", contains(2025))
                // (36.5 − 30) / (42 − 30) × 100 = 54.166… → 54.2
                .body("targets[0].achievement", equalTo(54.2f))
                .body("actuals.fiscalYear", contains(2019, 2022))
                .body("actuals[1].sourceDate", equalTo("2023-03-31"))
                .body("actuals[0].note", equalTo("策定時"))
                // the line expects 30 + 12 × 3/6 = 36.0 in 2022
                .body("status", equalTo("ON_TRACK"))
                .body("statusLabel", equalTo("順調"))
                .body("assessment.fiscalYear", equalTo(2022))
                .body("assessment.expected", equalTo(36.0f))
                .body("assessment.targetFiscalYear", equalTo(2025))
                .body("series.fiscalYear", contains(2019, 2020, 2021, 2022, 2023, 2024, 2025))
                .body("series[1].actual", nullValue())
                .body("series[1].expected", equalTo(32.0f))
                .body("series[6].target", equalTo(42.0f));

        // 2023: expected 38.0, actual 37.0 → behind; achievement (37 − 30) / 12 × 100 = 58.3
        put(id, 2023, map("actual", 37.0)).then().statusCode(200)
                .body("status", equalTo("BEHIND"))
                .body("targets[0].achievement", equalTo(58.3f));
        anonymous().header("Accept-Language", "en").get("/api/v1/indicators/" + id).then()
                .body("baseline.fiscalYearLabel", equalTo("FY2019"))
                .body("statusLabel", equalTo("Behind"))
                .body("directionLabel", equalTo("Increase"));
        // Moving away from the target gives a negative achievement.
        put(id, 2024, map("actual", 29.4)).then().statusCode(200)
                .body("targets[0].achievement", equalTo(-5.0f));
        put(id, 2025, map("actual", 42.1)).then().statusCode(200).body("status", equalTo("ACHIEVED"));
    }

    @Test
    void aFieldLeftOutStaysAndNullClears() {
        String id = create(indicator(Api.unique("指標"), "INCREASE", 0));
        put(id, 2025, map("target", 120, "note", "中間目標")).then().statusCode(200)
                .body("values[0].target", equalTo(120)).body("values[0].note", equalTo("中間目標"));
        put(id, 2025, map("note", "最終目標")).then().statusCode(200)
                .body("values[0].target", equalTo(120)).body("values[0].note", equalTo("最終目標"));
        put(id, 2025, map("target", null)).then().statusCode(200)
                .body("values[0].target", nullValue()).body("values[0].note", equalTo("最終目標"));
        put(id, 2025, map("note", null)).then().statusCode(200).body("values", hasSize(0));
        String tag = etag(id);
        // Nothing to change: the ETag stays.
        as(STAFF).header("If-Match", tag).body(map()).put("/api/v1/indicators/" + id + "/values/2025").then()
                .statusCode(200).header("ETag", equalTo(tag));
    }

    @Test
    void onlyOneYearHoldsTheBaselineAndBadValuesChangeNothing() {
        String id = create(indicator(Api.unique("指標"), "INCREASE", 1));
        put(id, 2019, map("baseline", 30.0)).then().statusCode(200);
        put(id, 2020, map("baseline", 31.0, "actual", 31.0)).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("baseline"))
                .body("errors[0].message", containsString("令和元年度"));
        put(id, 2020, map("actual", 31.25)).then().statusCode(400).body("errors.field", contains("actual"));
        put(id, 2020, map("actual", "many")).then().statusCode(400).body("errors.field", hasItem("actual"));
        put(id, 2020, map("colour", "red")).then().statusCode(400).body("errors.field", hasItem("colour"));
        put(id, "someday", map("actual", 1)).then().statusCode(400).body("errors.field", hasItem("fiscalYear"));
        put(id, 1800, map("actual", 1)).then().statusCode(400).body("errors.field", hasItem("fiscalYear"));
        anonymous().get("/api/v1/indicators/" + id).then().body("values.fiscalYear", contains(2019));
        // Moving the baseline: clear, then set.
        put(id, 2019, map("baseline", null)).then().statusCode(200);
        put(id, 2020, map("baseline", 31.0)).then().statusCode(200).body("baseline.fiscalYear", equalTo(2020));
        as(STAFF).body(map("actual", 1)).put("/api/v1/indicators/" + id + "/values/2021").then().statusCode(428);
        as(STAFF).header("If-Match", "\"0\"").body(map("actual", 1)).put("/api/v1/indicators/" + id + "/values/2021")
                .then().statusCode(412);
    }

    @Test
    void anIndicatorIsReplacedWithItsLinksAndDecimalsCannotDropBelowRecordedValues() {
        String plan = as(STAFF).body(Map.of("title", Api.unique("計画"), "startFiscalYear", 2024, "endFiscalYear", 2026))
                .post("/api/v1/municipalities/" + SANYO + "/plans").then().statusCode(201).extract().path("id");
        String a = as(STAFF).body(Map.of("title", "項目A")).post("/api/v1/plans/" + plan + "/items")
                .then().statusCode(201).extract().path("id");
        String b = as(STAFF).body(Map.of("title", "項目B")).post("/api/v1/plans/" + plan + "/items")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> body = indicator(Api.unique("指標"), "INCREASE", 1);
        body.put("planItemIds", List.of(a));
        String id = create(body);
        put(id, 2024, map("actual", 12.5)).then().statusCode(200);
        Map<String, Object> update = new HashMap<>(body);
        update.put("name", "改めた名前");
        update.put("planItemIds", List.of(b, a));
        as(STAFF).body(update).put("/api/v1/indicators/" + id).then().statusCode(428);
        String tag = etag(id);
        String next = as(STAFF).header("If-Match", tag).body(update).put("/api/v1/indicators/" + id).then()
                .statusCode(200).body("name", equalTo("改めた名前")).body("planItemIds", org.hamcrest.Matchers.containsInAnyOrder(a, b))
                .extract().header("ETag");
        update.put("planItemIds", List.of(b));
        as(STAFF).header("If-Match", next).body(update).put("/api/v1/indicators/" + id).then().statusCode(200)
                .body("planItemIds", contains(b));
        as(STAFF).header("If-Match", tag).body(update).put("/api/v1/indicators/" + id).then().statusCode(412);
        update.put("decimals", 0);
        as(STAFF).header("If-Match", etag(id)).body(update).put("/api/v1/indicators/" + id).then().statusCode(400)
                .body("errors.field", hasItem("decimals"));
        update.put("decimals", 1);
        update.put("planId", plan);
        as(STAFF).header("If-Match", etag(id)).body(update).put("/api/v1/indicators/" + id).then().statusCode(400)
                .body("errors.field", hasItem("planId"));
        as("yamaguchi-staff").header("If-Match", etag(id)).body(body).put("/api/v1/indicators/" + id).then()
                .statusCode(403);
        // Deleting a linked item removes the link, nothing else.
        as(STAFF).header("If-Match", Api.etag(STAFF, "/api/v1/plans/" + plan)).delete("/api/v1/plans/" + plan + "/items/" + b)
                .then().statusCode(204);
        anonymous().get("/api/v1/indicators/" + id).then().statusCode(200).body("planItemIds", hasSize(0))
                .body("actuals", hasSize(1));
    }

    @Test
    void maintainIsOnTrackWithinItsTolerance() {
        Map<String, Object> body = indicator(Api.unique("自治会加入率"), "MAINTAIN", 1);
        body.put("tolerance", 1.0);
        body.put("source", "STATISTICS");
        String id = create(body);
        put(id, 2020, map("baseline", 70.0)).then().statusCode(200);
        put(id, 2025, map("target", 70.0)).then().statusCode(200);
        put(id, 2022, map("actual", 69.2)).then().statusCode(200)
                .body("status", equalTo("ON_TRACK"))
                .body("targets[0].achievement", equalTo(100.0f))
                .body("assessment.expected", equalTo(70.0f));
        put(id, 2023, map("actual", 68.5)).then().statusCode(200)
                .body("status", equalTo("BEHIND"))
                .body("targets[0].achievement", equalTo(0.0f));
    }

    @Test
    void writesNeedStaffOrThePlansEditorsAndMunicipalitiesStayApart() {
        Map<String, Object> body = indicator(Api.unique("指標"), "INCREASE", 0);
        anonymous().body(body).post("/api/v1/municipalities/" + SANYO + "/indicators").then().statusCode(401);
        as("resident").body(body).post("/api/v1/municipalities/" + SANYO + "/indicators").then().statusCode(403)
                .contentType(PROBLEM);
        as("yamaguchi-staff").body(body).post("/api/v1/municipalities/" + SANYO + "/indicators").then().statusCode(403);
        Map<String, Object> invalid = new HashMap<>(body);
        invalid.put("direction", "UP");
        invalid.remove("unit");
        as(STAFF).body(invalid).post("/api/v1/municipalities/" + SANYO + "/indicators").then().statusCode(400)
                .body("errors.field", hasItem("direction"));
        invalid.put("direction", "INCREASE");
        invalid.put("decimals", 7);
        as(STAFF).body(invalid).post("/api/v1/municipalities/" + SANYO + "/indicators").then().statusCode(400)
                .body("errors.field", hasItem("unit")).body("errors.field", hasItem("decimals"));

        String id = create(body);
        String tag = etag(id);
        as("yamaguchi-staff").header("If-Match", tag).body(map("actual", 1))
                .put("/api/v1/indicators/" + id + "/values/2024").then().statusCode(403);
        as("resident").header("If-Match", tag).body(map("actual", 1))
                .put("/api/v1/indicators/" + id + "/values/2024").then().statusCode(403);
        anonymous().header("If-Match", tag).body(map("actual", 1))
                .put("/api/v1/indicators/" + id + "/values/2024").then().statusCode(401);
        as("resident").delete("/api/v1/indicators/" + id).then().statusCode(403);
        anonymous().get("/api/v1/municipalities/" + Api.YAMAGUCHI + "/indicators?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        anonymous().get("/api/v1/municipalities/" + SANYO + "/indicators?size=100").then().statusCode(200)
                .body("items.id", hasItem(id));

        // A plan of another municipality, or an item of another plan, cannot be used.
        String yamaguchiPlan = as("yamaguchi-staff").body(Map.of("title", "山口の計画", "startFiscalYear", 2024,
                        "endFiscalYear", 2028)).post("/api/v1/municipalities/" + Api.YAMAGUCHI + "/plans")
                .then().statusCode(201).extract().path("id");
        String yamaguchiItem = as("yamaguchi-staff").body(Map.of("title", "項目"))
                .post("/api/v1/plans/" + yamaguchiPlan + "/items").then().statusCode(201).extract().path("id");
        Map<String, Object> foreign = new HashMap<>(body);
        foreign.put("planId", yamaguchiPlan);
        as(STAFF).body(foreign).post("/api/v1/municipalities/" + SANYO + "/indicators").then().statusCode(400)
                .body("errors.field", hasItem("planId"));
        Map<String, Object> foreignItem = new HashMap<>(body);
        foreignItem.put("planItemIds", List.of(yamaguchiItem));
        as(STAFF).body(foreignItem).post("/api/v1/municipalities/" + SANYO + "/indicators").then().statusCode(400)
                .body("errors.field", hasItem("planItemIds"));

        as(STAFF).header("If-Match", etag(id)).delete("/api/v1/indicators/" + id).then().statusCode(204);
        anonymous().get("/api/v1/indicators/" + id).then().statusCode(404);
    }

    @Test
    void aPlansIndicatorIsAsVisibleAsThePlanAndLinksToItsItems() {
        String member = Api.unique("council-indicators");
        Map<String, Object> council = Map.of("type", "COMMUNITY_COUNCIL", "bond", "TERRITORIAL",
                "name", Api.unique("指標テスト協議会"), "themes", List.of(), "areaIds", List.of());
        String org = as(member).body(council).post("/api/v1/municipalities/" + SANYO + "/organizations")
                .then().statusCode(201).extract().path("id");
        as(STAFF).post("/api/v1/organizations/" + org + "/approval").then().statusCode(200);
        String plan = as(member).body(Map.of("organizationId", org, "title", "地区の計画", "startFiscalYear", 2024,
                "endFiscalYear", 2028)).post("/api/v1/municipalities/" + SANYO + "/plans").then().statusCode(201)
                .extract().path("id");
        String item = as(member).body(Map.of("title", "見守り活動")).post("/api/v1/plans/" + plan + "/items")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> body = indicator("見守り訪問の件数", "INCREASE", 0);
        body.put("unit", "件");
        body.put("source", "OTHER");
        body.put("planId", plan);
        body.put("planItemIds", List.of(item));
        as("sanyo-owner").body(body).post("/api/v1/municipalities/" + SANYO + "/indicators").then().statusCode(403);
        String id = as(member).body(body).post("/api/v1/municipalities/" + SANYO + "/indicators").then().statusCode(201)
                .body("ownerType", equalTo("PLAN")).body("planId", equalTo(plan))
                .body("planItemIds", contains(item))
                .extract().path("id");
        anonymous().get("/api/v1/indicators/" + id).then().statusCode(404);
        anonymous().get("/api/v1/municipalities/" + SANYO + "/indicators?size=100&planId=" + plan).then()
                .body("total", equalTo(0));
        as(member).get("/api/v1/municipalities/" + SANYO + "/indicators?size=100&planId=" + plan).then()
                .body("items.id", contains(id));
        // A plan with indicators is not deleted with them silently.
        as(member).header("If-Match", Api.etag(member, "/api/v1/plans/" + plan)).delete("/api/v1/plans/" + plan)
                .then().statusCode(409);
        as(member).body(Map.of()).post("/api/v1/plans/" + plan + "/versions").then().statusCode(201);
        anonymous().get("/api/v1/indicators/" + id).then().statusCode(200).body("planItemIds", contains(item));
        anonymous().get("/api/v1/municipalities/" + SANYO + "/indicators?size=100&owner=PLAN").then()
                .body("items.id", hasItem(id));
    }

    @Test
    void valuesRoundTripThroughCsvAndShiftJisIsRead() {
        String id = create(indicator(Api.unique("参加者数"), "INCREASE", 1));
        put(id, 2019, map("baseline", 28.4, "actual", 28.4, "note", "=策定時, 市民アンケート", "sourceDate", "2020-03-31"))
                .then().statusCode(200);
        put(id, 2022, map("actual", 31.0)).then().statusCode(200);
        put(id, 2025, map("target", 40.0)).then().statusCode(200);
        byte[] exported = as(STAFF).accept("text/csv").get("/api/v1/indicators/" + id + "/values.csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(exported, 3));
        String text = new String(exported, 3, exported.length - 3, StandardCharsets.UTF_8);
        assertEquals("年度,年度表示,基準値,目標値,実績値,備考,出典日\r\n"
                + "2019,令和元年度,28.4,,28.4,\"'=策定時, 市民アンケート\",2020-03-31\r\n"
                + "2022,令和4年度,,,31.0,,\r\n"
                + "2025,令和7年度,,40.0,,,\r\n", text);

        String copy = create(indicator(Api.unique("参加者数"), "INCREASE", 1));
        as(STAFF).contentType("text/csv").header("If-Match", etag(copy)).body(exported)
                .put("/api/v1/indicators/" + copy + "/values.csv").then().statusCode(200)
                .body("created", equalTo(3)).body("rows", equalTo(3));
        Response a = anonymous().get("/api/v1/indicators/" + id);
        Response b = anonymous().get("/api/v1/indicators/" + copy);
        for (String path : List.of("values", "baseline", "targets", "actuals", "status", "series")) {
            assertEquals(a.path(path).toString(), b.path(path).toString(), path);
        }
        // The same file again changes nothing.
        String tag = etag(copy);
        as(STAFF).contentType("text/csv").header("If-Match", tag).body(exported)
                .put("/api/v1/indicators/" + copy + "/values.csv").then().statusCode(200)
                .body("unchanged", equalTo(3)).body("changed", equalTo(0));
        assertEquals(tag, etag(copy));

        // Excel on Japanese Windows: Shift_JIS, era years, ▲ and thousands separators; 2022 is dropped.
        String sjis = "年度,基準値,目標値,実績値,備考\r\n令和元年度,28.4,,28.4,策定時\r\nR3,,,\"1,030.5\",\r\n令和7年度,,40,,\r\n";
        as(STAFF).contentType("text/csv").header("If-Match", etag(copy)).body(sjis.getBytes(Charset.forName("windows-31j")))
                .put("/api/v1/indicators/" + copy + "/values.csv").then().statusCode(200)
                .body("charset", equalTo("Shift_JIS"))
                .body("created", equalTo(1)).body("deleted", equalTo(1)).body("changed", equalTo(1))
                .body("unchanged", equalTo(1));
        anonymous().get("/api/v1/indicators/" + copy).then()
                .body("values.fiscalYear", contains(2019, 2021, 2025))
                .body("values[0].note", equalTo("策定時"))
                // no source_date column: the date stays
                .body("values[0].sourceDate", equalTo("2020-03-31"))
                .body("values[1].actual", equalTo(1030.5f));
    }

    @Test
    void aBadCsvIsRejectedRowByRowAndChangesNothing() {
        String id = create(indicator(Api.unique("指標"), "INCREASE", 1));
        put(id, 2020, map("baseline", 10.0)).then().statusCode(200);
        String tag = etag(id);
        String csv = "fiscal_year,baseline,target,actual,note,source_date\n"
                + "2020,10,,,,\n"
                + "2021,,abc,,,\n"          // row 3: not a number
                + "2021,,,5,,\n"            // row 4: the same year again
                + "2022,12,,,,\n"           // row 5: a second baseline
                + "2023,,,1.25,,\n"         // row 6: too many decimals
                + "いつか,,,1,,\n"           // row 7: no fiscal year
                + "2024,,,1,,2024-02-30\n"; // row 8: no such date
        as(STAFF).contentType("text/csv").header("If-Match", tag).body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/indicators/" + id + "/values.csv").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("rows[3].target", "rows[4].fiscalYear", "rows[5].baseline",
                        "rows[6].actual", "rows[7].fiscalYear", "rows[8].sourceDate"));
        assertEquals(tag, etag(id));
        anonymous().get("/api/v1/indicators/" + id).then().body("values.fiscalYear", contains(2020));
        as(STAFF).contentType("text/csv").header("If-Match", tag).body("baseline\n1\n".getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/indicators/" + id + "/values.csv").then().statusCode(400)
                .body("errors.field", hasItem("rows[1].fiscalYear"));
        as("resident").contentType("text/csv").header("If-Match", tag).body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/indicators/" + id + "/values.csv").then().statusCode(403);
        anonymous().contentType("text/csv").header("If-Match", tag).body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/indicators/" + id + "/values.csv").then().statusCode(401);
        as(STAFF).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/indicators/" + id + "/values.csv").then().statusCode(428);
        String en = new String(as(STAFF).accept("text/csv").header("Accept-Language", "en")
                .get("/api/v1/indicators/" + id + "/values.csv").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFFfiscal_year,label,baseline,target,actual,note,source_date\r\n2020,FY2020,10.0,"), en);
    }
}
