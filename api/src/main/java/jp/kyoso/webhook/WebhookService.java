package jp.kyoso.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.persistence.Changes;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.webhook.WebhookDtos.DeliveryView;
import jp.kyoso.webhook.WebhookDtos.WebhookView;
import jp.kyoso.webhook.WebhookDtos.WebhookWithSecret;
import jp.kyoso.webhook.WebhookDtos.WebhookWrite;
import jp.kyoso.webhook.WebhookOwners.Owner;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.kyoso.core.text.Texts.blankToNull;

/**
 * Registering, changing, rotating and deleting endpoints, and reading their delivery log. The
 * secret is returned when an endpoint is created and when it is rotated, never otherwise; after a
 * rotation the previous key keeps signing beside the new one for {@link #PREVIOUS_KEY_VALIDITY}.
 */
@ApplicationScoped
public class WebhookService {

    static final int MAX_PER_OWNER = 100;
    static final Duration PREVIOUS_KEY_VALIDITY = Duration.ofHours(24);

    @Inject WebhookOwners owners;
    @Inject WebhookTargets targets;
    @Inject Changes changes;
    @Inject Access access;
    @Inject AuditLog audit;
    @Inject RequestLanguage language;

    public List<WebhookView> list(Owner owner) {
        String where = "municipalityCode = ?1 and deletedAt is null and "
                + (owner.organizationId() == null ? "organizationId is null" : "organizationId = ?2");
        List<Webhook> found = owner.organizationId() == null
                ? Webhook.list(where + " order by createdAt, id", owner.municipalityCode())
                : Webhook.list(where + " order by createdAt, id", owner.municipalityCode(), owner.organizationId());
        return found.stream().map(WebhookService::view).toList();
    }

    public Webhook get(Owner owner, UUID id) {
        return owners.require(owner, id);
    }

    @Transactional
    public WebhookWithSecret create(Owner owner, WebhookWrite write) {
        if (list(owner).size() >= MAX_PER_OWNER) {
            throw Problems.conflict(Label.of("Webhook は " + MAX_PER_OWNER + " 件まで登録できます",
                    "At most " + MAX_PER_OWNER + " webhooks may be registered"));
        }
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.municipalityCode = owner.municipalityCode();
        webhook.organizationId = owner.organizationId();
        webhook.createdBy = access.requireUser().id();
        webhook.secret = WebhookSignature.newKey();
        webhook.created();
        apply(webhook, write);
        if (!webhook.enabled) {
            webhook.disable(null);
        }
        webhook.persistAndFlush();
        audit.record(webhook.municipalityCode, "webhook.create", "webhook", webhook.id, null, view(webhook));
        return WebhookWithSecret.of(view(webhook), WebhookSignature.secretOf(webhook.secret));
    }

    @Transactional
    public Webhook update(Owner owner, UUID id, String ifMatch, WebhookWrite write) {
        Webhook webhook = owners.require(owner, id);
        return changes.update(webhook, ifMatch, audited(webhook, "webhook.update"), WebhookService::view,
                w -> apply(w, write));
    }

    @Transactional
    public void delete(Owner owner, UUID id, String ifMatch) {
        Webhook webhook = owners.require(owner, id);
        changes.delete(webhook, ifMatch, audited(webhook, "webhook.delete"), WebhookService::view, Webhook::markDeleted);
    }

    /** A new key (the old one signs beside it for a day); the secret is in the answer this once. */
    @Transactional
    public WebhookWithSecret rotate(Owner owner, UUID id) {
        Webhook webhook = owners.require(owner, id);
        byte[] fresh = WebhookSignature.newKey();
        webhook.rotate(fresh, OffsetDateTime.now().plus(PREVIOUS_KEY_VALIDITY));
        webhook.touch();
        webhook.persistAndFlush();
        audit.record(webhook.municipalityCode, "webhook.rotate-secret", "webhook", webhook.id, null,
                Map.of("previousKeyValidUntil", webhook.previousSecretUntil.toString()));
        return WebhookWithSecret.of(view(webhook), WebhookSignature.secretOf(fresh));
    }

    public Page<DeliveryView> deliveries(Owner owner, UUID id, DeliveryStatus status, PageParams paging) {
        Webhook webhook = owners.require(owner, id);
        var query = status == null
                ? WebhookDelivery.<WebhookDelivery>find("webhookId = ?1 order by createdAt desc, id", webhook.id)
                : WebhookDelivery.<WebhookDelivery>find("webhookId = ?1 and status = ?2 order by createdAt desc, id",
                        webhook.id, status);
        return Page.load(query, paging).map(this::view);
    }

    private void apply(Webhook webhook, WebhookWrite write) {
        webhook.url = targets.require(write.url(), "url").toString();
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String type : write.eventTypes()) {
            if (!WebhookEventTypes.ALL.contains(type)) {
                throw Problems.invalidField("eventTypes", Label.of("不明なイベント種別です: " + type + "（使えるもの: "
                        + String.join(", ", WebhookEventTypes.ALL) + "）",
                        "Unknown event type " + type + " (known: " + String.join(", ", WebhookEventTypes.ALL) + ")"));
            }
            types.add(type);
        }
        webhook.eventTypes = types.toArray(String[]::new);
        webhook.description = blankToNull(write.description());
        boolean enable = write.enabled() == null || write.enabled();
        if (enable && !webhook.enabled) {
            webhook.enable();
        } else if (!enable && webhook.enabled) {
            webhook.disable(null);
        }
    }

    private static Changes.Audited audited(Webhook webhook, String action) {
        return new Changes.Audited(webhook.municipalityCode, action, "webhook", webhook.id);
    }

    /** Never with the secret. */
    public static WebhookView view(Webhook w) {
        return new WebhookView(w.id, w.municipalityCode, w.organizationId, w.url, w.description, List.of(w.eventTypes),
                w.enabled, w.disabledReason, w.disabledAt, w.consecutiveFailures, w.failingSince, w.version,
                w.createdAt, w.updatedAt);
    }

    DeliveryView view(WebhookDelivery d) {
        return new DeliveryView(d.id, d.eventId, d.eventType, d.status, language.label(d.status), d.attempts,
                d.lastAttemptAt, d.lastStatusCode, d.lastError, d.deliveredAt, d.createdAt);
    }
}
