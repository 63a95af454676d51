package jp.kyoso.opendata;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

public final class OpenDataDtos {

    private OpenDataDtos() {
    }

    @Schema(name = "OpenDataLicense", description = "The licence the files are published under")
    public record LicenseView(@Schema(examples = "CC BY 4.0") String name,
                              @Schema(nullable = true, examples = "https://creativecommons.org/licenses/by/4.0/deed.ja")
                              String url) {
    }

    @Schema(name = "OpenDataDistribution", description = "One file of a dataset")
    public record DistributionView(@Schema(examples = "CSV") String format,
                                   @Schema(examples = "text/csv") String mediaType,
                                   @Schema(description = "Absolute download address") String url) {
    }

    @Schema(name = "OpenDataset", description = "A dataset Kyoso publishes for the municipality")
    public record DatasetView(
            @Schema(description = "A stable key of the dataset", examples = "events") String id,
            String title,
            String description,
            LicenseView license,
            @Schema(nullable = true, description = "When its data last changed; null while it is empty") OffsetDateTime modified,
            List<DistributionView> distributions) {
    }

    @Schema(name = "OpenDataCatalog", description = "The open-data catalog of a municipality")
    public record CatalogView(String municipalityCode, String title, String publisher, LicenseView license,
                              List<DatasetView> items) {
    }

    @Schema(name = "OpenDataSettings", description = "A municipality's open-data licence and the sites that may frame its embeds")
    public record SettingsView(
            String municipalityCode,
            LicenseView license,
            @Schema(description = "Whether the licence is the default (CC BY 4.0)") boolean defaultLicense,
            @Schema(description = "https origins allowed to frame the embed pages (CSP frame-ancestors)")
            List<String> embedOrigins,
            long version,
            @Schema(nullable = true) OffsetDateTime updatedAt) {
    }

    @Schema(name = "OpenDataSettingsWrite", description = "Replaces the settings; a null or blank licence name "
            + "restores CC BY 4.0")
    public record SettingsWrite(
            @Schema(nullable = true) @Size(max = 200) String licenseName,
            @Schema(nullable = true, description = "An https address") @Size(max = 500) String licenseUrl,
            @Schema(nullable = true, description = "https origins such as https://www.city.example.lg.jp; none: "
                    + "no site may frame the embeds")
            @Size(max = 20) List<@Size(max = 200) String> embedOrigins) {
    }
}
