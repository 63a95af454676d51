package jp.kyoso.matching;

import jp.kyoso.core.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.listing.ListingKind;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A NEED and a HAVE brought together, and where they are in the match lifecycle. */
@Entity
@Table(name = "listing_match")
public class Match extends VersionedEntity {

    @Id
    public UUID id;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Column(name = "need_id")
    public UUID needId;

    @Column(name = "have_id")
    public UUID haveId;

    @Column(name = "need_organization_id")
    public UUID needOrganizationId;

    @Column(name = "have_organization_id")
    public UUID haveOrganizationId;

    @Enumerated(EnumType.STRING)
    public MatchStatus status;

    public BigDecimal score;

    /** JSON array of {code, weight, values}: the scorer's language-neutral reasons. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String reasons;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_side")
    public ListingKind proposedSide;

    @Column(name = "proposed_by")
    public UUID proposedBy;

    public String message;

    @Column(name = "response_note")
    public String responseNote;

    public Integer quantity;

    @Column(name = "suggested_at")
    public OffsetDateTime suggestedAt;

    @Column(name = "proposed_at")
    public OffsetDateTime proposedAt;

    @Column(name = "responded_at")
    public OffsetDateTime respondedAt;

    @Column(name = "fulfilled_at")
    public OffsetDateTime fulfilledAt;

    /** Who proposed it between two other organisations (staff or a coordinator's member); null otherwise. */
    @Column(name = "broker_id")
    public UUID brokerId;

    /** The approved coordinator organisation the broker acted for; null when staff brokered. */
    @Column(name = "broker_organization_id")
    public UUID brokerOrganizationId;

    /** A brokered match: when each side accepted (ACCEPTED once both have). */
    @Column(name = "need_accepted_at")
    public OffsetDateTime needAcceptedAt;

    @Column(name = "have_accepted_at")
    public OffsetDateTime haveAcceptedAt;

    /** The organisation of one side. */
    public UUID organizationOf(ListingKind side) {
        return side == ListingKind.NEED ? needOrganizationId : haveOrganizationId;
    }

    /** The side that did not propose: it accepts or declines (null when a broker proposed: both respond). */
    public ListingKind respondingSide() {
        return proposedSide == null ? null : proposedSide.counterpart();
    }

    public boolean isBrokered() {
        return brokerId != null;
    }

    /** Whether that side of a brokered match has accepted. */
    public boolean hasAccepted(ListingKind side) {
        return (side == ListingKind.NEED ? needAcceptedAt : haveAcceptedAt) != null;
    }

    /** A suggestion (or nothing yet) becomes a proposal by a broker, to be accepted by both sides. */
    public void broker(UUID by, UUID organization, String message, Integer quantity) {
        propose(null, by, message, quantity);
        this.brokerId = by;
        this.brokerOrganizationId = organization;
    }

    /**
     * One side accepts a brokered proposal; true when that makes both and the match ACCEPTED.
     */
    public boolean acceptSide(ListingKind side, String note) {
        require(MatchStatus.PROPOSED, Label.of("提案中のマッチだけを承諾できます", "Only a proposed match can be accepted"));
        OffsetDateTime now = OffsetDateTime.now();
        if (side == ListingKind.NEED) {
            needAcceptedAt = now;
        } else {
            haveAcceptedAt = now;
        }
        updatedAt = now;
        if (needAcceptedAt != null && haveAcceptedAt != null) {
            accept(note);
            return true;
        }
        return false;
    }

    /** A suggestion (or nothing yet) becomes a proposal by one side. */
    public void propose(ListingKind side, UUID by, String message, Integer quantity) {
        if (status != null && status != MatchStatus.SUGGESTED) {
            throw Problems.conflict(Label.of("この組み合わせは既に" + (status == MatchStatus.ACCEPTED ? "成立" : "提案")
                            + "しています",
                    "This need and have are already " + status.name().toLowerCase() + " as a match"));
        }
        this.status = MatchStatus.PROPOSED;
        this.proposedSide = side;
        this.proposedBy = by;
        this.message = message;
        this.quantity = quantity;
        this.proposedAt = OffsetDateTime.now();
        this.updatedAt = proposedAt;
    }

    public void accept(String note) {
        respond(MatchStatus.ACCEPTED, note, Label.of("提案中のマッチだけを承諾できます",
                "Only a proposed match can be accepted"));
    }

    public void decline(String note) {
        respond(MatchStatus.DECLINED, note, Label.of("提案中のマッチだけを辞退できます",
                "Only a proposed match can be declined"));
    }

    public void withdraw() {
        require(MatchStatus.PROPOSED, Label.of("提案中のマッチだけを取り下げられます",
                "Only a proposed match can be withdrawn"));
        status = MatchStatus.WITHDRAWN;
        respondedAt = OffsetDateTime.now();
        updatedAt = respondedAt;
    }

    public void fulfil() {
        require(MatchStatus.ACCEPTED, Label.of("成立したマッチだけを完了にできます",
                "Only an accepted match can be marked fulfilled"));
        status = MatchStatus.FULFILLED;
        fulfilledAt = OffsetDateTime.now();
        updatedAt = fulfilledAt;
    }

    private void respond(MatchStatus to, String note, Label refusal) {
        require(MatchStatus.PROPOSED, refusal);
        status = to;
        responseNote = note;
        respondedAt = OffsetDateTime.now();
        updatedAt = respondedAt;
    }

    private void require(MatchStatus from, Label refusal) {
        if (status != from) {
            throw Problems.conflict(Label.of(refusal.ja() + "（現在: " + status.label().ja() + "）",
                    refusal.en() + " (it is " + status.name() + ")"));
        }
    }
}
