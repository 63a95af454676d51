package jp.kyoso.core.hardening;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.support.AtOnce;
import jp.kyoso.support.Api;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static jp.kyoso.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two writers who read the same version never both win, whatever the write creates (issue 10,
 * defect 7: the loser gets 412, as for any stale If-Match, not a unique-key 409); audit states
 * are JSON objects as the contract says, also for bulk writes (defect 6); large JSON answers are
 * compressed (defect 7).
 */
@QuarkusTest
class RacesAndAuditTest {

    private static final String STAFF = "sanyo-staff";
    private static final String CITY = Api.SANYO_ONODA;

    private static String plan() {
        return as(STAFF).body(Map.of("title", Api.unique("競合の計画"), "startFiscalYear", 2024, "endFiscalYear", 2026))
                .post("/api/v1/municipalities/" + CITY + "/plans").then().statusCode(201).extract().path("id");
    }

    @Test
    void twoWritersCreatingTheSameFiscalYearRowGetOne200AndOne412() throws Exception {
        for (int round = 0; round < 4; round++) {
            String indicator = as(STAFF).body(Map.of("name", Api.unique("競合の指標"), "unit", "件",
                            "direction", "INCREASE", "source", "STATISTICS"))
                    .post("/api/v1/municipalities/" + CITY + "/indicators").then().statusCode(201).extract().path("id");
            String tag = Api.etag(STAFF, "/api/v1/indicators/" + indicator);
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int actual = i + 1;
                writers.add(() -> as(STAFF).header("If-Match", tag).body(Map.of("actual", actual))
                        .put("/api/v1/indicators/" + indicator + "/values/2025").statusCode());
            }
            List<Integer> statuses = AtOnce.statuses(writers);
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        }
    }

    @Test
    void twoWritersSettingTheSameNewStatusRowGetOne200AndOne412() throws Exception {
        for (int round = 0; round < 3; round++) {
            String plan = plan();
            String item = as(STAFF).body(Map.of("title", "取組")).post("/api/v1/plans/" + plan + "/items")
                    .then().statusCode(201).extract().path("id");
            String tag = Api.etag(STAFF, "/api/v1/plans/" + plan);
            List<Callable<Integer>> writers = new ArrayList<>();
            for (String status : List.of("ONGOING", "DONE", "UNDER_STUDY")) {
                writers.add(() -> as(STAFF).header("If-Match", tag)
                        .body(Map.of("statuses", List.of(Map.of("itemId", item, "fiscalYear", 2025, "status", status))))
                        .put("/api/v1/plans/" + plan + "/statuses").statusCode());
            }
            List<Integer> statuses = AtOnce.statuses(writers);
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(2, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        }
    }

    @Test
    void theAuditStateOfABulkWriteIsAnObjectWithItsItems() {
        String plan = plan();
        String item = as(STAFF).body(Map.of("title", "取組")).post("/api/v1/plans/" + plan + "/items")
                .then().statusCode(201).extract().path("id");
        as(STAFF).header("If-Match", Api.etag(STAFF, "/api/v1/plans/" + plan))
                .body(Map.of("statuses", List.of(Map.of("itemId", item, "fiscalYear", 2025, "status", "DONE"))))
                .put("/api/v1/plans/" + plan + "/statuses").then().statusCode(200);
        List<Map<String, Object>> entries = as(STAFF).queryParam("entityId", plan)
                .get("/api/v1/municipalities/" + CITY + "/audit-log").then().statusCode(200)
                .extract().path("items.findAll { it.action == 'plan.statuses.set' }");
        assertThat(entries.size(), is(1));
        Object after = entries.get(0).get("after");
        assertThat(after instanceof Map, is(true));
        assertThat(((List<?>) ((Map<?, ?>) after).get("items")).size(), equalTo(1));
        // Whatever the audit log holds, every state is an object or null (the response validation checks each).
        List<Object> states = as(STAFF).queryParam("size", 100).get("/api/v1/municipalities/" + CITY + "/audit-log")
                .then().statusCode(200).extract().path("items.after");
        assertThat(states, everyItem(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(),
                org.hamcrest.Matchers.instanceOf(Map.class))));
    }

    @Test
    void aLargeJsonAnswerIsCompressedForClientsThatAcceptIt() throws Exception {
        String plan = as(STAFF).queryParam("size", 1).get("/api/v1/municipalities/" + CITY + "/plans").then()
                .statusCode(200).extract().path("items[0].id");
        as(STAFF).header("Accept-Encoding", "gzip").get("/api/v1/plans/" + plan + "/items").then().statusCode(200)
                .header("Content-Encoding", equalTo("gzip")).body("items", notNullValue());
        // A client that does not ask for compression gets the plain answer.
        java.net.http.HttpResponse<String> plain = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port
                        + "/api/v1/plans/" + plan + "/items")).header("Authorization", "Bearer " + Api.token(STAFF)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, plain.statusCode());
        assertThat(plain.headers().allValues("Content-Encoding").stream().noneMatch(e -> e.equals("gzip")), is(true));
        assertThat(plain.body().startsWith("{"), is(true));
    }
}
