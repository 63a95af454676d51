package jp.kyoso.local;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The co-creation stories are loaded at start-up after the base demo data, and loading again adds nothing. */
@QuarkusTest
class CoCreationDemoLoaderTest {

    @Inject
    CoCreationDemoLoader loader;

    @Inject
    EntityManager em;

    @Test
    void theStoriesAreThereWithProjectsInEveryStage() {
        anonymous().get("/api/v1/municipalities/352161/listings?q=段ボールベッド&size=100").then().statusCode(200)
                .body("items.title", hasItem("段ボールベッド 100台"));
        List<String> stages = new java.util.ArrayList<>();
        stages.addAll(anonymous().get("/api/v1/municipalities/352161/projects?size=100").then().statusCode(200)
                .body("items.title", hasItems("赤崎地区 合同防災訓練", "赤崎小学校 コミュニティ・スクール",
                        "商工センター再開発（LABV）共同事業体"))
                .extract().<List<String>>path("items.stage"));
        stages.addAll(anonymous().get("/api/v1/municipalities/072010/projects?size=100").then().statusCode(200)
                .body("items.title", hasItem("渡利地区 夏まつり")).extract().<List<String>>path("items.stage"));
        stages.addAll(as("sanyo-manager").get("/api/v1/municipalities/352161/projects?stage=ISSUES&size=100").then()
                .statusCode(200).extract().<List<String>>path("items.stage"));
        for (String stage : List.of("TRIGGER", "VISION", "ISSUES", "POLICY", "ACTION", "REVIEW")) {
            assertTrue(stages.contains(stage), "a project at " + stage + ": " + stages);
        }
        // The drill grew from the accepted match of the beds: the need is matched, the have keeps 80.
        anonymous().get("/api/v1/municipalities/352161/listings?q=段ボールベッド 100台").then()
                .body("items[0].quantityRemaining", equalTo(80));
        List<String> statuses = em.createNativeQuery("select distinct status from listing_match", String.class)
                .getResultList();
        assertTrue(statuses.containsAll(List.of("SUGGESTED", "PROPOSED", "ACCEPTED", "DECLINED", "WITHDRAWN",
                "FULFILLED")), "matches in every state: " + statuses);
        // Demo people act on their side: the school proposed, the safety network owner has the proposal.
        as("sanyo-owner").get("/api/v1/me/notifications?size=100").then().statusCode(200)
                .body("items.kind", hasItems("MATCH_PROPOSED", "STRONG_SUGGESTION", "MATCH_ACCEPTED"));
        as("sanyo-bousai").get("/api/v1/me").then().statusCode(200)
                .body("organizations.organizationName", hasItem("山陽小野田市防災士会"));
    }

    @Test
    void loadingAgainChangesNothing() {
        List<Long> before = counts();
        loader.load();
        assertEquals(before, counts());
    }

    private List<Long> counts() {
        return List.of("organization", "organization_membership", "app_user", "listing", "listing_match", "project",
                        "project_partner", "project_stage_change", "notification").stream()
                .map(t -> ((Number) em.createNativeQuery("select count(*) from " + t).getSingleResult()).longValue())
                .toList();
    }
}
