package jp.kyoso.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class WebhookDtos {

    private WebhookDtos() {
    }

    @Schema(name = "WebhookWrite", description = "An endpoint as registered or replaced")
    public record WebhookWrite(
            @NotBlank @Size(max = 2000) @Schema(description = "Where events are POSTed: an https URL whose host resolves "
                    + "to public addresses only", example = "https://integration.example.jp/kyoso/webhooks") String url,
            @Size(max = 500) @Schema(nullable = true) String description,
            @NotNull @Size(min = 1, max = 20) @Schema(description = "Event types to receive: listing.created, "
                    + "listing.updated, listing.closed, match.proposed, match.accepted, match.declined, match.fulfilled, "
                    + "project.stage_changed, event.published, event.cancelled, plan.published, indicator.values_changed")
            List<@NotBlank @Size(max = 60) String> eventTypes,
            @Schema(nullable = true, description = "False pauses deliveries; true (the default) turns a disabled "
                    + "endpoint back on and forgets its failures") Boolean enabled) {
    }

    @Schema(name = "Webhook", description = "A registered endpoint (its secret is shown only when created or rotated)")
    public record WebhookView(
            UUID id,
            String municipalityCode,
            @Schema(nullable = true, description = "The owning organisation; null for the municipality's own endpoint")
            UUID organizationId,
            String url,
            @Schema(nullable = true) String description,
            List<String> eventTypes,
            boolean enabled,
            @Schema(nullable = true, description = "Why it was disabled (after sustained failure)") String disabledReason,
            @Schema(nullable = true) OffsetDateTime disabledAt,
            @Schema(description = "Failed attempts in a row") int consecutiveFailures,
            @Schema(nullable = true, description = "Since when it has failed without a success in between")
            OffsetDateTime failingSince,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "WebhookWithSecret", description = "An endpoint with its signing secret, shown this once "
            + "(when registered and when rotated)")
    public record WebhookWithSecret(
            UUID id,
            String municipalityCode,
            @Schema(nullable = true) UUID organizationId,
            String url,
            @Schema(nullable = true) String description,
            List<String> eventTypes,
            boolean enabled,
            @Schema(nullable = true) String disabledReason,
            @Schema(nullable = true) OffsetDateTime disabledAt,
            int consecutiveFailures,
            @Schema(nullable = true) OffsetDateTime failingSince,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            @Schema(description = "whsec_ followed by the base64 of the key: keep it, it is not shown again",
                    example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

        static WebhookWithSecret of(WebhookView v, String secret) {
            return new WebhookWithSecret(v.id(), v.municipalityCode(), v.organizationId(), v.url(), v.description(),
                    v.eventTypes(), v.enabled(), v.disabledReason(), v.disabledAt(), v.consecutiveFailures(),
                    v.failingSince(), v.version(), v.createdAt(), v.updatedAt(), secret);
        }
    }

    @Schema(name = "WebhookDelivery", description = "One event sent to an endpoint and how its attempts went")
    public record DeliveryView(
            UUID id,
            @Schema(description = "The event's id: the webhook-id header and the body's id") String eventId,
            String eventType,
            DeliveryStatus status,
            String statusLabel,
            int attempts,
            @Schema(nullable = true) OffsetDateTime lastAttemptAt,
            @Schema(nullable = true, description = "The endpoint's HTTP status at the last attempt") Integer lastStatusCode,
            @Schema(nullable = true, description = "Why the last attempt failed") String lastError,
            @Schema(nullable = true) OffsetDateTime deliveredAt,
            OffsetDateTime createdAt) {
    }
}
