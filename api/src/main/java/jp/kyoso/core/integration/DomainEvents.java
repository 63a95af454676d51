package jp.kyoso.core.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The port through which a feature announces a {@link DomainEvent}, in the transaction of the
 * change (the webhooks feature observes it and writes its deliveries to the outbox in that same
 * transaction, so an event is delivered if and only if the change is committed). A feature calls
 * it in one line and depends on no webhook code.
 */
@ApplicationScoped
public class DomainEvents {

    @Inject Event<DomainEvent> bus;

    /**
     * Announces {@code type} about an object of {@code municipalityCode}; {@code parties} are the
     * organisations that may see it when it is not public (nulls ignored).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(String type, String municipalityCode, boolean publicSubject, Collection<UUID> parties,
                     Map<String, Object> data) {
        HashSet<UUID> organizations = new HashSet<>();
        parties.stream().filter(Objects::nonNull).forEach(organizations::add);
        java.util.LinkedHashMap<String, Object> body = new java.util.LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (v != null) {
                body.put(k, v);
            }
        });
        bus.fire(new DomainEvent(UUID.randomUUID(), type, OffsetDateTime.now(), municipalityCode, publicSubject,
                organizations, body));
    }
}
