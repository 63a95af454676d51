package jp.kyoso.core.integration;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Something that happened which integrations may hear of (webhooks): its type
 * ({@code listing.created} ...), the municipality it happened in, who may see the object it is
 * about, and its data. {@code publicSubject}: the object is public after the change (every
 * organisation's endpoint of the municipality may hear of it); otherwise only the endpoints of
 * {@code organizationIds} (the owners and parties, who may see it) and the municipality's own hear
 * of it. {@code data} carries ids and what those who hear of it may see; details are read through
 * the API with the receiver's own rights.
 */
public record DomainEvent(UUID id, String type, OffsetDateTime occurredAt, String municipalityCode,
                          boolean publicSubject, Set<UUID> organizationIds, Map<String, Object> data) {

    public DomainEvent {
        organizationIds = Set.copyOf(organizationIds);
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
