package jp.kyoso.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.kyoso.core.fiscal.FiscalYearView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Plans as clients read and write them. */
public final class PlanDtos {

    private PlanDtos() {
    }

    @Schema(name = "Plan", description = "A plan (地域づくり計画 / 推進プラン). Its editors read the working draft; "
            + "everyone else reads the latest published version.")
    public record PlanView(
            UUID id,
            String municipalityCode,
            PlanOwnerType ownerType,
            String ownerTypeLabel,
            @Schema(nullable = true, description = "The owning community council; null for the municipality's own plan") UUID organizationId,
            @Schema(description = "The community council's or the municipality's name") String ownerName,
            @Schema(nullable = true, description = "The area it covers; null for the whole city") UUID areaId,
            @Schema(nullable = true) String areaName,
            String title,
            @Schema(nullable = true, description = "目指す姿") String vision,
            @Schema(nullable = true) String description,
            int startFiscalYear,
            String startFiscalYearLabel,
            int endFiscalYear,
            String endFiscalYearLabel,
            @Schema(description = "Every fiscal year of the plan, with labels") List<FiscalYearView> fiscalYears,
            PlanStatus status,
            String statusLabel,
            @Schema(nullable = true, description = "Number of the latest published version; null until first published") Integer latestVersion,
            @Schema(nullable = true, description = "When the latest version was published") OffsetDateTime publishedAt,
            @Schema(description = "True when this shows the editors' working draft, false when it shows the latest published version") boolean draft,
            @Schema(description = "The working draft differs from the latest published version (always false for non-editors)") boolean unpublishedChanges,
            @Schema(description = "The caller may edit this plan") boolean canEdit,
            @Schema(description = "The ETag of the plan; item, status and import writes need it in If-Match") long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "PlanCreate", description = "A new plan, as a draft")
    public record PlanCreate(
            @Schema(nullable = true, description = "The owning community council (COMMUNITY_COUNCIL organisation of this municipality); omit for the municipality's own plan")
            UUID organizationId,
            @Schema(nullable = true, description = "The area it covers; omit for the whole city") UUID areaId,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String vision,
            @Size(max = 8000) String description,
            @NotNull @Min(1900) @Max(2200) Integer startFiscalYear,
            @NotNull @Min(1900) @Max(2200) Integer endFiscalYear) {
    }

    @Schema(name = "PlanUpdate", description = "A plan's text, area and span as replaced (the owner cannot change)")
    public record PlanUpdate(
            @Schema(nullable = true) UUID areaId,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String vision,
            @Size(max = 8000) String description,
            @NotNull @Min(1900) @Max(2200) Integer startFiscalYear,
            @NotNull @Min(1900) @Max(2200) Integer endFiscalYear) {
    }

    @Schema(name = "PlanItemStatusOfYear", description = "A leaf item's status in one fiscal year")
    public record ItemYearStatus(
            int fiscalYear,
            String fiscalYearLabel,
            @Schema(nullable = true, description = "The recorded status; null when none is recorded (counts as NOT_STARTED)") ItemStatus status,
            @Schema(nullable = true) String statusLabel) {
    }

    @Schema(name = "PlanItem", description = "A node of a plan's item tree")
    public record PlanItemView(
            UUID id,
            UUID planId,
            @Schema(nullable = true) UUID parentItemId,
            @Schema(examples = "I-(1)-①") String code,
            String title,
            @Schema(nullable = true) String description,
            @Schema(description = "Depth in the tree, 0 at the top") int depth,
            @Schema(description = "Position among its siblings, from 0") int position,
            @Schema(description = "A leaf carries statuses; an item with children does not") boolean leaf,
            @Schema(description = "For leaves: every fiscal year of the plan; empty for items with children") List<ItemYearStatus> statuses) {
    }

    @Schema(name = "PlanItemTree", description = "A plan's items in tree order (depth first)")
    public record PlanItemsView(
            UUID planId,
            @Schema(nullable = true, description = "The published version shown; null for the working draft") Integer versionNumber,
            List<FiscalYearView> fiscalYears,
            List<PlanItemView> items) {
    }

    @Schema(name = "PlanItemWrite", description = "An item as created or replaced")
    public record PlanItemWrite(
            @Schema(nullable = true, description = "The parent item; null for a top-level item") UUID parentItemId,
            @Schema(nullable = true, description = "Unique in the plan; generated in the I / I-(1) / I-(1)-① style when omitted on create")
            @Size(max = 40) String code,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 4000) String description,
            @Schema(nullable = true, description = "Position among the siblings, from 0; last when omitted")
            @Min(0) @Max(10_000) Integer position) {
    }

    @Schema(name = "PlanStatusChange", description = "One leaf item's status in one fiscal year; null clears it")
    public record StatusChange(
            @NotNull UUID itemId,
            @NotNull Integer fiscalYear,
            @Schema(nullable = true) ItemStatus status) {
    }

    /**
     * Up to 5,000 changes. Their elements are checked by the service, not by bean validation, which
     * would cost a violation object per bad field (see {@link PlanStatuses#set}).
     */
    @Schema(name = "PlanStatusChanges", description = "Statuses to set in one transaction: all or none")
    public record StatusChanges(@NotNull @Size(min = 1, max = 5000) List<StatusChange> statuses) {
    }

    @Schema(name = "PlanStatusCounts", description = "Number of leaf items in each status",
            requiredProperties = {"NOT_STARTED", "UNDER_STUDY", "PARTLY_DONE", "ONGOING", "DONE"})
    public record StatusCounts(
            @JsonProperty("NOT_STARTED") int notStarted,
            @JsonProperty("UNDER_STUDY") int underStudy,
            @JsonProperty("PARTLY_DONE") int partlyDone,
            @JsonProperty("ONGOING") int ongoing,
            @JsonProperty("DONE") int done) {

        static StatusCounts of(PlanProgress.Figures f) {
            return new StatusCounts(f.count(ItemStatus.NOT_STARTED), f.count(ItemStatus.UNDER_STUDY),
                    f.count(ItemStatus.PARTLY_DONE), f.count(ItemStatus.ONGOING), f.count(ItemStatus.DONE));
        }
    }

    @Schema(name = "PlanStatusPercents", description = "Share of leaf items in each status, in percent, one decimal, rounded half-up",
            requiredProperties = {"NOT_STARTED", "UNDER_STUDY", "PARTLY_DONE", "ONGOING", "DONE"})
    public record StatusPercents(
            @JsonProperty("NOT_STARTED") BigDecimal notStarted,
            @JsonProperty("UNDER_STUDY") BigDecimal underStudy,
            @JsonProperty("PARTLY_DONE") BigDecimal partlyDone,
            @JsonProperty("ONGOING") BigDecimal ongoing,
            @JsonProperty("DONE") BigDecimal done) {

        static StatusPercents of(PlanProgress.Figures f) {
            return new StatusPercents(f.percent(ItemStatus.NOT_STARTED), f.percent(ItemStatus.UNDER_STUDY),
                    f.percent(ItemStatus.PARTLY_DONE), f.percent(ItemStatus.ONGOING), f.percent(ItemStatus.DONE));
        }
    }

    @Schema(name = "PlanProgressFigures", description = "Leaf items under a node (or the whole plan) and their statuses")
    public record ProgressFigures(int total, StatusCounts counts, StatusPercents percents) {
    }

    @Schema(name = "PlanProgressNode", description = "The progress figures of one item (its leaves; a leaf counts itself)")
    public record ProgressNode(UUID itemId, @Schema(nullable = true) UUID parentItemId, String code, String title,
                               int depth, boolean leaf, int total, StatusCounts counts, StatusPercents percents) {
    }

    @Schema(name = "PlanProgressNodeOfYear", description = "One item's figures in one fiscal year of the trend")
    public record ProgressNodeOfYear(UUID itemId, int total, StatusCounts counts, StatusPercents percents) {
    }

    @Schema(name = "PlanProgressYear", description = "The figures of one fiscal year, for the trend")
    public record ProgressYear(int fiscalYear, String fiscalYearLabel, ProgressFigures overall,
                               List<ProgressNodeOfYear> nodes) {
    }

    @Schema(name = "PlanStatusLegend", description = "A status and its label, in the order charts stack them")
    public record StatusLegend(ItemStatus status, String label) {
    }

    @Schema(name = "PlanProgress", description = "The progress table of a fiscal year, per node (tree order) and overall, "
            + "with the same figures for every fiscal year of the plan")
    public record ProgressView(
            UUID planId,
            @Schema(nullable = true, description = "The published version counted; null for the working draft") Integer versionNumber,
            int fiscalYear,
            String fiscalYearLabel,
            ProgressFigures overall,
            List<ProgressNode> nodes,
            @Schema(description = "Every fiscal year of the plan, oldest first") List<ProgressYear> series,
            List<StatusLegend> statuses) {
    }

    @Schema(name = "PlanPublish", description = "Optional note on what this version changed (見直しの内容)")
    public record PublishRequest(@Size(max = 2000) String note) {
    }

    @Schema(name = "PlanVersionSummary", description = "A published version of a plan")
    public record VersionSummary(
            UUID planId,
            int number,
            OffsetDateTime publishedAt,
            @Schema(nullable = true, description = "Who published it; shown to the plan's editors only") UUID publishedBy,
            @Schema(nullable = true, description = "Their name; shown to the plan's editors only") String publishedByName,
            @Schema(nullable = true) String note) {
    }

    @Schema(name = "PlanVersion", description = "A published version: the plan as it was, its item tree and statuses")
    public record VersionView(
            VersionSummary version,
            PlanView plan,
            PlanItemsView items) {
    }

    @Schema(name = "PlanFieldChange", description = "A field that differs between two versions")
    public record FieldChange(String field, @Schema(nullable = true) String before, @Schema(nullable = true) String after) {
    }

    @Schema(name = "PlanItemRef", description = "An item added or removed")
    public record ItemRef(UUID itemId, @Schema(nullable = true) UUID parentItemId, String code, String title) {
    }

    @Schema(name = "PlanItemChange", description = "An item present in both versions whose fields differ "
            + "(code, title, description, parentItemId, position)")
    public record ItemChange(UUID itemId, String code, String title, List<FieldChange> changes) {
    }

    @Schema(name = "PlanStatusDiff", description = "A status that differs between two versions")
    public record StatusDiff(UUID itemId, String code, int fiscalYear, String fiscalYearLabel,
                             @Schema(nullable = true) ItemStatus before, @Schema(nullable = true) ItemStatus after) {
    }

    @Schema(name = "PlanDiff", description = "What changed from one version of a plan to another")
    public record DiffView(
            UUID planId,
            @Schema(description = "The older version") int from,
            @Schema(nullable = true, description = "The newer version; null for the working draft") Integer to,
            List<FieldChange> fields,
            List<ItemRef> addedItems,
            List<ItemRef> removedItems,
            List<ItemChange> changedItems,
            List<StatusDiff> statuses) {
    }

    @Schema(name = "PlanReview", description = "ふりかえり: an evaluation of one fiscal year of a plan")
    public record ReviewView(
            UUID id,
            UUID planId,
            int fiscalYear,
            String fiscalYearLabel,
            ReviewKind kind,
            String kindLabel,
            @Schema(nullable = true, description = "Who evaluated (役員会, 第三者評価委員会 …)") String evaluator,
            String summary,
            @Schema(nullable = true) String findings,
            @Schema(nullable = true) String nextActions,
            @Schema(nullable = true, description = "Who recorded it; shown to the plan's editors only") UUID authorId,
            @Schema(nullable = true, description = "Their name; shown to the plan's editors only") String authorName,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "PlanReviewWrite", description = "A review as created or replaced")
    public record ReviewWrite(
            @NotNull @Min(1900) @Max(2200) Integer fiscalYear,
            @NotNull ReviewKind kind,
            @Size(max = 200) String evaluator,
            @NotBlank @Size(max = 4000) String summary,
            @Size(max = 8000) String findings,
            @Size(max = 8000) String nextActions) {
    }
}
