package jp.kyoso.core.fiscal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A fiscal year with its label in the response language. */
@Schema(name = "FiscalYear", description = "A fiscal year (年度, 1 April – 31 March) and its label")
public record FiscalYearView(
        @Schema(description = "The calendar year the fiscal year starts in", examples = "2024") int fiscalYear,
        @Schema(description = "令和6年度 (ja) or FY2024 (en), by Accept-Language", examples = "令和6年度") String fiscalYearLabel) {
}
