package jp.kyoso.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static jp.kyoso.plan.PlanFixtures.SANYO;
import static jp.kyoso.plan.PlanFixtures.etag;
import static jp.kyoso.plan.PlanFixtures.item;
import static jp.kyoso.plan.PlanFixtures.publish;
import static jp.kyoso.plan.PlanFixtures.statuses;
import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PlanCsvResourceTest {

    private static final String STAFF = "sanyo-staff";
    private static final Charset CP932 = Charset.forName("windows-31j");

    private static String samplePlan() {
        String plan = PlanFixtures.municipalPlan(SANYO, STAFF, 2022, 2024);
        String i = item(STAFF, plan, null, null, "「協創」への関心を高める");
        String i1 = item(STAFF, plan, i, null, "きっかけづくり");
        String a = item(STAFF, plan, i1, null, "協創フォーラム, 年1回");
        String b = item(STAFF, plan, i1, null, "=SUM(A1) のような題名");
        String ii = item(STAFF, plan, null, null, "「協創の場」をつくる");
        as(STAFF).header("If-Match", etag(STAFF, plan)).body(java.util.Map.of("title", "「協創の場」をつくる",
                "description", "複数行の\n説明")).put("/api/v1/plans/" + plan + "/items/" + ii).then().statusCode(200);
        statuses(STAFF, plan, List.<Object[]>of(new Object[]{a, 2022, "UNDER_STUDY"}, new Object[]{a, 2023, "DONE"},
                new Object[]{b, 2024, "ONGOING"}, new Object[]{ii, 2023, "PARTLY_DONE"}));
        return plan;
    }

    private static byte[] export(String user, String plan, String language) {
        Response r = as(user).accept("text/csv").header("Accept-Language", language)
                .get("/api/v1/plans/" + plan + "/items.csv");
        r.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"));
        return r.asByteArray();
    }

    private static Response upload(String user, String plan, byte[] body) {
        return as(user).contentType("text/csv").header("If-Match", etag(STAFF, plan)).body(body)
                .put("/api/v1/plans/" + plan + "/items.csv");
    }

    @Test
    void exportIsUtf8WithBomForExcel() {
        String plan = samplePlan();
        byte[] bytes = export(STAFF, plan, "ja");
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertEquals("コード,親コード,項目名,説明,令和4年度,令和5年度,令和6年度", lines[0]);
        assertEquals("I,,「協創」への関心を高める,,,,", lines[1]);
        assertEquals("I-(1)-①,I-(1),\"協創フォーラム, 年1回\",,検討中,実施済,", lines[3]);
        assertEquals("I-(1)-②,I-(1),'=SUM(A1) のような題名,,,,継続推進", lines[4]);
        assertTrue(text.contains("\"複数行の\n説明\""));
        String en = new String(export(STAFF, plan, "en"), StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFFcode,parent_code,title,description,FY2022,FY2023,FY2024\r\n"), en);
        assertTrue(en.contains(",UNDER_STUDY,DONE,"), en);
    }

    @Test
    void exportThenImportGivesTheSamePlan() {
        String original = samplePlan();
        byte[] exported = export(STAFF, original, "ja");

        // Into an empty plan: everything is created.
        String copy = PlanFixtures.municipalPlan(SANYO, STAFF, 2022, 2024);
        upload(STAFF, copy, exported).then().statusCode(200)
                .body("rows", equalTo(5)).body("created", equalTo(5)).body("changed", equalTo(0))
                .body("deleted", equalTo(0)).body("unchanged", equalTo(0)).body("charset", equalTo("UTF-8"));
        assertArrayEquals(exported, export(STAFF, copy, "ja"));
        Response a = as(STAFF).get("/api/v1/plans/" + original + "/progress?fiscalYear=2023");
        Response b = as(STAFF).get("/api/v1/plans/" + copy + "/progress?fiscalYear=2023");
        assertEquals(a.path("overall").toString(), b.path("overall").toString());
        assertEquals(a.path("nodes.code").toString(), b.path("nodes.code").toString());
        assertEquals(a.path("series.overall").toString(), b.path("series.overall").toString());

        // Into the plan itself: nothing changes, items keep their ids.
        List<String> ids = as(STAFF).get("/api/v1/plans/" + original + "/items").path("items.id");
        String tag = etag(STAFF, original);
        upload(STAFF, original, exported).then().statusCode(200)
                .body("created", equalTo(0)).body("changed", equalTo(0)).body("unchanged", equalTo(5));
        assertEquals(tag, etag(STAFF, original));
        as(STAFF).get("/api/v1/plans/" + original + "/items").then().body("items.id", equalTo(ids));

        // English export imports as well.
        String fromEnglish = PlanFixtures.municipalPlan(SANYO, STAFF, 2022, 2024);
        upload(STAFF, fromEnglish, export(STAFF, original, "en")).then().statusCode(200).body("created", equalTo(5));
        assertArrayEquals(exported, export(STAFF, fromEnglish, "ja"));
    }

    @Test
    void aShiftJisFileFromExcelIsRead() {
        String plan = PlanFixtures.municipalPlan(SANYO, STAFF, 2023, 2025);
        String csv = "番号,親コード,項目名,令和5年度,令和6年度\r\n"
                + "Ⅰ,,髙泊地区の見守り,,\r\n"
                + "Ⅰ-①,Ⅰ,声かけ訪問,実施済,継続推進\r\n"
                + "Ⅰ-②,Ⅰ,見守りマップ,検討中,\r\n";
        upload(STAFF, plan, csv.getBytes(CP932)).then().statusCode(200)
                .body("charset", equalTo("Shift_JIS")).body("created", equalTo(3));
        as(STAFF).get("/api/v1/plans/" + plan + "/items").then().statusCode(200)
                .body("items.code", contains("Ⅰ", "Ⅰ-①", "Ⅰ-②"))
                .body("items[0].title", equalTo("髙泊地区の見守り"))
                .body("items[1].statuses.status", contains("DONE", "ONGOING", null))
                .body("items[2].statuses.status", contains("UNDER_STUDY", null, null));
    }

    @Test
    void anImportRenamesMovesAndDeletesByCodeAndLeavesMissingYearsAlone() {
        String plan = samplePlan();
        String csv = "code,parent_code,title,FY2023\n"
                + "I,,「協創」への関心を高める（改）,\n"
                + "I-(1),I,きっかけづくり,\n"
                + "I-(1)-①,I-(1),協創フォーラム,ONGOING\n"
                + "NEW,I,新しい項目,Done\n"
                + "II,,「協創の場」をつくる,\n";
        // I-(1)-② is gone; II has lost its description and its 2023 status.
        upload(STAFF, plan, csv.getBytes(StandardCharsets.UTF_8)).then().statusCode(200)
                .body("created", equalTo(1)).body("deleted", equalTo(1))
                .body("changed", equalTo(3)).body("unchanged", equalTo(1));
        as(STAFF).get("/api/v1/plans/" + plan + "/items").then()
                .body("items.code", contains("I", "I-(1)", "I-(1)-①", "NEW", "II"))
                .body("items[0].title", equalTo("「協創」への関心を高める（改）"))
                // 2022 had no column: kept; 2023 set by the file
                .body("items[2].statuses.status", contains("UNDER_STUDY", "ONGOING", null))
                .body("items[3].statuses.status", contains(null, "DONE", null))
                .body("items[4].statuses.status", contains(null, null, null));
    }

    @Test
    void aBadFileIsRejectedRowByRowAndChangesNothing() {
        String plan = samplePlan();
        byte[] before = export(STAFF, plan, "ja");
        String tag = etag(STAFF, plan);
        String csv = "コード,親コード,項目名,説明,令和4年度,令和5年度,令和6年度\n"
                + "I,,ok,,,,\n"
                + "I-(1),I,,,,,\n"                      // row 3: no title
                + "I-(1)-①,I-(9),子,,実施済,,\n"          // row 4: unknown parent
                + "I-(1),I,重複,,,,\n"                    // row 5: duplicate code
                + "I-(2),I,状態,,終わった,,\n"             // row 6: unknown status
                + "I-(3),I,親に状態,,実施済,,\n"           // row 7: status on an item with children
                + "I-(3)-①,I-(3),孫,,,,,余分\n";          // row 8: more cells than the header
        upload(STAFF, plan, csv.getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("何も取り込んでいません"))
                .body("errors.field", contains("rows[3].title", "rows[4].parentCode", "rows[5].code",
                        "rows[6].2022", "rows[7].2022", "rows[8]"))
                .body("errors[0].message", containsString("3行目 C列"))
                .body("errors[3].message", containsString("E列"));
        assertEquals(tag, etag(STAFF, plan));
        assertArrayEquals(before, export(STAFF, plan, "ja"));

        // Headers: unknown column, a year outside the plan, no title column.
        upload(STAFF, plan, "code,名前,2030\nX,y,\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("errors.field", hasItem("rows[1].名前"))
                .body("errors.field", hasItem("rows[1].2030"))
                .body("errors.field", hasItem("rows[1].title"));
        upload(STAFF, plan, "code,title\n\"unclosed,x\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("errors.field", hasItem("rows[2]"));
        upload(STAFF, plan, new byte[]{(byte) 0x81, 0x20, (byte) 0xFF}).then().statusCode(400);
        upload(STAFF, plan, new byte[0]).then().statusCode(400);
        assertArrayEquals(before, export(STAFF, plan, "ja"));
        assertEquals(tag, etag(STAFF, plan));
    }

    @Test
    void importsNeedAnEditorTheEtagAndCsv() {
        String plan = samplePlan();
        byte[] file = export(STAFF, plan, "ja");
        as(STAFF).contentType("text/csv").body(file).put("/api/v1/plans/" + plan + "/items.csv").then()
                .statusCode(428);
        as(STAFF).contentType("text/csv").header("If-Match", "\"1\"").body(file)
                .put("/api/v1/plans/" + plan + "/items.csv").then().statusCode(412);
        as(STAFF).header("If-Match", etag(STAFF, plan)).body("{}")
                .put("/api/v1/plans/" + plan + "/items.csv").then().statusCode(415)
                .contentType("application/problem+json");
        anonymous().contentType("text/csv").header("If-Match", etag(STAFF, plan)).body(file)
                .put("/api/v1/plans/" + plan + "/items.csv").then().statusCode(401);
        anonymous().accept("text/csv").get("/api/v1/plans/" + plan + "/items.csv").then().statusCode(404);
        publish(STAFF, plan);
        upload("resident", plan, file).then().statusCode(403);
        upload("yamaguchi-staff", plan, file).then().statusCode(403);
        // The public exports what is published; a version can be exported too.
        byte[] published = anonymous().accept("text/csv").get("/api/v1/plans/" + plan + "/items.csv")
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(file, published);
        anonymous().accept("text/csv").get("/api/v1/plans/" + plan + "/items.csv?version=1")
                .then().statusCode(200);
        as(STAFF).get("/api/v1/plans/" + plan + "/items").then().body("items", hasSize(5));
    }
}
