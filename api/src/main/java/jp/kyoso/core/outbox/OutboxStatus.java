package jp.kyoso.core.outbox;

/** Where an outbox message stands (the {@code status} column of {@code outbox_message}). */
public enum OutboxStatus {
    PENDING, IN_FLIGHT, SENT, FAILED
}
