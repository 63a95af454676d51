package jp.kyoso.core.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A claimed outbox row as a channel receives it; {@code payload} is the JSON text enqueued. */
public record OutboxMessage(UUID id, String channel, String dedupeKey, String payload, String municipalityCode,
                            String reference, int attempts, OffsetDateTime createdAt) {
}
