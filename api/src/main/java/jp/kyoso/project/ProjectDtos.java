package jp.kyoso.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class ProjectDtos {

    private ProjectDtos() {
    }

    @Schema(name = "ProjectPartner", description = "An organisation in a project, its role and what it brings")
    public record PartnerView(
            UUID id,
            UUID organizationId,
            String organizationName,
            PartnerRole role,
            String roleLabel,
            @Schema(nullable = true, description = "What it brings, in words") String contribution,
            @Schema(description = "Its haves and needs this contribution is about") List<UUID> listingIds,
            PartnerStatus status,
            String statusLabel,
            @Schema(nullable = true) OffsetDateTime invitedAt,
            @Schema(nullable = true) OffsetDateTime respondedAt,
            long version) {
    }

    @Schema(name = "ProjectStageChange", description = "One step of the stage history")
    public record StageChangeView(
            @Schema(nullable = true, description = "Null for the stage the project was registered at") ProjectStage fromStage,
            @Schema(nullable = true) String fromStageLabel,
            ProjectStage toStage,
            String toStageLabel,
            String note,
            OffsetDateTime changedAt) {
    }

    @Schema(name = "Project", description = "協創の場: a co-creation project")
    public record ProjectView(
            UUID id,
            String municipalityCode,
            String title,
            @Schema(nullable = true) String summary,
            @Schema(nullable = true, description = "共有ビジョン: the shared vision") String vision,
            @Schema(nullable = true, description = "課題: the issue it addresses") String issue,
            CoCreationDomain domain,
            String domainLabel,
            List<CollaborationForm> forms,
            List<String> formLabels,
            ProjectStage stage,
            String stageLabel,
            @Schema(description = "Areas it is for; empty means city-wide") List<UUID> areaIds,
            @Schema(nullable = true) LocalDate startsOn,
            @Schema(nullable = true) LocalDate endsOn,
            @Schema(description = "Published projects are public") boolean published,
            @Schema(nullable = true, description = "The accepted match it grew from") UUID sourceMatchId,
            @Schema(description = "ACTIVE partners for the public; invited and declined ones too for partners and staff")
            List<PartnerView> partners,
            @Schema(description = "Every stage change, oldest first") List<StageChangeView> stageHistory,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "ProjectWrite", description = "A project's description as replaced (stages change through stage changes)")
    public record ProjectWrite(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 2000) String summary,
            @Size(max = 4000) String vision,
            @Size(max = 4000) String issue,
            @NotNull CoCreationDomain domain,
            @Size(max = 9) List<@NotNull CollaborationForm> forms,
            @Size(max = 100) List<@NotNull UUID> areaIds,
            LocalDate startsOn,
            LocalDate endsOn,
            Boolean published) {
    }

    @Schema(name = "ProjectCreate", description = "A new project: from scratch with a lead organisation, or from an "
            + "accepted match (both organisations become partners, their listings their contributions)")
    public record ProjectCreate(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 2000) String summary,
            @Size(max = 4000) String vision,
            @Size(max = 4000) String issue,
            @NotNull CoCreationDomain domain,
            @Size(max = 9) List<@NotNull CollaborationForm> forms,
            @Schema(description = "Defaults to the listings' areas when made from a match")
            @Size(max = 100) List<@NotNull UUID> areaIds,
            LocalDate startsOn,
            LocalDate endsOn,
            Boolean published,
            @Schema(description = "The stage it starts at; TRIGGER when absent") ProjectStage stage,
            @Schema(description = "The lead organisation (the caller must be its member, or staff); "
                    + "not used with fromMatchId") UUID organizationId,
            @Schema(description = "What the lead organisation brings") @Size(max = 2000) String contribution,
            @Schema(description = "An ACCEPTED or FULFILLED match to start from") UUID fromMatchId) {
    }

    @Schema(name = "ProjectStageChangeWrite", description = "A move to another stage, with the reason")
    public record StageChangeWrite(@NotNull ProjectStage stage, @NotBlank @Size(max = 2000) String note) {
    }

    @Schema(name = "ProjectPartnerInvite", description = "An organisation invited to a project")
    public record PartnerInvite(
            @NotNull UUID organizationId,
            @NotNull PartnerRole role,
            @Size(max = 2000) String contribution,
            @Schema(description = "Listings of that organisation its contribution is about")
            @Size(max = 20) List<@NotNull UUID> listingIds) {
    }

    @Schema(name = "ProjectPartnerWrite", description = "A partner's role and contribution as replaced")
    public record PartnerWrite(
            @NotNull PartnerRole role,
            @Size(max = 2000) String contribution,
            @Size(max = 20) List<@NotNull UUID> listingIds) {
    }
}
