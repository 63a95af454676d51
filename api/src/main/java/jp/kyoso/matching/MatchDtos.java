package jp.kyoso.matching;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.kyoso.listing.ListingDtos.ListingView;
import jp.kyoso.listing.ListingKind;
import jp.kyoso.organization.OrganizationDtos.Contact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class MatchDtos {

    private MatchDtos() {
    }

    @Schema(name = "MatchReason", description = "Why a have and a need fit: a code for programs, a label for people")
    public record MatchReasonView(
            ReasonCode code,
            @Schema(description = "Human-readable, in the request language", examples = "同じテーマ: 防災・災害救援")
            String label,
            @Schema(description = "This reason's contribution to the score") double weight,
            @Schema(description = "What it refers to: category or theme names, area ids, vocabulary concept or "
                    + "topic ids, words, or quantities (see ReasonCode)") List<String> values) {
    }

    @Schema(name = "MatchSuggestion", description = "A counterpart listing ranked for a have or need")
    public record SuggestionView(
            @Schema(description = "The counterpart listing (never with contact details)") ListingView listing,
            @Schema(description = "0 to 1; higher fits better", minimum = "0", maximum = "1") double score,
            List<MatchReasonView> reasons) {
    }

    @Schema(name = "MatchProposal", description = "A proposal to match a need with a have")
    public record MatchProposal(
            @NotNull UUID needId,
            @NotNull UUID haveId,
            @Size(max = 2000) String message,
            @Schema(description = "How much of the need the have covers; defaults to what both have left")
            @Min(1) @Max(1_000_000) Integer quantity) {
    }

    @Schema(name = "MatchResponse", description = "An optional note with an answer to a proposal")
    public record MatchResponse(@Size(max = 2000) String note) {
    }

    @Schema(name = "MatchOrganization")
    public record OrganizationRef(UUID id, String name) {
    }

    @Schema(name = "MatchBroker", description = "Who brokered a match between two other organisations")
    public record BrokerView(
            BrokerKind kind,
            String kindLabel,
            @Schema(nullable = true, description = "The coordinator organisation; null when staff brokered")
            OrganizationRef organization,
            @Schema(description = "Whether the caller is this broker (or acts for the same coordinator or staff)")
            boolean mine) {
    }

    @Schema(name = "Match", description = "A need and a have brought together")
    public record MatchView(
            UUID id,
            String municipalityCode,
            MatchStatus status,
            String statusLabel,
            double score,
            List<MatchReasonView> reasons,
            ListingView need,
            ListingView have,
            OrganizationRef needOrganization,
            OrganizationRef haveOrganization,
            @Schema(nullable = true, description = "The side that proposed; null while SUGGESTED and when a broker proposed") ListingKind proposedSide,
            @Schema(nullable = true) String message,
            @Schema(nullable = true) String responseNote,
            @Schema(nullable = true) Integer quantity,
            @Schema(nullable = true, description = "Shared once the match is ACCEPTED or FULFILLED") Contact needContact,
            @Schema(nullable = true, description = "Shared once the match is ACCEPTED or FULFILLED") Contact haveContact,
            @Schema(description = "The sides the caller belongs to") List<ListingKind> mySides,
            long version,
            OffsetDateTime createdAt,
            @Schema(nullable = true) OffsetDateTime proposedAt,
            @Schema(nullable = true) OffsetDateTime respondedAt,
            @Schema(nullable = true) OffsetDateTime fulfilledAt,
            @Schema(nullable = true, description = "Who proposed it between two other organisations; both sides must "
                    + "then accept") BrokerView broker,
            @Schema(nullable = true, description = "A brokered match: when the need's side accepted") OffsetDateTime needAcceptedAt,
            @Schema(nullable = true, description = "A brokered match: when the have's side accepted") OffsetDateTime haveAcceptedAt) {
    }
}
