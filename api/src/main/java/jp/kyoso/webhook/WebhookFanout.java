package jp.kyoso.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jp.kyoso.core.integration.DomainEvent;
import jp.kyoso.core.outbox.Outbox;
import jp.kyoso.organization.Organization;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a {@link DomainEvent} into one delivery per endpoint that may hear of it, written with
 * its outbox message in the transaction of the change: the municipality's own endpoints hear of
 * everything in it; an organisation's endpoints hear of public objects and of those the
 * organisation is a party to (never of another municipality's).
 */
@ApplicationScoped
public class WebhookFanout {

    @Inject Outbox outbox;
    @Inject ObjectMapper json;

    void on(@Observes DomainEvent event) {
        List<Webhook> candidates = Webhook.list("municipalityCode = ?1 and enabled = true and deletedAt is null",
                event.municipalityCode());
        String body = null;
        for (Webhook webhook : candidates) {
            if (!webhook.listensTo(event.type()) || !mayHear(webhook, event)) {
                continue;
            }
            body = body == null ? body(event) : body;
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.id = UUID.randomUUID();
            delivery.webhookId = webhook.id;
            delivery.eventId = event.id().toString();
            delivery.eventType = event.type();
            delivery.body = body;
            delivery.status = DeliveryStatus.PENDING;
            delivery.createdAt = OffsetDateTime.now();
            delivery.persist();
            outbox.enqueue(WebhookChannel.NAME, "webhook:" + webhook.id + ":" + event.id(),
                    Map.of("deliveryId", delivery.id.toString()), null, webhook.municipalityCode, webhook.id.toString());
        }
    }

    static boolean mayHear(Webhook webhook, DomainEvent event) {
        if (!webhook.municipalityCode.equals(event.municipalityCode())) {
            return false;
        }
        if (webhook.organizationId == null) {
            return true;
        }
        Organization org = Organization.findById(webhook.organizationId);
        if (org == null || org.deletedAt != null) {
            return false;
        }
        return event.publicSubject() || event.organizationIds().contains(webhook.organizationId);
    }

    /** {id, type, occurredAt, data}: data carries the municipality beside what the feature announced. */
    private String body(DomainEvent event) {
        Map<String, Object> data = new LinkedHashMap<>(event.data());
        data.putIfAbsent("municipalityCode", event.municipalityCode());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id().toString());
        body.put("type", event.type());
        body.put("occurredAt", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt().withOffsetSameInstant(ZoneOffset.UTC)));
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's data must be JSON", e);
        }
    }
}
