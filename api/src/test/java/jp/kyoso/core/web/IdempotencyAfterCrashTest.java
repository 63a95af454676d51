package jp.kyoso.core.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.support.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static jp.kyoso.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * A server killed between reserving an Idempotency-Key and storing its answer leaves the key
 * "being processed". A client that retries must not be refused for ever: after two minutes the
 * reservation counts as abandoned and the retry is processed; a fresh one still gets 409.
 */
@QuarkusTest
class IdempotencyAfterCrashTest {

    private static final String PATH = "/api/v1/municipalities/" + Api.SANYO_ONODA + "/organizations";

    @Inject
    EntityManager em;

    @Test
    void aRetryTakesOverAReservationLeftByACrashedRequest() {
        String user = Api.unique("idem");
        String body = "{\"type\":\"CIVIC_GROUP\",\"bond\":\"THEMATIC\",\"name\":\"" + Api.unique("再送テスト") + "\"}";
        String key = UUID.randomUUID().toString();
        reserve(user, key, body, "3 minutes");

        String first = as(user).header("Idempotency-Key", key).body(body).post(PATH)
                .then().statusCode(201).extract().asString();
        as(user).header("Idempotency-Key", key).body(body).post(PATH)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body(equalTo(first));
    }

    @Test
    void aReservationStillInProgressIsNotTakenOver() {
        String user = Api.unique("idem");
        String body = "{\"type\":\"CIVIC_GROUP\",\"bond\":\"THEMATIC\",\"name\":\"" + Api.unique("処理中テスト") + "\"}";
        String key = UUID.randomUUID().toString();
        reserve(user, key, body, "5 seconds");

        as(user).header("Idempotency-Key", key).body(body).post(PATH).then().statusCode(409);
    }

    /** What a request that died after reserving its key leaves behind, made {@code age} ago. */
    private void reserve(String user, String key, String body, String age) {
        String owner = owner(Api.token(user));
        String fingerprint = IdempotencyFilters.fingerprint(PATH, body.getBytes(StandardCharsets.UTF_8));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into idempotent_request (owner_key, idem_key, fingerprint, status, created_at)
                        values (?1, ?2, ?3, 0, now() - cast(?4 as interval))""")
                .setParameter(1, owner).setParameter(2, key).setParameter(3, fingerprint).setParameter(4, age)
                .executeUpdate());
    }

    private static String owner(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return field(payload, "iss") + " " + field(payload, "sub");
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(at, json.indexOf('"', at));
    }
}
