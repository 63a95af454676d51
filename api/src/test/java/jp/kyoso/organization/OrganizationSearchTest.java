package jp.kyoso.organization;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.restassured.response.ValidatableResponse;
import jp.kyoso.support.Api;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.Api.unique;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * Searching a municipality's organisations: Japanese text without word spaces, tolerant of
 * width and script; filters by type, theme and area (with sub-areas); paging; bad parameters.
 * Every test works in a fresh municipality, so totals are exact.
 */
@QuarkusTest
class OrganizationSearchTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject EntityManager em;

    private String code;
    private String staff;
    private String owner;

    @BeforeEach
    void freshMunicipality() {
        code = Fixtures.municipality();
        staff = unique("staff");
        Fixtures.staff(code, staff, "STAFF");
        owner = unique("owner");
    }

    private String path() {
        return "/api/v1/municipalities/" + code + "/organizations";
    }

    /** An ACTIVE organisation of the test's municipality. */
    private String organization(String name, String description) {
        return organization(name, description, "CIVIC_GROUP", List.of("COMMUNITY_DEVELOPMENT"), List.of());
    }

    private String organization(String name, String description, String type, List<String> themes,
                                List<String> areaIds) {
        return organization(name, description, type, themes, areaIds, true);
    }

    private String organization(String name, String description, String type, List<String> themes,
                                List<String> areaIds, boolean approve) {
        Map<String, Object> body = new HashMap<>(Fixtures.organizationBody(name, description, themes, areaIds));
        body.put("type", type);
        String id = as(owner).body(body).post(path()).then().statusCode(201).extract().path("id");
        if (approve) {
            as(staff).post("/api/v1/organizations/" + id + "/approval").then().statusCode(200);
        }
        return id;
    }

    private ValidatableResponse search(String q) {
        return anonymous().queryParam("q", q).get(path()).then().statusCode(200);
    }

    // ---------------------------------------------------------------- Japanese text

    @Test
    void aWordIsFoundInsideJapaneseTextWrittenWithoutSpaces() {
        String jichikai = organization("高泊東自治会", "地区防災訓練を毎年行う自治会");
        organization("高泊子ども会", "夏休みのラジオ体操と地区の清掃を行う子ども会");

        search("防災").body("total", equalTo(1)).body("items.id", contains(jichikai))
                .body("items[0].description", equalTo("地区防災訓練を毎年行う自治会"));
        search("防災訓練").body("total", equalTo(1)).body("items.id", contains(jichikai));
        search("訓練を毎年").body("total", equalTo(1));
        // The name is searched as well as the description.
        search("子ども会").body("total", equalTo(1));
        search("地区").body("total", equalTo(2));
        // The characters must be adjacent: 「防」 and 「災」 apart do not make 「防災」.
        organization("防犯と被災者支援の会", "見回りをします");
        search("防災").body("total", equalTo(1));
    }

    @Test
    void fullWidthAndHalfWidthLettersFindEachOther() {
        String halfWidth = organization("NPO法人ひかり", "子育て支援");
        String fullWidth = organization("ＮＰＯ法人かぜ", "高齢者の移動支援");
        organization("まちの縁側クラブ", "居場所づくり");

        search("ＮＰＯ").body("total", equalTo(2)).body("items.id", containsInAnyOrder(halfWidth, fullWidth));
        search("NPO").body("total", equalTo(2)).body("items.id", containsInAnyOrder(halfWidth, fullWidth));
        search("npo法人").body("total", equalTo(2));
        search("ＮＰＯ法人ひかり").body("total", equalTo(1)).body("items.id", contains(halfWidth));
        search("NPO法人かぜ").body("total", equalTo(1)).body("items.id", contains(fullWidth));
    }

    @Test
    void halfWidthKatakanaAndHiraganaFindKatakana() {
        String volunteers = organization("災害ボランティアの会", "避難所の運営を手伝います");
        organization("ボランティアセンター友の会", "センターの運営");
        organization("環境を守る会", "海岸清掃");

        search("ﾎﾞﾗﾝﾃｨｱ").body("total", equalTo(2));
        search("ぼらんてぃあ").body("total", equalTo(2));
        search("ボランティア").body("total", equalTo(2));
        search("災害ﾎﾞﾗﾝﾃｨｱ").body("total", equalTo(1)).body("items.id", contains(volunteers));
        search("さいがいぼらんてぃあ").body("total", equalTo(0));
        // And the other way round: katakana finds text written in hiragana.
        String hiragana = organization("ひまわりの会", "おしゃべりさろん");
        search("サロン").body("total", equalTo(1)).body("items.id", contains(hiragana));
    }

    @Test
    void aOneCharacterQueryWorks() {
        String hawk = organization("鷹の子クラブ", "野鳥観察");
        organization("鳩の会", "平和学習");

        search("鷹").body("total", equalTo(1)).body("items.id", contains(hawk));
        search("鳩").body("total", equalTo(1));
        search("の").body("total", equalTo(2));
        search("鷲").body("total", equalTo(0));
    }

    @Test
    void everySpaceSeparatedTermMustMatch() {
        String children = organization("防災と子どもの会", "親子で防災を学ぶ");
        String elderly = organization("防災と高齢者の会", "要配慮者の避難を支える");
        organization("子ども食堂みんなのいえ", "毎週の食事会");

        search("防災 子ども").body("total", equalTo(1)).body("items.id", contains(children));
        search("防災　高齢者").body("total", equalTo(1)).body("items.id", contains(elderly));
        search("子ども 防災").body("total", equalTo(1)).body("items.id", contains(children));
        search("防災").body("total", equalTo(2));
        search("子ども").body("total", equalTo(2));
        search("防災 食堂").body("total", equalTo(0));
        // Blank queries do not filter.
        search("   ").body("total", equalTo(3));
    }

    @Test
    void aQueryThatMatchesNothingReturnsAnEmptyPage() {
        organization("里山の会", "竹林の整備");
        search("宇宙開発").body("total", equalTo(0)).body("items", empty())
                .body("page", equalTo(0)).body("size", equalTo(20));
        search("x".repeat(3)).body("total", equalTo(0));
    }

    @Test
    void anOverlongQueryIsRefused() {
        anonymous().queryParam("q", "防".repeat(201)).get(path()).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("q"));
    }

    // ---------------------------------------------------------------- filters

    @Test
    void filtersByTypeAndTheme() {
        String association = organization("東町内会", "町内の行事", "NEIGHBOURHOOD_ASSOCIATION",
                List.of("DISASTER_RELIEF", "COMMUNITY_SAFETY"), List.of());
        String npo = organization("防災NPO", "防災教育", "CIVIC_GROUP", List.of("DISASTER_RELIEF"), List.of());
        String business = organization("まちの工務店", "住宅の耐震診断", "BUSINESS",
                List.of("ECONOMIC_ACTIVITY"), List.of());

        anonymous().queryParam("type", "NEIGHBOURHOOD_ASSOCIATION").get(path()).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(association));
        anonymous().queryParam("type", "EDUCATION").get(path()).then().statusCode(200)
                .body("total", equalTo(0));
        anonymous().queryParam("theme", "DISASTER_RELIEF").get(path()).then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", containsInAnyOrder(association, npo));
        anonymous().queryParam("theme", "ECONOMIC_ACTIVITY").get(path()).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(business));
        anonymous().queryParam("theme", "DISASTER_RELIEF").queryParam("type", "CIVIC_GROUP").get(path()).then()
                .statusCode(200).body("total", equalTo(1)).body("items.id", contains(npo));
        anonymous().queryParam("theme", "COMMUNITY_SAFETY").queryParam("q", "防災").get(path()).then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anAreaFilterIncludesItsSubAreasButNotItsParents() {
        String district = Fixtures.area(code, staff, null, unique("赤崎地区"));
        String zone = Fixtures.area(code, staff, district, unique("赤崎小学校区"));
        String street = Fixtures.area(code, staff, zone, unique("西高泊"));
        String otherDistrict = Fixtures.area(code, staff, null, unique("須恵地区"));

        String inDistrict = organization("地区連合会", "地区全体", "COMMUNITY_COUNCIL", List.of(), List.of(district));
        String inZone = organization("校区の会", "校区", "CIVIC_GROUP", List.of(), List.of(zone));
        String inStreet = organization("西高泊自治会", "町内", "NEIGHBOURHOOD_ASSOCIATION", List.of(), List.of(street));
        String elsewhere = organization("須恵の会", "別の地区", "CIVIC_GROUP", List.of(), List.of(otherDistrict));
        organization("全市の会", "市全域で活動", "CIVIC_GROUP", List.of(), List.of());

        anonymous().queryParam("area", district).get(path()).then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", containsInAnyOrder(inDistrict, inZone, inStreet));
        anonymous().queryParam("area", zone).get(path()).then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", containsInAnyOrder(inZone, inStreet));
        anonymous().queryParam("area", street).get(path()).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(inStreet));
        anonymous().queryParam("area", otherDistrict).get(path()).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(elsewhere));
        anonymous().queryParam("area", zone).queryParam("q", "自治会").get(path()).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(inStreet));
        anonymous().get(path()).then().statusCode(200).body("total", equalTo(5));
    }

    // ---------------------------------------------------------------- paging

    @Test
    void resultsArePagedInAnEnvelope() {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("あおばの会", "いずみの会", "うみの会", "えがおの会", "おかの会")) {
            ids.add(organization(name, "活動"));
        }

        anonymous().get(path()).then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(20)).body("total", equalTo(5))
                .body("totalExact", equalTo(true)).body("items", hasSize(5));
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            List<String> items = anonymous().queryParam("page", page).queryParam("size", 2).get(path()).then()
                    .statusCode(200)
                    .body("page", equalTo(page)).body("size", equalTo(2)).body("total", equalTo(5))
                    .body("items", hasSize(page < 2 ? 2 : 1))
                    .extract().path("items.id");
            seen.addAll(items);
        }
        // Every organisation exactly once across the pages, in 五十音 order.
        assertThat(seen, equalTo(ids));
        anonymous().queryParam("page", 3).queryParam("size", 2).get(path()).then().statusCode(200)
                .body("items", empty()).body("total", equalTo(5));
        anonymous().queryParam("size", 100).get(path()).then().statusCode(200).body("size", equalTo(100));
    }

    @Test
    void aSearchStopsCountingAtAThousandAndSaysSo() {
        String few = organization("ほしぞらの会", "天体観測");
        // 1,001 active organisations more, written straight into the table (through the API it would take minutes).
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into organization (municipality_code, type, bond, name, status, search_text, search_grams)
                        select ?1, 'CIVIC_GROUP', 'TERRITORIAL', 'まとめて' || n, 'ACTIVE', 'まとめて' || n,
                               '{まと,とめ,めて}'
                        from generate_series(1, 1001) n""").setParameter(1, code).executeUpdate());
        try {
            anonymous().get(path()).then().statusCode(200)
                    .body("total", equalTo(1_000)).body("totalExact", equalTo(false)).body("items", hasSize(20));
            // Past the counted matches the pages go on.
            anonymous().queryParam("page", 50).get(path()).then().statusCode(200)
                    .body("items", hasSize(2)).body("totalExact", equalTo(false));
            // A term matching more than the count finds them through the text, page by page.
            List<String> names = search("まとめて").body("total", equalTo(1_000)).body("totalExact", equalTo(false))
                    .body("items", hasSize(20)).extract().path("items.name");
            assertThat(names, everyItem(startsWith("まとめて")));
            // A narrower search is counted exactly.
            search("天体").body("total", equalTo(1)).body("totalExact", equalTo(true)).body("items.id", contains(few));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from organization where municipality_code = ?1 and name like 'まとめて%'")
                    .setParameter(1, code).executeUpdate());
        }
    }

    @Test
    void invalidPagingIsRefused() {
        anonymous().queryParam("size", 101).get(path()).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("size"));
        anonymous().queryParam("size", 0).get(path()).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("size"));
        anonymous().queryParam("page", -1).get(path()).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("page"));
    }

    @Test
    void badFilterValuesAreNamed() {
        String foreignArea = Fixtures.area(Fixtures.municipality(), "admin", null, unique("他市の地区"));

        anonymous().queryParam("type", "NOPE").get(path()).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("type"));
        anonymous().queryParam("theme", "NOPE").get(path()).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("theme"));
        anonymous().queryParam("status", "NOPE").get(path()).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("status"));
        anonymous().queryParam("area", "not-a-uuid").get(path()).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("area"));
        // Another municipality's area is not an area here.
        anonymous().queryParam("area", foreignArea).get(path()).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("area"));
    }

    // ---------------------------------------------------------------- status

    @Test
    void onlyStaffListOrganisationsThatAreNotActive() {
        String active = organization("公開中の会", "活動中");
        String pending = organization("申請中の会", "承認待ち", "CIVIC_GROUP", List.of(), List.of(), false);
        String suspended = organization("停止中の会", "停止", "CIVIC_GROUP", List.of(), List.of());
        as(staff).post("/api/v1/organizations/" + suspended + "/suspension").then().statusCode(200);

        as(unique("resident")).queryParam("status", "PENDING").get(path()).then().statusCode(403)
                .contentType(PROBLEM);
        // Even the owner of the pending organisation does not list other people's applications.
        as(owner).queryParam("status", "PENDING").get(path()).then().statusCode(403).contentType(PROBLEM);
        anonymous().queryParam("status", "SUSPENDED").get(path()).then().statusCode(401).contentType(PROBLEM);

        as(staff).queryParam("status", "PENDING").get(path()).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(pending))
                .body("items[0].status", equalTo("PENDING"));
        as(staff).queryParam("status", "SUSPENDED").get(path()).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(suspended));
        as(staff).queryParam("status", "ACTIVE").get(path()).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(active));
        as(staff).get(path()).then().statusCode(200).body("total", equalTo(3));
        // Anyone may ask for ACTIVE ones; without a status the public sees those only.
        anonymous().queryParam("status", "ACTIVE").get(path()).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(active));
        anonymous().get(path()).then().statusCode(200).body("total", equalTo(1));
        as(unique("resident")).get(path()).then().statusCode(200).body("total", equalTo(1));
    }

    // ---------------------------------------------------------------- demo data

    @Test
    void theDemoCityDepartmentPublishesItsPhoneOnly() {
        anonymous().queryParam("q", "市民活動推進課").get("/api/v1/municipalities/" + Api.SANYO_ONODA + "/organizations")
                .then().statusCode(200)
                .body("items.find { it.name == '山陽小野田市市民活動推進課' }.contact.phone", org.hamcrest.Matchers.notNullValue())
                .body("items.find { it.name == '山陽小野田市市民活動推進課' }.contact.email", org.hamcrest.Matchers.nullValue())
                .body("items.find { it.name == '山陽小野田市市民活動推進課' }.contactPublished.phone", equalTo(true));
    }

    @Test
    void theDemoNeighbourhoodAssociationIsFoundByDisasterPrevention() {
        anonymous().queryParam("q", "防災").get("/api/v1/municipalities/" + Api.SANYO_ONODA + "/organizations")
                .then().statusCode(200)
                .body("items.name", hasItem("赤崎地区自治会連合会"))
                .body("items.municipalityCode", org.hamcrest.Matchers.everyItem(equalTo(Api.SANYO_ONODA)))
                .body("items.find { it.name == '赤崎地区自治会連合会' }.contact", org.hamcrest.Matchers.nullValue());
        // Searching in kana finds it by its reading.
        anonymous().queryParam("q", "アカサキ").get("/api/v1/municipalities/" + Api.SANYO_ONODA + "/organizations")
                .then().statusCode(200)
                .body("items.name", hasItem("赤崎地区自治会連合会"));
    }
}
