package jp.kyoso.statistics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.kyoso.listing.ListingKind;
import jp.kyoso.plan.PlanDtos.ProgressFigures;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class StatisticsDtos {

    private StatisticsDtos() {
    }

    @Schema(name = "AgeBand", description = "Residents of one five-year age band by sex (null where not given)")
    public record BandView(
            @Schema(description = "The band: 0-4 … 80-84, 85+", examples = "65-69") String band,
            @Schema(description = "The band as the standard names it", examples = "65-69歳") String label,
            @Schema(nullable = true) Integer male,
            @Schema(nullable = true) Integer female) {
    }

    @Schema(name = "AreaStatistic", description = "An area's (or the whole municipality's) figures at one survey date")
    public record StatisticView(
            @Schema(nullable = true, description = "The area; null for the municipality as a whole") UUID areaId,
            @Schema(nullable = true, description = "The 地域コード the imported file gave") String areaCode,
            @Schema(description = "The area's name, or the municipality's for the whole") String areaName,
            LocalDate surveyDate,
            @Schema(description = "Residents (総人口)") int population,
            @Schema(nullable = true) Integer male,
            @Schema(nullable = true) Integer female,
            @Schema(nullable = true) Integer households,
            @Schema(nullable = true, description = "Share aged 65 or over in percent, computed from the bands of both sexes",
                    examples = "38.2") BigDecimal aged65Share,
            @Schema(description = "The 18 bands 0-4 … 85+, empty when the file gave none") List<BandView> bands,
            @Schema(nullable = true) String note) {
    }

    @Schema(name = "AreaStatistics", description = "An area's statistics over time, oldest survey first")
    public record AreaStatisticsView(UUID areaId, String areaName, String municipalityCode,
                                     List<StatisticView> series) {
    }

    @Schema(name = "MunicipalityStatistics",
            description = "A municipality's statistics: its own series and the latest survey of each area")
    public record MunicipalityStatisticsView(
            String municipalityCode,
            @Schema(description = "The municipality as a whole, oldest survey first") List<StatisticView> series,
            @Schema(description = "Each area's latest survey, in area order") List<StatisticView> areas,
            @Schema(description = "Every survey date held, oldest first") List<LocalDate> surveyDates,
            long version,
            @Schema(nullable = true) OffsetDateTime updatedAt) {
    }

    @Schema(name = "ProjectionValue", description = "A projected value for a year")
    public record ValueView(int year, BigDecimal value) {
    }

    @Schema(name = "ProjectionScenario", description = "A named population projection with its source and note")
    public record ScenarioView(String name, @Schema(nullable = true) String source, @Schema(nullable = true) String note,
                               @Schema(description = "Yearly values, in year order") List<ValueView> values) {
    }

    @Schema(name = "Projections", description = "A municipality's population projections (将来人口推計・展望)")
    public record ProjectionsView(String municipalityCode, List<ScenarioView> scenarios, long version,
                                  @Schema(nullable = true) OffsetDateTime updatedAt) {
    }

    @Schema(name = "ProjectionValueWrite")
    public record ValueWrite(@NotNull @Min(1900) @Max(2200) Integer year,
                             @NotNull @DecimalMin("0") @DecimalMax("999999999999") BigDecimal value) {
    }

    @Schema(name = "ProjectionScenarioWrite")
    public record ScenarioWrite(@NotBlank @Size(max = 100) String name, @Size(max = 300) String source,
                                @Size(max = 2000) String note,
                                @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid ValueWrite> values) {
    }

    @Schema(name = "ProjectionsWrite", description = "The projections as replaced, scenarios in display order")
    public record ProjectionsWrite(@NotNull @Size(max = 20) List<@NotNull @Valid ScenarioWrite> scenarios) {
    }

    @Schema(name = "ActivityCount", description = "How many records of one value (a type, bond, category or stage)")
    public record ActivityCount(
            @Schema(description = "The value, as the list's filter takes it", examples = "NPO") String value,
            String label,
            long count) {
    }

    @Schema(name = "ActivityListings", description = "Open haves or needs of the area by category")
    public record ActivityListings(ListingKind kind, String kindLabel, long total, List<ActivityCount> byCategory) {
    }

    @Schema(name = "ActivityEventsYear", description = "Events held for the area in one fiscal year and their "
            + "participants, as the participation funnel counts them")
    public record ActivityEventsYear(int fiscalYear, String fiscalYearLabel, long eventsHeld, long registrations,
                                     long attendees, long headcount) {
    }

    @Schema(name = "ActivityPlan", description = "A published plan for the area (or a sub-area) and its progress "
            + "in the plan's current fiscal year")
    public record ActivityPlan(UUID planId, String title, UUID areaId,
                               @Schema(nullable = true) String areaName,
                               int fiscalYear, String fiscalYearLabel, ProgressFigures progress) {
    }

    @Schema(name = "AreaActivity", description = "Kyoso's own activity in an area and its sub-areas, as the public "
            + "sees it (city-wide records are not counted)")
    public record AreaActivityView(
            UUID areaId,
            String areaName,
            String municipalityCode,
            @Schema(description = "Sub-areas counted with the area") int subAreas,
            @Schema(description = "ACTIVE organisations active in the area") long organizations,
            List<ActivityCount> organizationsByType,
            List<ActivityCount> organizationsByBond,
            ActivityListings haves,
            ActivityListings needs,
            @Schema(description = "Published projects") long projects,
            List<ActivityCount> projectsByStage,
            @Schema(description = "Fiscal years with events held, oldest first") List<ActivityEventsYear> events,
            List<ActivityPlan> plans) {
    }
}
