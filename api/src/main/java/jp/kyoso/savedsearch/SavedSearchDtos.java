package jp.kyoso.savedsearch;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.kyoso.listing.ListingCategory;
import jp.kyoso.theme.Theme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class SavedSearchDtos {

    private SavedSearchDtos() {
    }

    @Schema(name = "SavedSearchWrite", description = "A listing search (kind HAVE or NEED, category, theme, area, q) "
            + "or an event search (kind an event kind, theme, area, q) of one municipality, to be told of new matches")
    public record SavedSearchWrite(
            @NotNull SavedSearchTarget target,
            @NotNull @Size(max = 6) @Pattern(regexp = "[0-9]{6}") String municipalityCode,
            @Schema(description = "What to call it; made from the criteria when absent") @Size(max = 100) String name,
            @Schema(description = "Text as in the search (every term must match)") @Size(max = 200) String q,
            @Schema(description = "LISTING: HAVE or NEED (ListingKind); EVENT: an EventKind") @Size(max = 40) String kind,
            @Schema(description = "LISTING only") ListingCategory category,
            Theme theme,
            @Schema(description = "An area of the municipality; its sub-areas match too") UUID areaId) {
    }

    @Schema(name = "SavedSearch", description = "A saved search of the signed-in person")
    public record SavedSearchView(
            UUID id,
            String municipalityCode,
            SavedSearchTarget target,
            String targetLabel,
            String name,
            @Schema(nullable = true) String q,
            @Schema(nullable = true) String kind,
            @Schema(nullable = true) String kindLabel,
            @Schema(nullable = true) ListingCategory category,
            @Schema(nullable = true) String categoryLabel,
            @Schema(nullable = true) Theme theme,
            @Schema(nullable = true) String themeLabel,
            @Schema(nullable = true) UUID areaId,
            OffsetDateTime createdAt) {
    }
}
