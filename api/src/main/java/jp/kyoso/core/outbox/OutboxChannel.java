package jp.kyoso.core.outbox;

import java.time.Duration;

/**
 * A way out of the outbox (e-mail, webhooks): a CDI bean per channel, found by {@link #name()}.
 * {@link #deliver} either returns (the message is SENT) or throws (it is retried with backoff until
 * {@link #giveUpAfter()} from its creation, then FAILED and {@link #gaveUp} is called). A delivery
 * that runs longer than {@link #timeout()} is cut off and counts as a failure.
 */
public interface OutboxChannel {

    String name();

    void deliver(OutboxMessage message) throws Exception;

    /** How long one delivery may take; the lease on a claimed row is this plus a margin. */
    default Duration timeout() {
        return Duration.ofSeconds(30);
    }

    /** How long after its creation a message is retried before it is FAILED. */
    default Duration giveUpAfter() {
        return Duration.ofHours(24);
    }

    /** Called once, in its own transaction, when a message is FAILED for good. */
    default void gaveUp(OutboxMessage message) {
    }

    /** Thrown by {@link #deliver} when retrying cannot help (the row is FAILED at once). */
    final class Permanent extends Exception {
        public Permanent(String message) {
            super(message);
        }
    }
}
