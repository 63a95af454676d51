package jp.kyoso.event;

import java.util.UUID;

/** Fired inside the transaction that published an event (saved searches react to it). */
public record EventPublished(UUID eventId) {
}
