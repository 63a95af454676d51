package jp.kyoso.statistics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.Api.etag;
import static jp.kyoso.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class StatisticsResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final String HEADER = "都道府県コード又は市区町村コード,地域コード,都道府県名,市区町村名,調査年月日,地域名,総人口,男性,女性,"
            + "0-4歳の男性,0-4歳の女性,5-9歳の男性,5-9歳の女性,10-14歳の男性,10-14歳の女性,15-19歳の男性,15-19歳の女性,"
            + "20-24歳の男性,20-24歳の女性,25-29歳の男性,25-29歳の女性,30-34歳の男性,30-34歳の女性,35-39歳の男性,35-39歳の女性,"
            + "40-44歳の男性,40-44歳の女性,45-49歳の男性,45-49歳の女性,50-54歳の男性,50-54歳の女性,55-59歳の男性,55-59歳の女性,"
            + "60-64歳の男性,60-64歳の女性,65-69歳の男性,65-69歳の女性,70-74歳の男性,70-74歳の女性,75-79歳の男性,75-79歳の女性,"
            + "80-84歳の男性,80-84歳の女性,85歳以上の男性,85歳以上の女性,世帯数,備考";

    record City(String code, String staff, String north, String south) {
    }

    private static City city() {
        String code = Fixtures.municipality();
        String staff = unique("stat-staff");
        Fixtures.staff(code, staff, "STAFF");
        return new City(code, staff, Fixtures.area(code, staff, null, "北地区"), Fixtures.area(code, staff, null, "南地区"));
    }

    private static String base(String code) {
        return "/api/v1/municipalities/" + code + "/statistics";
    }

    /** A data row: male band i holds male(i), female band i female(i); totals are their sums. */
    private static String row(String code, String areaCode, String date, String name, int male, int female,
                              int households, String note) {
        List<String> cells = new ArrayList<>(List.of(code, areaCode, "山口県", "テスト市" + code, date, name,
                Integer.toString(18 * (male + female)), Integer.toString(18 * male), Integer.toString(18 * female)));
        for (int i = 0; i < 18; i++) {
            cells.add(Integer.toString(male));
            cells.add(Integer.toString(female));
        }
        cells.add(Integer.toString(households));
        cells.add(note);
        return String.join(",", cells);
    }

    private static Response put(City city, String tag, byte[] body) {
        return as(city.staff()).contentType("text/csv").header("If-Match", tag).body(body).put(base(city.code()) + "/population.csv");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theStandardFileRoundTripsWithItsExactHeaderAndBandsSumToTheTotals() {
        City city = city();
        String c = city.code();
        String csv = HEADER + "\r\n"
                + row(c, "", "2020-10-01", "テスト市" + c, 100, 110, 800, "国勢調査") + "\r\n"
                + row(c, "A01", "2020-10-01", "北地区", 60, 70, 500, "") + "\r\n"
                + row(c, "A02", "2020-10-01", "南地区", 40, 40, 300, "") + "\r\n"
                + row(c, "A01", "2024-04-01", "北地区", 55, 66, 520, "住民基本台帳") + "\r\n";
        put(city, etag(base(c)), utf8(csv)).then().statusCode(200)
                .body("rows", equalTo(4)).body("created", equalTo(4)).body("charset", equalTo("UTF-8"));

        anonymous().get("/api/v1/areas/" + city.north() + "/statistics").then().statusCode(200)
                .body("areaName", equalTo("北地区"))
                .body("series.surveyDate", contains("2020-10-01", "2024-04-01"))
                .body("series[0].population", equalTo(18 * 130))
                .body("series[0].male", equalTo(18 * 60))
                .body("series[0].areaCode", equalTo("A01"))
                .body("series[0].bands", hasSize(18))
                .body("series[0].bands[0].band", equalTo("0-4"))
                .body("series[0].bands[17].label", equalTo("85歳以上"))
                .body("series[0].bands.male.sum()", equalTo(18 * 60))
                .body("series[0].bands.female.sum()", equalTo(18 * 70))
                // 5 of 18 bands are 65 or over
                .body("series[0].aged65Share", equalTo(27.8f))
                .body("series[1].note", equalTo("住民基本台帳"));
        anonymous().get(base(c)).then().statusCode(200)
                .body("series", hasSize(1)).body("series[0].areaId", nullValue())
                .body("series[0].households", equalTo(800))
                .body("areas.areaName", contains("北地区", "南地区"))
                .body("areas[0].surveyDate", equalTo("2024-04-01"))
                .body("surveyDates", contains("2020-10-01", "2024-04-01"));

        byte[] exported = anonymous().accept("text/csv").get(base(c) + "/population.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(exported, 3));
        String text = new String(exported, 3, exported.length - 3, StandardCharsets.UTF_8);
        assertEquals(csv, text);
        assertEquals(HEADER, text.lines().findFirst().orElseThrow());

        // The same file again changes nothing, and the ETag stays.
        String tag = etag(base(c));
        put(city, tag, exported).then().statusCode(200).body("unchanged", equalTo(4)).body("changed", equalTo(0));
        assertEquals(tag, etag(base(c)));
    }

    @Test
    void excelsShiftJisIsReadAndAFileReplacesOnlyItsOwnSurveyDates() {
        City city = city();
        String c = city.code();
        put(city, etag(base(c)), utf8(HEADER + "\n" + row(c, "", "2020-10-01", "北地区", 10, 10, 50, "") + "\n"
                + row(c, "", "2020-10-01", "南地区", 5, 5, 20, "") + "\n")).then().statusCode(200);
        // Excel on Japanese Windows: CP932, only some columns, a date as 2025/4/1 and 1,234-style numbers.
        String sjis = "調査年月日,地域名,総人口,男性,女性,世帯数,備考\r\n2025/4/1,北地区,\"1,234\",600,634,510,速報値\r\n"
                + "2020-10-01,北地区,360,180,180,50,\r\n";
        put(city, etag(base(c)), sjis.getBytes(Charset.forName("windows-31j"))).then().statusCode(200)
                .body("charset", equalTo("Shift_JIS"))
                .body("created", equalTo(1)).body("changed", equalTo(1)).body("unchanged", equalTo(0))
                // 2020: 北地区 rewritten without bands, 南地区 left out of that date and removed
                .body("deleted", equalTo(1));
        anonymous().get("/api/v1/areas/" + city.north() + "/statistics").then()
                .body("series.surveyDate", contains("2020-10-01", "2025-04-01"))
                .body("series[0].bands", empty())
                .body("series[0].aged65Share", nullValue())
                .body("series[1].population", equalTo(1234))
                .body("series[1].note", equalTo("速報値"));
        anonymous().get("/api/v1/areas/" + city.south() + "/statistics").then().body("series", empty());
    }

    @Test
    void badRowsAndColumnsRejectTheWholeFileNamingEachCell() {
        City city = city();
        String c = city.code();
        String tag = etag(base(c));
        String good = row(c, "", "2020-10-01", "北地区", 10, 10, 50, "");
        String csv = HEADER + "\n"
                + good + "\n"                                                       // row 2: fine
                + good.replace("2020-10-01", "2020-13-01") + "\n"                   // row 3: no such date
                + row(c, "", "2021-10-01", "西地区", 1, 1, 1, "") + "\n"             // row 4: no such area
                + row(c, "", "2022-10-01", "北地区", 10, 10, 5, "").replace(",360,180,180,", ",361,180,180,") + "\n"
                // row 5: 男性 + 女性 ≠ 総人口
                + row(c, "", "2023-10-01", "北地区", 10, 10, 5, "").replace(",360,180,180,10,", ",360,180,180,11,") + "\n"
                // row 6: the male bands sum to 181
                + row("999999", "", "2024-10-01", "北地区", 1, 1, -1, "") + "\n"        // row 7: code, households
                + good + "\n";                                                      // row 8: row 2 again
        put(city, tag, utf8(csv)).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("rows[3].surveyDate", "rows[4].areaName", "rows[5]", "rows[6]",
                        "rows[7].municipalityCode", "rows[7].households", "rows[8]"))
                .body("errors.find { it.field == 'rows[5]' }.message", containsString("総人口"));
        assertEquals(tag, etag(base(c)));
        anonymous().get(base(c)).then().body("surveyDates", empty());

        put(city, tag, utf8(HEADER.replace("世帯数", "id") + "\n")).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("rows[1].id"));
        put(city, tag, utf8("地域名,総人口\n北地区,1\n")).then().statusCode(400)
                .body("errors.field", contains("rows[1].surveyDate"));
        as(city.staff()).contentType("text/csv").body(utf8(HEADER + "\n" + good + "\n"))
                .put(base(c) + "/population.csv").then().statusCode(428);
    }

    @Test
    void staffOfTheMunicipalityWriteEveryoneReadsOthersAreRefused() {
        City city = city();
        City other = city();
        String csv = HEADER + "\n" + row(city.code(), "", "2020-10-01", "北地区", 1, 1, 1, "") + "\n";
        String tag = etag(base(city.code()));
        anonymous().contentType("text/csv").header("If-Match", tag).body(utf8(csv))
                .put(base(city.code()) + "/population.csv").then().statusCode(401);
        as("resident").contentType("text/csv").header("If-Match", tag).body(utf8(csv))
                .put(base(city.code()) + "/population.csv").then().statusCode(403);
        as(other.staff()).contentType("text/csv").header("If-Match", tag).body(utf8(csv))
                .put(base(city.code()) + "/population.csv").then().statusCode(403);
        Map<String, Object> body = Map.of("scenarios", List.of(Map.of("name", "推計", "values",
                List.of(Map.of("year", 2030, "value", 100)))));
        String ptag = etag(base(city.code()) + "/projections");
        as(other.staff()).header("If-Match", ptag).body(body).put(base(city.code()) + "/projections").then().statusCode(403);
        as("resident").header("If-Match", ptag).body(body).put(base(city.code()) + "/projections").then().statusCode(403);
        anonymous().get(base(city.code()) + "/projections").then().statusCode(200).body("scenarios", empty());
        anonymous().get(base(city.code())).then().statusCode(200).body("surveyDates", empty());
        put(city, tag, utf8(csv)).then().statusCode(200);
        anonymous().get("/api/v1/areas/" + city.north() + "/statistics").then().statusCode(200).body("series", hasSize(1));
    }

    @Test
    void scenariosReadBackExactlyAndBadInputNamesTheField() {
        City city = city();
        String path = base(city.code()) + "/projections";
        Map<String, Object> shajinken = Map.of("name", "社人研推計", "source", "国立社会保障・人口問題研究所（令和5年推計）",
                "note", "出生・死亡・移動の中位仮定",
                "values", List.of(Map.of("year", 2040, "value", 49321), Map.of("year", 2030, "value", 55012.5)));
        Map<String, Object> vision = Map.of("name", "本市の展望", "values", List.of(Map.of("year", 2060, "value", 45000)));
        as(city.staff()).header("If-Match", etag(path)).body(Map.of("scenarios", List.of(shajinken, vision)))
                .put(path).then().statusCode(200)
                .body("scenarios.name", contains("社人研推計", "本市の展望"));
        anonymous().get(path).then().statusCode(200)
                .body("scenarios[0].source", equalTo("国立社会保障・人口問題研究所（令和5年推計）"))
                .body("scenarios[0].note", equalTo("出生・死亡・移動の中位仮定"))
                .body("scenarios[0].values.year", contains(2030, 2040))
                .body("scenarios[0].values.value", contains(55012.5f, 49321))
                .body("scenarios[1].source", nullValue())
                .body("scenarios[1].values.value", contains(45000));

        String tag = etag(path);
        as(city.staff()).header("If-Match", tag).body(Map.of("scenarios", List.of(vision, vision)))
                .put(path).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("scenarios[1].name"));
        as(city.staff()).header("If-Match", tag).body(Map.of("scenarios", List.of(Map.of("name", "x", "values",
                        List.of(Map.of("year", 2030, "value", 1), Map.of("year", 2030, "value", 2))))))
                .put(path).then().statusCode(400).body("errors[0].field", equalTo("scenarios[0].values[1].year"));
        as(city.staff()).header("If-Match", tag).body(Map.of("scenarios", List.of(Map.of("name", "x", "values",
                        List.of(Map.of("year", 2030, "value", -1))))))
                .put(path).then().statusCode(400).body("errors[0].field", containsString("value"));
        as(city.staff()).header("If-Match", "\"999\"").body(Map.of("scenarios", List.of()))
                .put(path).then().statusCode(412);
        anonymous().get(path).then().body("scenarios", hasSize(2));
        assertEquals(tag, etag(path));
    }
}
