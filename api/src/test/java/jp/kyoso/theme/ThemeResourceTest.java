package jp.kyoso.theme;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static jp.kyoso.support.Api.anonymous;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ThemeResourceTest {

    /** The 20 fields of the NPO Act (特定非営利活動促進法 別表), in the Act's order. */
    private static final String[] CODES = {
            "HEALTH_WELFARE", "SOCIAL_EDUCATION", "COMMUNITY_DEVELOPMENT", "TOURISM", "RURAL_DEVELOPMENT",
            "CULTURE_ARTS_SPORTS", "ENVIRONMENT", "DISASTER_RELIEF", "COMMUNITY_SAFETY", "HUMAN_RIGHTS_PEACE",
            "INTERNATIONAL_COOPERATION", "GENDER_EQUALITY", "CHILDREN", "INFORMATION_SOCIETY", "SCIENCE_TECHNOLOGY",
            "ECONOMIC_ACTIVITY", "EMPLOYMENT_SKILLS", "CONSUMER_PROTECTION", "NPO_SUPPORT", "OTHER_BY_ORDINANCE"};

    private static final String[] LABELS_JA = {
            "保健・医療・福祉", "社会教育", "まちづくり", "観光", "農山漁村・中山間地域",
            "学術・文化・芸術・スポーツ", "環境保全", "防災・災害救援", "地域安全", "人権・平和",
            "国際協力", "男女共同参画", "子どもの健全育成", "情報化社会", "科学技術",
            "経済活動の活性化", "職業能力・雇用", "消費者保護", "団体の運営・活動支援", "条例で定める活動"};

    @Test
    void theTwentyThemesComeInTheOrderOfTheNpoActWithJapaneseLabels() {
        anonymous().get("/api/v1/themes").then().statusCode(200)
                .contentType("application/json")
                .body("total", equalTo(20))
                .body("page", equalTo(0))
                .body("items.code", contains(CODES))
                .body("items.label", contains(LABELS_JA))
                .body("items.labelJa", contains(LABELS_JA))
                .body("items[0].labelEn", equalTo("Health and welfare"))
                .body("items[0].statutoryWording", equalTo("保健、医療又は福祉の増進を図る活動"))
                .body("items[7].statutoryWording", equalTo("災害救援活動"))
                .body("items[19].statutoryWording",
                        equalTo("前各号に掲げる活動に準ずる活動として都道府県又は指定都市の条例で定める活動"));
    }

    @Test
    void japaneseIsTheDefaultForAnyOtherLanguage() {
        anonymous().header("Accept-Language", "ja-JP").get("/api/v1/themes").then().statusCode(200)
                .body("items.label", contains(LABELS_JA));
        anonymous().header("Accept-Language", "fr").get("/api/v1/themes").then().statusCode(200)
                .body("items.label", contains(LABELS_JA));
    }

    @Test
    void englishLabelsOnRequest() {
        anonymous().header("Accept-Language", "en").get("/api/v1/themes").then().statusCode(200)
                .body("total", equalTo(20))
                .body("items.code", contains(CODES))
                .body("items[0].label", equalTo("Health and welfare"))
                .body("items[7].label", equalTo("Disaster relief and preparedness"))
                .body("items[19].label", equalTo("Activities set by ordinance"))
                .body("items[7].labelJa", equalTo("防災・災害救援"))
                .body("items[7].statutoryWording", equalTo("災害救援活動"));
        anonymous().header("Accept-Language", "en-GB,en;q=0.9,ja;q=0.5").get("/api/v1/themes").then()
                .body("items[2].label", equalTo("Community development"));
    }
}
