package jp.kyoso.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.notification.NotificationKind;
import jp.kyoso.notification.Notifications;
import jp.kyoso.organization.MemberRole;
import jp.kyoso.organization.OrganizationMembership;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The short transactions around one delivery attempt (the HTTP call itself holds none): what to
 * send, how it went, and giving up — which disables an endpoint that has not succeeded since the
 * delivery was made (24 hours of failure) and tells its owners in their inbox.
 */
@ApplicationScoped
public class WebhookAttempts {

    /** What one attempt sends; {@code previousKey} signs too while a rotation is under way. */
    record Prepared(String eventId, String body, String url, byte[] key, byte[] previousKey) {
    }

    @Inject Notifications notifications;
    @Inject EntityManager em;

    /** Null when there is nothing to send any more (the endpoint is disabled or deleted); then the delivery is FAILED. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Prepared prepare(UUID deliveryId) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        if (delivery == null || delivery.status != DeliveryStatus.PENDING) {
            return null;
        }
        Webhook webhook = Webhook.findById(delivery.webhookId);
        if (webhook == null || !webhook.enabled || webhook.deletedAt != null) {
            delivery.status = DeliveryStatus.FAILED;
            delivery.lastError = webhook == null || webhook.deletedAt != null ? "The endpoint was deleted"
                    : "The endpoint is disabled";
            return null;
        }
        boolean previousValid = webhook.previousSecret != null && webhook.previousSecretUntil != null
                && webhook.previousSecretUntil.isAfter(OffsetDateTime.now());
        return new Prepared(delivery.eventId, delivery.body, webhook.url, webhook.secret,
                previousValid ? webhook.previousSecret : null);
    }

    /** One attempt's outcome: {@code error} null is a success. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(UUID deliveryId, Integer statusCode, String error) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        if (delivery == null) {
            return;
        }
        OffsetDateTime at = OffsetDateTime.now();
        delivery.attempted(statusCode, error, at);
        // Counted in place, not through the entity: its version (the owner's ETag) stays, and two
        // deliveries to one endpoint finishing at once never conflict.
        if (error == null) {
            em.createNativeQuery("update webhook set consecutive_failures = 0, failing_since = null where id = ?1")
                    .setParameter(1, delivery.webhookId).executeUpdate();
        } else {
            em.createNativeQuery("update webhook set consecutive_failures = consecutive_failures + 1, "
                            + "failing_since = coalesce(failing_since, ?2) where id = ?1")
                    .setParameter(1, delivery.webhookId).setParameter(2, at).executeUpdate();
        }
    }

    /** The outbox gave up on a delivery (its retries ran out after the give-up window). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void gaveUp(UUID deliveryId) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        if (delivery == null) {
            return;
        }
        delivery.status = DeliveryStatus.FAILED;
        Webhook webhook = Webhook.findById(delivery.webhookId);
        // Disabled only when no delivery succeeded since this one was first tried: a day of failure.
        if (webhook == null || !webhook.enabled || webhook.failingSince == null || delivery.firstAttemptAt == null
                || webhook.failingSince.isAfter(delivery.firstAttemptAt)) {
            return;
        }
        webhook.disable("Every attempt failed since " + webhook.failingSince + " (" + webhook.consecutiveFailures
                + " in a row); last error: " + delivery.lastError);
        Set<UUID> owners = new LinkedHashSet<>();
        owners.add(webhook.createdBy);
        if (webhook.organizationId != null) {
            OrganizationMembership.<OrganizationMembership>list("id.organizationId = ?1 and role = ?2",
                    webhook.organizationId, MemberRole.OWNER).forEach(m -> owners.add(m.id.userId()));
        }
        Notifications.Event notice = new Notifications.Event(NotificationKind.WEBHOOK_DISABLED,
                webhook.municipalityCode, null, null, null, null, webhook.url,
                delivery.lastError == null ? "" : delivery.lastError, null);
        owners.forEach(userId -> notifications.tellUser(userId, notice));
    }
}
