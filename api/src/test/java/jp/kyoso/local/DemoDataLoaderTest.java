package jp.kyoso.local;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.kyoso.support.Api.anonymous;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The demo data is loaded at start-up (as in the local run) and loading it again adds nothing. */
@QuarkusTest
class DemoDataLoaderTest {

    @Inject
    DemoDataLoader loader;

    @Inject
    EntityManager em;

    @Test
    void demoMunicipalitiesAreThereWithEveryOrganisationType() {
        anonymous().get("/api/v1/municipalities/352161").then().statusCode(200).body("name", equalTo("山陽小野田市"));
        anonymous().get("/api/v1/municipalities/352039").then().statusCode(200).body("name", equalTo("山口市"));
        anonymous().get("/api/v1/municipalities/352161/areas?size=100").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(5));
        anonymous().get("/api/v1/municipalities/352161/organizations?size=100").then().statusCode(200)
                .body("items.type", hasItems("NEIGHBOURHOOD_ASSOCIATION", "COMMUNITY_COUNCIL", "CIVIC_GROUP",
                        "BUSINESS", "EDUCATION", "GOVERNMENT", "INTERMEDIARY", "SOCIAL_WELFARE_COUNCIL"));
    }

    @Test
    void loadingAgainChangesNothing() {
        List<Long> before = counts();
        loader.load();
        assertEquals(before, counts());
    }

    private List<Long> counts() {
        return List.of("municipality", "area", "organization", "organization_membership", "staff_membership",
                        "liaison_assignment", "app_user").stream()
                .map(t -> ((Number) em.createNativeQuery("select count(*) from " + t).getSingleResult()).longValue())
                .toList();
    }
}
