package jp.kyoso.listing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.kyoso.organization.OrganizationDtos.Contact;
import jp.kyoso.theme.Theme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class ListingDtos {

    private ListingDtos() {
    }

    @Schema(name = "Listing", description = "A have or need (有る・無い) of an organisation")
    public record ListingView(
            UUID id,
            String municipalityCode,
            UUID organizationId,
            String organizationName,
            ListingKind kind,
            String kindLabel,
            ListingCategory category,
            String categoryLabel,
            String title,
            @Schema(nullable = true) String description,
            List<Theme> themes,
            @Schema(description = "Areas it is for; empty means city-wide") List<UUID> areaIds,
            boolean cityWide,
            @Schema(nullable = true, description = "How many, if it is counted") Integer quantity,
            @Schema(nullable = true, description = "What accepted matches have not yet taken") Integer quantityRemaining,
            @Schema(nullable = true, examples = "台") String unit,
            @Schema(nullable = true) LocalDate availableFrom,
            @Schema(nullable = true) LocalDate availableUntil,
            @Schema(description = "EXPIRED when an OPEN listing's window has ended") ListingStatus status,
            String statusLabel,
            @Schema(nullable = true, description = "Present only for members of the organisation, staff of the "
                    + "municipality and the other side of an accepted match") Contact contact,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "ListingWrite", description = "A have or need as created or replaced")
    public record ListingWrite(
            @NotNull @Schema(description = "Fixed once created") ListingKind kind,
            @NotNull ListingCategory category,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @Size(max = 20) List<@NotNull Theme> themes,
            @Schema(description = "Areas it is for; empty or absent means city-wide")
            @Size(max = 100) List<@NotNull UUID> areaIds,
            @Min(1) @Max(1_000_000) Integer quantity,
            @Size(max = 20) String unit,
            LocalDate availableFrom,
            LocalDate availableUntil,
            @Valid Contact contact) {
    }
}
