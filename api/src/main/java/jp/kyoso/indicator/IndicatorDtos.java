package jp.kyoso.indicator;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.kyoso.event.EventKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Indicators as clients read and write them. */
public final class IndicatorDtos {

    private IndicatorDtos() {
    }

    @Schema(name = "IndicatorBaseline", description = "The baseline: the one fiscal year the indicator is measured from")
    public record BaselineView(int fiscalYear, String fiscalYearLabel, BigDecimal value) {
    }

    @Schema(name = "IndicatorActual", description = "An actual value of a fiscal year")
    public record ActualView(int fiscalYear, String fiscalYearLabel, BigDecimal value,
                             @Schema(nullable = true) String note,
                             @Schema(nullable = true, description = "The date the figure was taken or published") LocalDate sourceDate) {
    }

    @Schema(name = "IndicatorTarget", description = "A target of a fiscal year")
    public record TargetView(int fiscalYear, String fiscalYearLabel, BigDecimal value,
                             @Schema(nullable = true, description = "Achievement of the latest actual against this target, in percent: "
                                     + "(actual − baseline) / (target − baseline) × 100, one decimal, half-up; null without baseline or actual")
                             BigDecimal achievement) {
    }

    @Schema(name = "IndicatorAssessment", description = "What the status was judged on")
    public record AssessmentView(
            @Schema(description = "The latest actual after the baseline year") int fiscalYear,
            String fiscalYearLabel,
            BigDecimal actual,
            @Schema(nullable = true, description = "The next target: the first in or after that year, else the last") Integer targetFiscalYear,
            @Schema(nullable = true) String targetFiscalYearLabel,
            @Schema(nullable = true) BigDecimal target,
            @Schema(nullable = true, description = "What the straight line from the baseline to the next target expects in that year "
                    + "(MAINTAIN: the baseline)") BigDecimal expected) {
    }

    @Schema(name = "IndicatorYear", description = "One fiscal year of the chart series (every year from the first to the last with figures)")
    public record SeriesPoint(int fiscalYear, String fiscalYearLabel,
                              @Schema(nullable = true) BigDecimal baseline,
                              @Schema(nullable = true) BigDecimal target,
                              @Schema(nullable = true) BigDecimal actual,
                              @Schema(nullable = true, description = "The line from the baseline to the next target (MAINTAIN: the baseline)")
                              BigDecimal expected) {
    }

    @Schema(name = "IndicatorValue", description = "The stored figures of one fiscal year")
    public record ValueView(int fiscalYear, String fiscalYearLabel,
                            @Schema(nullable = true) BigDecimal baseline,
                            @Schema(nullable = true) BigDecimal target,
                            @Schema(nullable = true) BigDecimal actual,
                            @Schema(nullable = true) String note,
                            @Schema(nullable = true) LocalDate sourceDate) {
    }

    @Schema(name = "IndicatorComputation", description = "How a computed indicator (source PLATFORM) derives its "
            + "actuals: a figure of the participation funnel per fiscal year, from the events of the given kinds and areas")
    public record ComputedView(
            ComputedFrom from,
            String fromLabel,
            ComputedMeasure measure,
            String measureLabel,
            @Schema(description = "Kinds of events counted; empty: every kind") List<EventKind> kinds,
            List<String> kindLabels,
            @Schema(description = "Areas the events counted are for, sub-areas included; empty: every event") List<UUID> areaIds,
            @Schema(description = "The current fiscal year, still running: not an actual yet") int runningFiscalYear,
            String runningFiscalYearLabel,
            @Schema(description = "The current fiscal year's figure so far") BigDecimal runningValue) {
    }

    @Schema(name = "IndicatorComputationWrite", description = "Makes an indicator computed: its actuals are derived "
            + "from Kyoso's records and cannot be typed (requires source PLATFORM)")
    public record ComputedWrite(
            @NotNull ComputedFrom from,
            @NotNull ComputedMeasure measure,
            @Size(max = 8) List<@NotNull EventKind> kinds,
            @Size(max = 100) List<@NotNull UUID> areaIds) {
    }

    @Schema(name = "Indicator", description = "成果指標 with its figures by fiscal year and its computed status")
    public record IndicatorView(
            UUID id,
            String municipalityCode,
            IndicatorOwnerType ownerType,
            String ownerTypeLabel,
            @Schema(nullable = true, description = "The owning plan; null for the municipality's own indicator") UUID planId,
            @Schema(description = "Plan items (推進項目) it measures") List<UUID> planItemIds,
            String name,
            @Schema(examples = "%") String unit,
            Direction direction,
            String directionLabel,
            IndicatorSource source,
            String sourceLabel,
            @Schema(nullable = true) String definition,
            @Schema(nullable = true, description = "Set for a computed indicator (source PLATFORM): its actuals are derived, not typed")
            ComputedView computed,
            int decimals,
            @Schema(nullable = true, description = "MAINTAIN: allowed distance from the baseline, in the unit") BigDecimal tolerance,
            int sortOrder,
            @Schema(nullable = true) BaselineView baseline,
            List<TargetView> targets,
            List<ActualView> actuals,
            IndicatorStatus status,
            String statusLabel,
            @Schema(nullable = true, description = "Null when the status is NO_DATA for want of an actual") AssessmentView assessment,
            List<SeriesPoint> series,
            List<ValueView> values,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "IndicatorCreate", description = "A new indicator")
    public record IndicatorCreate(
            @Schema(nullable = true, description = "The owning plan (of this municipality); omit for the municipality's own") UUID planId,
            @Size(max = 100) List<@NotNull UUID> planItemIds,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 20) String unit,
            @NotNull Direction direction,
            @NotNull IndicatorSource source,
            @Size(max = 4000) String definition,
            @Valid @Schema(nullable = true, description = "Required with source PLATFORM, refused otherwise") ComputedWrite computed,
            @Min(0) @Max(4) Integer decimals,
            @DecimalMin("0") @DecimalMax("999999999999") @Schema(nullable = true) BigDecimal tolerance,
            @Min(0) @Max(100_000) Integer sortOrder) {
    }

    @Schema(name = "IndicatorUpdate", description = "An indicator as replaced (the owner cannot change)")
    public record IndicatorUpdate(
            @Size(max = 100) List<@NotNull UUID> planItemIds,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 20) String unit,
            @NotNull Direction direction,
            @NotNull IndicatorSource source,
            @Size(max = 4000) String definition,
            @Valid @Schema(nullable = true, description = "Required with source PLATFORM, refused otherwise") ComputedWrite computed,
            @Min(0) @Max(4) Integer decimals,
            @DecimalMin("0") @DecimalMax("999999999999") @Schema(nullable = true) BigDecimal tolerance,
            @Min(0) @Max(100_000) Integer sortOrder) {
    }

    /**
     * The figures of one fiscal year as sent. Not a record: a field left out must be told apart
     * from a field sent as null (which clears it), so each setter notes that its field was sent.
     */
    @Schema(name = "IndicatorValueWrite", description = "Figures of one fiscal year: a field left out stays as it is, "
            + "null clears it. At most one fiscal year holds the baseline.")
    public static final class ValueWrite {

        @Schema(nullable = true) public BigDecimal baseline;
        @Schema(nullable = true) public BigDecimal target;
        @Schema(nullable = true) public BigDecimal actual;
        @Schema(nullable = true, maxLength = 2000) public String note;
        @Schema(nullable = true, description = "The date the figure was taken or published") public LocalDate sourceDate;

        @JsonIgnore
        @Schema(hidden = true)
        private final Set<String> sent = new HashSet<>();

        @JsonSetter("baseline")
        void baseline(BigDecimal value) {
            baseline = value;
            sent.add("baseline");
        }

        @JsonSetter("target")
        void target(BigDecimal value) {
            target = value;
            sent.add("target");
        }

        @JsonSetter("actual")
        void actual(BigDecimal value) {
            actual = value;
            sent.add("actual");
        }

        @JsonSetter("note")
        void note(String value) {
            note = value;
            sent.add("note");
        }

        @JsonSetter("sourceDate")
        void sourceDate(LocalDate value) {
            sourceDate = value;
            sent.add("sourceDate");
        }

        /** Whether the field was in the request (possibly as null). */
        public boolean sent(String field) {
            return sent.contains(field);
        }
    }
}
