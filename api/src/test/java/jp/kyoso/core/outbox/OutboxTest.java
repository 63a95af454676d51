package jp.kyoso.core.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the mail and webhooks depend on: a message exists exactly when the change that causes it
 * commits, goes out once per key even with two dispatchers at once, is retried with backoff when
 * its receiver fails, is delivered again after the lease of an instance that died holding it, and
 * is FAILED after a permanent refusal.
 */
@QuarkusTest
class OutboxTest {

    @Inject Outbox outbox;
    @Inject OutboxDispatcher dispatcher;
    @Inject RecordingChannel channel;
    @Inject EntityManager em;

    private static String key(String what) {
        return "test:" + what + ":" + UUID.randomUUID();
    }

    private void enqueue(String key, Object payload) {
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(RecordingChannel.NAME, key, payload, null));
    }

    private Map<String, Object> row(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) em.createNativeQuery(
                            "select status, attempts, coalesce(last_error, '') from outbox_message where dedupe_key = ?1")
                    .setParameter(1, key).getSingleResult();
            return Map.of("status", r[0], "attempts", ((Number) r[1]).intValue(), "error", r[2]);
        });
    }

    @Test
    void enqueueRunsOnlyInTheCallersTransaction() {
        assertThrows(TransactionalException.class,
                () -> outbox.enqueue(RecordingChannel.NAME, key("no-tx"), Map.of(), null));
        String rolledBack = key("rolled-back");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(RecordingChannel.NAME, rolledBack, Map.of("n", 1), null);
            throw new IllegalStateException("the change fails");
        }));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> outbox.exists(rolledBack)));
    }

    @Test
    void aDuplicateKeyIsANoOpAndGoesOutOnce() throws Exception {
        String k = key("once");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(RecordingChannel.NAME, k, Map.of("n", 1), null)));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(RecordingChannel.NAME, k, Map.of("n", 2), null)));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertEquals(1, channel.delivered.stream().filter(k::equals).count());
        assertEquals("SENT", row(k).get("status"));
    }

    @Test
    void aMessageIsNotSentBeforeItsTime() throws Exception {
        String k = key("later");
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(RecordingChannel.NAME, k, "{}",
                Instant.now().plusSeconds(3600)));
        dispatcher.dispatchDue();
        assertFalse(channel.delivered.contains(k));
        assertEquals("PENDING", row(k).get("status"));
    }

    @Test
    void twoDispatchersAtOnceSendEachMessageOnce() throws Exception {
        List<String> keys = java.util.stream.IntStream.range(0, 120).mapToObj(i -> key("pair-" + i)).toList();
        QuarkusTransaction.requiringNew().run(() -> keys.forEach(k -> outbox.enqueue(RecordingChannel.NAME, k, "{}", null)));
        try (var pool = Executors.newFixedThreadPool(2)) {
            Callable<Integer> round = dispatcher::dispatchDue;
            var a = pool.submit(round);
            var b = pool.submit(round);
            a.get();
            b.get();
        }
        for (String k : keys) {
            assertEquals(1, channel.delivered.stream().filter(k::equals).count(), k);
        }
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffUntilItAnswers() throws Exception {
        String k = key("retry");
        enqueue(k, Map.of("fail", 2));
        dispatcher.dispatchDue();
        Map<String, Object> first = row(k);
        assertEquals("PENDING", first.get("status"));
        assertEquals(1, first.get("attempts"));
        assertTrue(((String) first.get("error")).contains("receiver down"), first.toString());
        for (int i = 0; i < 50 && !channel.delivered.contains(k); i++) {
            Thread.sleep(100);
            dispatcher.dispatchDue();
        }
        assertTrue(channel.delivered.contains(k));
        assertEquals(Map.of("status", "SENT", "attempts", 3, "error", ""), row(k));
    }

    @Test
    void aHangingReceiverIsCutOffAtTheTimeout() throws Exception {
        String k = key("hang");
        enqueue(k, Map.of("hang", true));
        long started = System.nanoTime();
        dispatcher.dispatchDue();
        assertTrue(System.nanoTime() - started < 10_000_000_000L);
        Map<String, Object> r = row(k);
        assertEquals("PENDING", r.get("status"));
        assertTrue(((String) r.get("error")).contains("Timeout"), r.toString());
        // Settled, so that the other tests' rounds do not wait for it again.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update outbox_message set status = 'FAILED' where dedupe_key = ?1").setParameter(1, k).executeUpdate());
    }

    @Test
    void aMessageHeldByAKilledInstanceIsDeliveredAfterItsLease() throws Exception {
        String k = key("lease");
        enqueue(k, "{}");
        // An instance claims the row and dies before delivering it.
        List<OutboxMessage> claimed = dispatcher.claim(channel, 500);
        assertTrue(claimed.stream().anyMatch(m -> m.dedupeKey().equals(k)));
        assertEquals("IN_FLIGHT", row(k).get("status"));
        dispatcher.dispatchDue();
        assertFalse(channel.delivered.contains(k), "another instance waits for the lease");
        // The lease: the channel's timeout (1 s) plus the test margin (1 s).
        Thread.sleep(2_200);
        dispatcher.dispatchDue();
        assertEquals(1, channel.delivered.stream().filter(k::equals).count());
        assertEquals(Map.of("status", "SENT", "attempts", 2, "error", ""), row(k));
    }

    @Test
    void aPermanentRefusalFailsAtOnceAndTellsTheChannel() throws Exception {
        String k = key("permanent");
        enqueue(k, Map.of("permanent", true));
        dispatcher.dispatchDue();
        Map<String, Object> r = row(k);
        assertEquals("FAILED", r.get("status"));
        assertTrue(channel.gaveUp.contains(k));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> outbox.log(RecordingChannel.NAME, null, null,
                OutboxStatus.FAILED, jp.kyoso.core.paging.PageParams.of(0, 100)).items().stream()
                .filter(e -> e.dedupeKey().equals(k)).count()));
    }
}
