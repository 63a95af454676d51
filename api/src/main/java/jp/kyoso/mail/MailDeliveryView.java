package jp.kyoso.mail;

import jp.kyoso.core.outbox.OutboxStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One mail as staff see it in the deliveries view: the recipient's address is masked (the local
 * part past its first character), the subject and where delivery stands.
 */
public record MailDeliveryView(UUID id, @Schema(nullable = true) String recipient, String subject, OutboxStatus status,
                               int attempts, @Schema(nullable = true) String lastError, OffsetDateTime createdAt,
                               @Schema(description = "When it is (or was) next tried") OffsetDateTime nextAttemptAt,
                               @Schema(nullable = true) OffsetDateTime sentAt) {
}
