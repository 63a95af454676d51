package jp.kyoso.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "AuditEntry", description = "One recorded change: who, when, what, before and after")
public record AuditEntryView(
        UUID id,
        String municipalityCode,
        UUID actorId,
        String actorName,
        OffsetDateTime occurredAt,
        @Schema(examples = "organization.update") String action,
        @Schema(examples = "organization") String entityType,
        String entityId,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, nullable = true) JsonNode before,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, nullable = true) JsonNode after) {
}
