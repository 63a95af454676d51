package jp.kyoso.matching;

import jp.kyoso.matching.MatchDtos.BrokerView;
import jp.kyoso.matching.MatchDtos.OrganizationRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class BrokeringDtos {

    private BrokeringDtos() {
    }

    @Schema(name = "MatchListing", description = "A listing of a match, by id and title")
    public record ListingRef(UUID id, String title) {
    }

    @Schema(name = "BrokeringItem", description = "A match as brokers follow it: a waiting suggestion of the liaison "
            + "queue, or a brokered proposal and its progress")
    public record BrokeringItem(
            UUID matchId,
            String municipalityCode,
            MatchStatus status,
            String statusLabel,
            double score,
            ListingRef need,
            ListingRef have,
            OrganizationRef needOrganization,
            OrganizationRef haveOrganization,
            @Schema(nullable = true) BrokerView broker,
            @Schema(nullable = true) OffsetDateTime suggestedAt,
            @Schema(nullable = true) OffsetDateTime proposedAt,
            @Schema(nullable = true) OffsetDateTime needAcceptedAt,
            @Schema(nullable = true) OffsetDateTime haveAcceptedAt,
            @Schema(nullable = true) OffsetDateTime respondedAt,
            @Schema(description = "Whole days since it was suggested (or proposed, when brokered)") long daysWaiting) {
    }

    @Schema(name = "Coordinator", description = "A 中間支援組織 approved as a coordinator: its members may broker matches")
    public record CoordinatorView(
            OrganizationRef organization,
            String municipalityCode,
            OffsetDateTime approvedAt) {
    }
}
