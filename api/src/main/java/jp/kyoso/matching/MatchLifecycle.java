package jp.kyoso.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.integration.DomainEvents;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.persistence.ByIds;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.Person;
import jp.kyoso.listing.Listing;
import jp.kyoso.listing.ListingKind;
import jp.kyoso.listing.ListingService;
import jp.kyoso.matching.MatchDtos.MatchProposal;
import jp.kyoso.matching.MatchDtos.MatchView;
import jp.kyoso.matching.MatchDtos.OrganizationRef;
import jp.kyoso.notification.NotificationKind;
import jp.kyoso.notification.Notifications;
import jp.kyoso.organization.MyMemberships;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationService;

import static jp.kyoso.core.text.Texts.blankToNull;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The match lifecycle. A member of either side proposes; a member of the other side accepts or
 * declines; the proposing side may withdraw while it is proposed; either side marks an accepted
 * match fulfilled. Accepting takes the agreed quantity from both listings (a NEED with nothing
 * left is MATCHED; a HAVE stays OPEN while it has some). Contact details of both sides are in the
 * match once it is accepted, never before. Staff of the municipality may read every match.
 */
@ApplicationScoped
public class MatchLifecycle {

    @Inject ListingService listings;
    @Inject OrganizationService organizations;
    @Inject MatchSuggestions matching;
    @Inject MyMemberships memberships;
    @Inject Access access;
    @Inject AuditLog audit;
    @Inject Notifications notifications;
    @Inject RequestLanguage language;
    @Inject Brokers brokers;
    @Inject BrokeredSteps brokered;
    @Inject DomainEvents domainEvents;

    @Transactional
    public Match propose(MatchProposal proposal) {
        Person user = access.requireUser();
        Listing need = requireListing("needId", proposal.needId(), ListingKind.NEED);
        Listing have = requireListing("haveId", proposal.haveId(), ListingKind.HAVE);
        if (!need.municipalityCode.equals(have.municipalityCode)) {
            throw Problems.invalidField("haveId", Label.of("無いと同じ自治体の有るを指定してください",
                    "The have must be of the need's municipality"));
        }
        if (need.organizationId.equals(have.organizationId)) {
            throw Problems.invalidField("haveId", Label.of("同じ団体の有る・無いは組み合わせられません",
                    "A need and a have of the same organisation cannot be matched"));
        }
        ListingKind side = isMember(need.organizationId) ? ListingKind.NEED
                : isMember(have.organizationId) ? ListingKind.HAVE : null;
        Brokers.Broker broker = side != null ? null : brokers.of(need.municipalityCode).orElseThrow(() ->
                Problems.forbidden(Label.of("無いか有るのどちらかの団体の会員、自治体職員、承認されたコーディネーターだけが提案できます",
                        "Only members of the need's or the have's organisation, staff of the municipality and "
                                + "approved coordinators may propose")));
        Organization needOrg = listings.organizationOf(need);
        Organization haveOrg = listings.organizationOf(have);
        if (!needOrg.isActive() || !haveOrg.isActive()) {
            throw Problems.conflict(Label.of("承認済みで公開中の団体どうしだけがマッチできます",
                    "Both organisations must be active to match"));
        }
        if (!need.isOpen() || !have.isOpen()) {
            throw Problems.conflict(Label.of("募集中の有る・無いだけを組み合わせられます",
                    "Both the need and the have must be open"));
        }
        Integer quantity = quantity(proposal.quantity(), need, have);
        Match match = Match.find("needId = ?1 and haveId = ?2 and status in (?3)", need.id, have.id,
                List.of(MatchStatus.SUGGESTED, MatchStatus.PROPOSED, MatchStatus.ACCEPTED)).firstResult();
        boolean fresh = match == null;
        if (fresh) {
            match = new Match();
            match.id = UUID.randomUUID();
            match.municipalityCode = need.municipalityCode;
            match.needId = need.id;
            match.haveId = have.id;
            match.needOrganizationId = need.organizationId;
            match.haveOrganizationId = have.organizationId;
            match.createdAt = OffsetDateTime.now();
        }
        MatchView before = fresh ? null : view(match);
        if (broker != null) {
            match.broker(user.id(), broker.organizationId(), blankToNull(proposal.message()), quantity);
        } else {
            match.propose(side, user.id(), blankToNull(proposal.message()), quantity);
        }
        matching.record(match, matching.score(need, have));
        match.persistAndFlush();
        audit.record(match.municipalityCode, broker != null ? "match.broker" : "match.propose", "match", match.id,
                before, view(match));
        MatchEvents.announce(domainEvents, "match.proposed", match);
        if (broker != null) {
            brokered.announce(match, need, have);
        } else {
            tell(match, match.respondingSide(), NotificationKind.MATCH_PROPOSED, need, have);
        }
        return match;
    }

    public Match require(UUID id) {
        Match match = id == null ? null : Match.findById(id);
        if (match == null) {
            throw Problems.notFound(Label.of("マッチが見つかりません", "No such match"));
        }
        return match;
    }

    /** The match if the caller belongs to either side or is staff of the municipality; else 401/403. */
    public Match requireReadable(UUID id) {
        Match match = require(id);
        access.requireUser();
        if (!isMember(match.needOrganizationId) && !isMember(match.haveOrganizationId)
                && !access.isStaff(match.municipalityCode) && !brokers.isBrokerOf(match)) {
            throw Problems.forbidden(Label.of("マッチの当事者の団体の会員と自治体職員だけが見られます",
                    "Only members of either organisation and staff of the municipality may see this match"));
        }
        return match;
    }

    public enum Step { ACCEPT, DECLINE, WITHDRAW, FULFIL }

    @Transactional
    public Match step(UUID id, Step step, String note) {
        Match match = require(id);
        access.requireUser();
        if (!isMember(match.needOrganizationId) && !isMember(match.haveOrganizationId)
                && !(step == Step.WITHDRAW && brokers.isBrokerOf(match))) {
            throw Problems.forbidden(Label.of("マッチの当事者の団体の会員だけが行えます",
                    "Only members of either organisation may do this"));
        }
        MatchView before = view(match);
        Listing need = Listing.findById(match.needId, LockModeType.PESSIMISTIC_WRITE);
        Listing have = Listing.findById(match.haveId, LockModeType.PESSIMISTIC_WRITE);
        if (match.isBrokered()) {
            brokered.apply(match, step, blankToNull(note), need, have);
        } else switch (step) {
            case ACCEPT -> {
                if (match.status == MatchStatus.PROPOSED) {
                    requireSide(match, match.respondingSide(), Label.of("提案を受けた側の団体の会員だけが承諾できます",
                            "Only members of the side that received the proposal may accept it"));
                }
                match.accept(blankToNull(note));
                need.take(match.quantity);
                have.take(match.quantity);
                tell(match, match.proposedSide, NotificationKind.MATCH_ACCEPTED, need, have);
            }
            case DECLINE -> {
                if (match.status == MatchStatus.PROPOSED) {
                    requireSide(match, match.respondingSide(), Label.of("提案を受けた側の団体の会員だけが辞退できます",
                            "Only members of the side that received the proposal may decline it"));
                }
                match.decline(blankToNull(note));
                tell(match, match.proposedSide, NotificationKind.MATCH_DECLINED, need, have);
            }
            case WITHDRAW -> {
                if (match.status == MatchStatus.PROPOSED) {
                    requireSide(match, match.proposedSide, Label.of("提案した側の団体の会員だけが取り下げられます",
                            "Only members of the proposing side may withdraw it"));
                }
                match.withdraw();
                tell(match, match.respondingSide(), NotificationKind.MATCH_WITHDRAWN, need, have);
            }
            case FULFIL -> {
                match.fulfil();
                ListingKind other = isMember(match.needOrganizationId) ? ListingKind.HAVE : ListingKind.NEED;
                tell(match, other, NotificationKind.MATCH_FULFILLED, need, have);
            }
        }
        match.persistAndFlush();
        audit.record(match.municipalityCode, "match." + step.name().toLowerCase(), "match", match.id, before,
                view(match));
        // A brokered match is accepted only once both sides have: one side's acceptance is no event.
        if (step != Step.ACCEPT || match.status == MatchStatus.ACCEPTED) {
            MatchEvents.announce(domainEvents, MatchEvents.typeOf(step), match);
        }
        return match;
    }

    /** An organisation's matches, newest activity first (its members and staff). */
    public Page<MatchView> ofOrganization(UUID organizationId, MatchStatus status, PageParams paging) {
        Organization org = organizations.requireVisible(organizationId);
        access.requireUser();
        if (!organizations.isInsider(org)) {
            throw Problems.forbidden(Label.of("団体の会員と自治体職員だけが見られます",
                    "Only members of the organisation and staff of the municipality may see its matches"));
        }
        // Whether the caller is staff is read once here (cached for the request), not by the first
        // staff-brokered match on the page: the page's statements stay the same whatever it holds.
        access.isStaff(org.municipalityCode);
        String where = "(needOrganizationId = ?1 or haveOrganizationId = ?1)" + (status == null ? "" : " and status = ?2");
        var query = status == null ? Match.<Match>find(where + " order by updatedAt desc, id", organizationId)
                : Match.<Match>find(where + " order by updatedAt desc, id", organizationId, status);
        Page<Match> matches = Page.load(query, paging);
        List<Match> page = matches.items();
        if (!page.isEmpty()) {
            // The page's listings and organisations in one query each, so the views find them loaded.
            ByIds.load(Listing.class, page.stream().flatMap(m -> Stream.of(m.needId, m.haveId)).toList());
            ByIds.load(Organization.class, page.stream()
                    .flatMap(m -> Stream.of(m.needOrganizationId, m.haveOrganizationId)).toList());
        }
        Map<String, AreaTree> trees = new HashMap<>();
        return matches.map(m -> view(m, trees.computeIfAbsent(m.municipalityCode, matching::areaTree)));
    }

    public MatchView view(Match match) {
        return view(match, matching.areaTree(match.municipalityCode));
    }

    private MatchView view(Match match, AreaTree areaTree) {
        Listing need = Listing.findById(match.needId);
        Listing have = Listing.findById(match.haveId);
        Organization needOrg = Organization.findById(match.needOrganizationId);
        Organization haveOrg = Organization.findById(match.haveOrganizationId);
        boolean agreed = match.status.isAgreed();
        List<ListingKind> mySides = new ArrayList<>();
        if (isMember(match.needOrganizationId)) {
            mySides.add(ListingKind.NEED);
        }
        if (isMember(match.haveOrganizationId)) {
            mySides.add(ListingKind.HAVE);
        }
        return new MatchView(match.id, match.municipalityCode, match.status, language.label(match.status),
                match.score.doubleValue(),
                ReasonLabels.render(matching.reasonsOf(match), areaTree, language.get()),
                listings.publicView(need, needOrg), listings.publicView(have, haveOrg),
                new OrganizationRef(needOrg.id, needOrg.name), new OrganizationRef(haveOrg.id, haveOrg.name),
                match.proposedSide, match.message, match.responseNote, match.quantity,
                agreed ? listings.contactOf(need, needOrg) : null, agreed ? listings.contactOf(have, haveOrg) : null,
                mySides, match.version, match.createdAt, match.proposedAt, match.respondedAt, match.fulfilledAt,
                brokered.brokerView(match), match.needAcceptedAt, match.haveAcceptedAt);
    }

    private Listing requireListing(String field, UUID id, ListingKind kind) {
        Listing listing = Listing.findById(id);
        if (!listings.isVisible(listing)) {
            throw Problems.invalidField(field, Label.of("有る・無いが見つかりません", "No such listing"));
        }
        if (listing.kind != kind) {
            throw Problems.invalidField(field, kind == ListingKind.NEED
                    ? Label.of("無い（NEED）を指定してください", "Must be a NEED")
                    : Label.of("有る（HAVE）を指定してください", "Must be a HAVE"));
        }
        return listing;
    }

    /** The agreed quantity: as proposed, or what both have left; never more than either has left. */
    private static Integer quantity(Integer proposed, Listing need, Listing have) {
        Integer needLeft = need.remaining();
        Integer haveLeft = have.remaining();
        if (proposed == null) {
            if (needLeft == null) {
                return null;
            }
            return haveLeft == null ? needLeft : Math.min(needLeft, haveLeft);
        }
        if ((needLeft != null && proposed > needLeft) || (haveLeft != null && proposed > haveLeft)) {
            int max = Math.min(needLeft == null ? Integer.MAX_VALUE : needLeft, haveLeft == null ? Integer.MAX_VALUE : haveLeft);
            throw Problems.invalidField("quantity", Label.of("残りの数量（" + max + "）以下にしてください",
                    "Must not exceed what is left (" + max + ")"));
        }
        return proposed;
    }

    boolean isMember(UUID organizationId) {
        return memberships.roleIn(organizationId).isPresent();
    }

    private void requireSide(Match match, ListingKind side, Label refusal) {
        if (!isMember(match.organizationOf(side))) {
            throw Problems.forbidden(refusal);
        }
    }

    /** Tells the members of one side, about their own listing, what the other side did. */
    private void tell(Match match, ListingKind recipientSide, NotificationKind kind, Listing need, Listing have) {
        Listing own = recipientSide == ListingKind.NEED ? need : have;
        Listing other = recipientSide == ListingKind.NEED ? have : need;
        Organization otherOrg = Organization.findById(other.organizationId);
        notifications.tellMembers(own.organizationId, new Notifications.Event(kind, match.municipalityCode, match.id,
                own.id, null, otherOrg.id, own.title, other.title, otherOrg.name));
    }
}
