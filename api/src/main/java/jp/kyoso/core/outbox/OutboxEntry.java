package jp.kyoso.core.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of a delivery log: where a message stands. */
public record OutboxEntry(UUID id, String channel, String dedupeKey, String municipalityCode, String reference,
                          OutboxStatus status, int attempts, String lastError, OffsetDateTime createdAt,
                          OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String payload) {
}
