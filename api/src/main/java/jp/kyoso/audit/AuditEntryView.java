package jp.kyoso.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "AuditEntry", description = "One recorded change: who, when, what, before and after")
public record AuditEntryView(
        UUID id,
        @Schema(nullable = true) String municipalityCode,
        @Schema(nullable = true) UUID actorId,
        @Schema(nullable = true) String actorName,
        OffsetDateTime occurredAt,
        @Schema(examples = "organization.update") String action,
        @Schema(examples = "organization") String entityType,
        String entityId,
        // AuditState (defined in ContractFilter) is a free-form object or null: left to the
        // generator, the contract described Jackson's JsonNode class itself (isArray, isNumber ...).
        @Schema(ref = "AuditState") JsonNode before,
        @Schema(ref = "AuditState") JsonNode after) {
}
