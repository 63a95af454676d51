package jp.kyoso.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.listing.Listing;
import jp.kyoso.listing.ListingKind;
import jp.kyoso.matching.MatchDtos.BrokerView;
import jp.kyoso.matching.MatchDtos.OrganizationRef;
import jp.kyoso.matching.MatchLifecycle.Step;
import jp.kyoso.notification.NotificationKind;
import jp.kyoso.notification.Notifications;
import jp.kyoso.organization.MyMemberships;
import jp.kyoso.organization.Organization;

import java.util.List;

/**
 * The steps of a brokered match (つなぐ): both sides are told of the broker's proposal; each side
 * accepts for itself and the match is ACCEPTED (quantities taken, contacts shared) once both have;
 * either side may decline; the broker may withdraw while it is proposed; either side marks it
 * fulfilled. The broker hears of every step.
 */
@ApplicationScoped
public class BrokeredSteps {

    @Inject MyMemberships memberships;
    @Inject Brokers brokers;
    @Inject Notifications notifications;
    @Inject RequestLanguage language;

    /** Tells both sides of a new brokered proposal. */
    void announce(Match match, Listing need, Listing have) {
        String by = brokerName(match);
        for (ListingKind side : ListingKind.values()) {
            tellSide(match, side, NotificationKind.BROKER_PROPOSAL, need, have, by);
        }
    }

    void apply(Match match, Step step, String note, Listing need, Listing have) {
        switch (step) {
            case ACCEPT -> {
                List<ListingKind> pending = List.of(ListingKind.values()).stream()
                        .filter(side -> isMember(match, side) && !match.hasAccepted(side)).toList();
                if (match.status == MatchStatus.PROPOSED && pending.isEmpty()) {
                    throw Problems.forbidden(Label.of("まだ承諾していない側の団体の会員だけが承諾できます",
                            "Only members of a side that has not accepted yet may accept"));
                }
                boolean agreed = false;
                for (ListingKind side : pending.isEmpty() ? List.of(ListingKind.NEED) : pending) {
                    agreed = match.acceptSide(side, note) || agreed;
                }
                if (agreed) {
                    need.take(match.quantity);
                    have.take(match.quantity);
                    tellAll(match, NotificationKind.MATCH_ACCEPTED, need, have, pending);
                } else {
                    tellAll(match, NotificationKind.BROKER_SIDE_ACCEPTED, need, have, pending);
                }
            }
            case DECLINE -> {
                match.decline(note);
                tellAll(match, NotificationKind.MATCH_DECLINED, need, have, mySides(match));
            }
            case WITHDRAW -> {
                if (!brokers.isBrokerOf(match)) {
                    throw Problems.forbidden(Label.of("提案したつなぎ役だけが取り下げられます",
                            "Only the broker who proposed it may withdraw it"));
                }
                match.withdraw();
                String by = brokerName(match);
                for (ListingKind side : ListingKind.values()) {
                    tellSide(match, side, NotificationKind.MATCH_WITHDRAWN, need, have, by);
                }
            }
            case FULFIL -> {
                match.fulfil();
                tellAll(match, NotificationKind.MATCH_FULFILLED, need, have, mySides(match));
            }
        }
    }

    BrokerView brokerView(Match match) {
        if (!match.isBrokered()) {
            return null;
        }
        Organization org = match.brokerOrganizationId == null ? null : Organization.findById(match.brokerOrganizationId);
        BrokerKind kind = org == null ? BrokerKind.STAFF : BrokerKind.COORDINATOR;
        return new BrokerView(kind, language.label(kind), org == null ? null : new OrganizationRef(org.id, org.name),
                brokers.isBrokerOf(match));
    }

    /** The sides other than the acting ones hear what the acting side did, and so does the broker. */
    private void tellAll(Match match, NotificationKind kind, Listing need, Listing have, List<ListingKind> acting) {
        ListingKind actor = acting.isEmpty() ? ListingKind.NEED : acting.getFirst();
        Listing actorListing = actor == ListingKind.NEED ? need : have;
        String actorName = ((Organization) Organization.findById(actorListing.organizationId)).name;
        for (ListingKind side : ListingKind.values()) {
            if (!acting.contains(side) || kind == NotificationKind.MATCH_ACCEPTED) {
                tellSide(match, side, kind, need, have, actorName);
            }
        }
        notifications.tellUser(match.brokerId, new Notifications.Event(kind, match.municipalityCode, match.id, need.id,
                null, actorListing.organizationId, need.title, have.title, actorName));
    }

    /** Tells the members of one side, about their own listing. */
    private void tellSide(Match match, ListingKind side, NotificationKind kind, Listing need, Listing have,
                          String counterpart) {
        Listing own = side == ListingKind.NEED ? need : have;
        Listing other = side == ListingKind.NEED ? have : need;
        String detail = kind == NotificationKind.BROKER_PROPOSAL ? counterpart : other.title;
        String who = kind == NotificationKind.BROKER_PROPOSAL
                ? ((Organization) Organization.findById(other.organizationId)).name : counterpart;
        notifications.tellMembers(own.organizationId, new Notifications.Event(kind, match.municipalityCode, match.id,
                own.id, null, other.organizationId, own.title, detail, who));
    }

    private String brokerName(Match match) {
        if (match.brokerOrganizationId != null) {
            return ((Organization) Organization.findById(match.brokerOrganizationId)).name;
        }
        return BrokerKind.STAFF.label().ja();
    }

    private boolean isMember(Match match, ListingKind side) {
        return memberships.roleIn(match.organizationOf(side)).isPresent();
    }

    private List<ListingKind> mySides(Match match) {
        return List.of(ListingKind.values()).stream().filter(side -> isMember(match, side)).toList();
    }
}
