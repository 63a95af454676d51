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
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The brokering demo: an approved coordinator in 山陽小野田市, its brokered match, and a waiting suggestion. */
@QuarkusTest
class BrokeringDemoLoaderTest {

    @Inject BrokeringDemoLoader loader;
    @Inject EntityManager em;

    @Test
    void theCoordinatorItsBrokeredMatchAndTheQueueAreThere() {
        anonymous().get("/api/v1/municipalities/352161/coordinators").then().statusCode(200)
                .body("items.organization.name", hasItem("山陽小野田市市民活動センター"));
        String id = BrokeringDemoLoader.BROKERED.toString();
        as("sanyo-center").get("/api/v1/matches/" + id).then().statusCode(200)
                .body("status", equalTo("PROPOSED")).body("broker.kind", equalTo("COORDINATOR"))
                .body("broker.mine", equalTo(true)).body("needAcceptedAt", notNullValue())
                .body("haveAcceptedAt", nullValue());
        as("sanyo-center").get("/api/v1/municipalities/352161/brokered-matches").then().statusCode(200)
                .body("items.matchId", hasItem(id));
        as("sanyo-staff").get("/api/v1/municipalities/352161/brokering-queue").then().statusCode(200)
                .body("items.need.title", hasItem("炊き出し訓練の大鍋とコンロ"));
    }

    @Test
    void loadingAgainChangesNothing() {
        List<Long> before = counts();
        loader.load();
        assertEquals(before, counts());
    }

    private List<Long> counts() {
        return List.of("coordinator", "organization_membership", "app_user", "listing_match").stream()
                .map(t -> ((Number) em.createNativeQuery("select count(*) from " + t).getSingleResult()).longValue())
                .toList();
    }
}
