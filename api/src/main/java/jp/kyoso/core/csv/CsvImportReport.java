package jp.kyoso.core.csv;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an accepted CSV import did. */
@Schema(name = "CsvImportReport", description = "The outcome of an accepted CSV import (a rejected one changes nothing)")
public record CsvImportReport(
        @Schema(description = "Data rows read from the file") int rows,
        @Schema(description = "Records the file added") int created,
        @Schema(description = "Records the file changed") int changed,
        @Schema(description = "Records removed because the file no longer holds them") int deleted,
        @Schema(description = "Records the file left as they were") int unchanged,
        @Schema(description = "The character set the file was read in", examples = "UTF-8") String charset) {
}
