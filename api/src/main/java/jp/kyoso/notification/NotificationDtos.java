package jp.kyoso.notification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class NotificationDtos {

    private NotificationDtos() {
    }

    @Schema(name = "Notification", description = "An entry of the signed-in user's inbox")
    public record NotificationView(
            UUID id,
            NotificationKind kind,
            String kindLabel,
            @Schema(description = "The message in the request language") String message,
            @Schema(nullable = true) String municipalityCode,
            @Schema(nullable = true) UUID matchId,
            @Schema(nullable = true) UUID listingId,
            @Schema(nullable = true) UUID projectId,
            @Schema(nullable = true, description = "The organisation on the other side") UUID organizationId,
            boolean read,
            OffsetDateTime createdAt,
            @Schema(nullable = true) OffsetDateTime readAt) {
    }

    @Schema(name = "NotificationSummary", description = "How many notifications the signed-in user has not read")
    public record UnreadCount(long unread) {
    }
}
