package jp.kyoso.opendata;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.Api.etag;
import static jp.kyoso.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OpenDataResourceTest {

    static final String PROBLEM = "application/problem+json";
    /** What a browser asks for in an iframe or an img. */
    static final String BROWSER = "text/html,application/xhtml+xml,image/svg+xml;q=0.9,*/*;q=0.8";
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    record City(String code, String staff, String area) {
    }

    private static City city() {
        String code = Fixtures.municipality();
        String staff = unique("od-staff");
        Fixtures.staff(code, staff, "STAFF");
        return new City(code, staff, Fixtures.area(code, staff, null, "北地区"));
    }

    private static String base(String code) {
        return "/api/v1/municipalities/" + code;
    }

    /** The file's lines, after checking it is UTF-8 with BOM and CRLF. */
    private static List<String> lines(byte[] body) {
        assertEquals(BOM[0], body[0]);
        assertEquals(BOM[1], body[1]);
        assertEquals(BOM[2], body[2]);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), "CRLF line ends");
        assertFalse(text.replace("\r\n", "").contains("\n"), "no bare LF");
        return List.of(text.split("\r\n"));
    }

    private static byte[] csv(String path) {
        return anonymous().accept("text/csv").get(path).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asByteArray();
    }

    private static String plan(City city, String title, boolean publish) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "vision", "笑顔で暮らせるまち",
                "startFiscalYear", 2024, "endFiscalYear", 2026, "areaId", city.area()));
        String id = as(city.staff()).body(body).post(base(city.code()) + "/plans")
                .then().statusCode(201).extract().path("id");
        String item = as(city.staff()).body(Map.of("title", "見守り活動の充実", "code", "1"))
                .post("/api/v1/plans/" + id + "/items").then().statusCode(201).extract().path("id");
        as(city.staff()).header("If-Match", etag(city.staff(), "/api/v1/plans/" + id))
                .body(Map.of("statuses", List.of(Map.of("itemId", item, "fiscalYear", 2024, "status", "DONE"))))
                .put("/api/v1/plans/" + id + "/statuses").then().statusCode(200);
        if (publish) {
            as(city.staff()).body(Map.of()).post("/api/v1/plans/" + id + "/versions").then().statusCode(201);
        }
        return id;
    }

    private static String indicator(City city, String name, String planId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "unit", "%", "direction", "INCREASE",
                "source", "RESIDENT_SURVEY", "decimals", 1));
        if (planId != null) {
            body.put("planId", planId);
        }
        String id = as(city.staff()).body(body).post(base(city.code()) + "/indicators")
                .then().statusCode(201).extract().path("id");
        for (Object[] v : new Object[][]{{2024, "baseline", 20.5}, {2025, "actual", 24.0}, {2026, "target", 30.0}}) {
            as(city.staff()).header("If-Match", etag(city.staff(), "/api/v1/indicators/" + id))
                    .body(Map.of(v[1], v[2])).put("/api/v1/indicators/" + id + "/values/" + v[0])
                    .then().statusCode(200);
        }
        return id;
    }

    @Test
    void theCatalogListsEveryDatasetWithItsLicenceAndFilesAlsoAsDcatJsonLd() {
        City city = city();
        anonymous().get(base(city.code()) + "/open-data").then().statusCode(200)
                .body("municipalityCode", equalTo(city.code()))
                .body("items.id", contains("events", "population", "organizations", "plan-progress", "indicators"))
                .body("items.title", contains("イベント一覧", "地域・年齢別人口", "団体一覧", "計画の進捗", "成果指標"))
                .body("items.license.name", everyItem(equalTo("CC BY 4.0")))
                .body("items[0].distributions.mediaType", contains("text/csv", "text/calendar"))
                .body("items[1].distributions[0].url", containsString("/api/v1/municipalities/" + city.code()
                        + "/statistics/population.csv"))
                .body("items[2].distributions[0].url", containsString("/organizations.csv"))
                .body("items[3].distributions[0].url", containsString("/plan-progress.csv"))
                .body("items[4].distributions[0].url", containsString("/indicators.csv"))
                .body("items[2].modified", nullValue());

        anonymous().accept("application/ld+json").get(base(city.code()) + "/open-data.jsonld").then().statusCode(200)
                .contentType(startsWith("application/ld+json"))
                .body("'@type'", equalTo("dcat:Catalog"))
                .body("'@context'.dcat", equalTo("http://www.w3.org/ns/dcat#"))
                .body("'dcat:dataset'", hasSize(5))
                .body("'dcat:dataset'[1].'dct:title'.'@value'", equalTo("地域・年齢別人口"))
                .body("'dcat:dataset'[1].'dcat:distribution'[0].'dcat:mediaType'", equalTo("text/csv"))
                .body("'dcat:dataset'[1].'dct:license'.'dct:title'", equalTo("CC BY 4.0"));
    }

    @Test
    void staffSetTheLicenceAndEmbedOriginsAndBadOriginsAreRefusedNamingTheField() {
        City city = city();
        String path = base(city.code()) + "/open-data/settings";
        anonymous().get(path).then().statusCode(200).body("defaultLicense", equalTo(true))
                .body("license.name", equalTo("CC BY 4.0")).body("embedOrigins", hasSize(0));
        String tag = anonymous().get(path).then().extract().header("ETag");

        for (String bad : List.of("http://www.city.example.lg.jp", "https://www.city.example.lg.jp/page",
                "https://*.example.lg.jp", "www.city.example.lg.jp")) {
            as(city.staff()).header("If-Match", tag).body(Map.of("embedOrigins", List.of(bad))).put(path)
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("embedOrigins[0]"));
        }
        as(city.staff()).header("If-Match", tag).body(Map.of("licenseName", "CC BY 4.0",
                        "licenseUrl", "http://creativecommons.org/")).put(path)
                .then().statusCode(400).body("errors[0].field", equalTo("licenseUrl"));
        anonymous().get(path).then().body("version", equalTo(0));
        String other = unique("od-other");
        Fixtures.staff(Fixtures.municipality(), other, "STAFF");
        as(other).header("If-Match", tag).body(Map.of("embedOrigins", List.of())).put(path).then().statusCode(403);

        as(city.staff()).header("If-Match", tag).body(Map.of("licenseName", "CC BY-SA 4.0",
                        "licenseUrl", "https://creativecommons.org/licenses/by-sa/4.0/",
                        "embedOrigins", List.of("https://www.City.Example.lg.jp/", "https://www.city.example.lg.jp")))
                .put(path).then().statusCode(200).body("defaultLicense", equalTo(false))
                .body("embedOrigins", contains("https://www.city.example.lg.jp"));
        as(city.staff()).header("If-Match", tag).body(Map.of()).put(path).then().statusCode(412);
        anonymous().get(base(city.code()) + "/open-data").then()
                .body("items.license.name", everyItem(equalTo("CC BY-SA 4.0")));
    }

    @Test
    void theOrganisationDirectoryHoldsExactlyItsColumnsAndPublicFieldsOnly() {
        City city = city();
        String owner = unique("od-owner");
        String active = Fixtures.organization(city.code(), owner, city.staff(), "みどり見守り隊", "見守りをします",
                List.of(), List.of(city.area()));
        Fixtures.organization(city.code(), unique("od-pending"), null, "審査中の団体", "まだ審査中", List.of(), List.of());
        List<String> lines = lines(csv(base(city.code()) + "/organizations.csv"));
        assertEquals("都道府県コード又は市区町村コード,団体ID,名称,名称_カナ,種別,結びつき,活動地域,活動分野,説明,ウェブサイト,"
                + "連絡先名称,連絡先メールアドレス,連絡先電話番号,更新日", lines.get(0));
        assertEquals(2, lines.size(), "the header and the one ACTIVE organisation");
        assertTrue(lines.get(1).startsWith(city.code() + "," + active + ",みどり見守り隊,,市民活動団体・NPO法人,"));
        assertTrue(lines.get(1).contains(",北地区,"));
        String all = String.join("\n", lines);
        assertFalse(all.contains("審査中の団体"), "a PENDING organisation is not published");
        assertFalse(all.contains("contact@example.jp"), "an unpublished e-mail address never appears");
        assertFalse(all.contains("083-000-0000"), "an unpublished phone number never appears");
        assertFalse(all.contains("連絡 太郎"), "an unpublished contact name never appears");
    }

    @Test
    void planProgressAndIndicatorFilesCarryTheirHeadersAndPublishedDataOnly() {
        City city = city();
        String published = plan(city, "公開された計画", true);
        String draft = plan(city, "下書きの計画", false);
        String own = indicator(city, "地域活動への参加率", null);
        indicator(city, "下書き計画の指標", draft);

        List<String> progress = lines(csv(base(city.code()) + "/plan-progress.csv"));
        assertEquals("都道府県コード又は市区町村コード,計画ID,計画名,版,年度,年度表示,項目コード,項目名,階層,対象項目数,"
                + "未着手,検討中,一部実施,継続推進,実施済,実施済の割合(%)", progress.get(0));
        assertEquals(1 + 3 * 2, progress.size(), "three fiscal years of the whole plan and its one item");
        assertEquals(city.code() + "," + published + ",公開された計画,1,2024,令和6年度,,計画全体,0,1,0,0,0,0,1,100.0",
                progress.get(1));
        assertEquals(city.code() + "," + published + ",公開された計画,1,2024,令和6年度,1,見守り活動の充実,1,1,0,0,0,0,1,100.0",
                progress.get(2));
        assertFalse(String.join("\n", progress).contains("下書きの計画"));

        List<String> indicators = lines(csv(base(city.code()) + "/indicators.csv"));
        assertEquals("都道府県コード又は市区町村コード,指標ID,指標名,単位,計画ID,年度,年度表示,基準値,目標値,実績値",
                indicators.get(0));
        assertTrue(indicators.contains(city.code() + "," + own + ",地域活動への参加率,%,,2024,令和6年度,20.5,,"),
                String.join("\n", indicators));
        assertTrue(indicators.contains(city.code() + "," + own + ",地域活動への参加率,%,,2026,令和8年度,,30.0,"));
        assertFalse(String.join("\n", indicators).contains("下書き計画の指標"), "a draft plan's indicator is not public");

        anonymous().get(base(city.code()) + "/open-data").then()
                .body("items[3].modified", not(nullValue())).body("items[4].modified", not(nullValue()));
    }

    @Test
    void embedsMayBeFramedOnlyByTheConfiguredOriginsAndEverythingElseKeepsDenyingFraming() {
        City city = city();
        String plan = plan(city, "埋め込む計画", true);
        String draft = plan(city, "埋め込めない下書き", false);
        String indicator = indicator(city, "埋め込む指標", null);

        Response page = anonymous().accept("text/html").get("/api/v1/embed/indicators/" + indicator);
        page.then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", equalTo("DENY"))
                .body(containsString("<html lang=\"ja\">")).body(containsString("<h1>埋め込む指標</h1>"))
                .body(containsString("<th scope=\"col\">実績値</th>")).body(containsString("role=\"img\""));

        String path = base(city.code()) + "/open-data/settings";
        as(city.staff()).header("If-Match", etag(path)).body(Map.of("embedOrigins",
                List.of("https://www.city.example.lg.jp", "https://portal.example.jp:8443"))).put(path)
                .then().statusCode(200);

        for (String embed : List.of("/api/v1/embed/indicators/" + indicator, "/api/v1/embed/indicators/" + indicator
                + "/chart.svg", "/api/v1/embed/plans/" + plan + "/progress")) {
            Response r = anonymous().accept(BROWSER).get(embed);
            r.then().statusCode(200)
                    .header("Content-Security-Policy", containsString(
                            "frame-ancestors https://www.city.example.lg.jp https://portal.example.jp:8443"))
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("X-Frame-Options", nullValue())
                    .header("X-Kyoso-Frame-Ancestors", nullValue());
            assertEquals(1, r.getHeaders().getValues("Content-Security-Policy").size(), embed);
        }
        anonymous().accept("image/svg+xml").get("/api/v1/embed/indicators/" + indicator + "/chart.svg").then()
                .contentType(startsWith("image/svg+xml")).body(startsWith("<?xml"))
                .body(containsString("<title id=\"chart-title\">埋め込む指標（%）</title>"));
        anonymous().accept(BROWSER).get("/api/v1/embed/plans/" + plan + "/progress").then()
                .body(containsString("<h1>埋め込む計画</h1>")).body(containsString("見守り活動の充実"));

        // Everything else keeps denying framing, even for the configured sites.
        anonymous().get(base(city.code()) + "/open-data").then().statusCode(200)
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("example.lg.jp")));
        anonymous().get("/api/v1/plans/" + plan).then().statusCode(200).header("X-Frame-Options", equalTo("DENY"));

        anonymous().accept(BROWSER).get("/api/v1/embed/plans/" + draft + "/progress").then().statusCode(404);
        as(city.staff()).accept(BROWSER).get("/api/v1/embed/plans/" + draft + "/progress").then().statusCode(404);
    }
}
