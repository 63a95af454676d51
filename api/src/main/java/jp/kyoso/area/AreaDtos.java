package jp.kyoso.area;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class AreaDtos {

    private AreaDtos() {
    }

    @Schema(name = "AreaProfile", description = "Simple area profile figures (地域カルテ), as of a date")
    public record AreaProfile(
            @Schema(nullable = true, description = "Residents") Integer population,
            @Schema(nullable = true, description = "Share of residents aged 65 or over, in percent", examples = "33.4") BigDecimal aged65Share,
            @Schema(nullable = true) Integer households,
            @Schema(nullable = true, description = "Date the figures describe") LocalDate asOf) {
    }

    @Schema(name = "Liaison", description = "An area liaison officer (地域担当職員)")
    public record LiaisonView(UUID id, UUID userId, @Schema(nullable = true) String name, LiaisonRole role,
                              String roleLabel,
                              LocalDate startsOn, @Schema(nullable = true) LocalDate endsOn) {
    }

    @Schema(name = "Area")
    public record AreaView(
            UUID id,
            String municipalityCode,
            @Schema(nullable = true) UUID parentId,
            @Schema(description = "Depth in the tree, 0 for top-level areas") int depth,
            AreaKind kind,
            String kindLabel,
            String name,
            @Schema(nullable = true) String nameKana,
            AreaProfile profile,
            int sortOrder,
            List<LiaisonView> liaisons,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "AreaWrite", description = "An area as created or replaced")
    public record AreaWrite(
            @Schema(nullable = true, description = "Parent area; null for a top-level area") UUID parentId,
            @NotNull AreaKind kind,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 200) String nameKana,
            @Min(0) @Max(100_000_000) Integer population,
            @DecimalMin("0.0") @DecimalMax("100.0") BigDecimal aged65Share,
            @Min(0) @Max(100_000_000) Integer households,
            LocalDate profileAsOf,
            @Min(0) @Max(100_000) Integer sortOrder) {
    }

    @Schema(name = "LiaisonWrite", description = "Assign a staff member of the municipality to an area")
    public record LiaisonWrite(@NotNull UUID userId, @NotNull LiaisonRole role, @NotNull LocalDate startsOn,
                               LocalDate endsOn) {
    }
}
