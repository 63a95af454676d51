package jp.kyoso.event;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;

import java.util.Set;
import java.util.UUID;

/**
 * Who may do what with an event, decided from facts alone ({@link Events} gathers them).
 * Organisers are the members (owners and editors) of the organising and co-organising
 * organisations, and the municipality's staff — for every event of their municipality, and the
 * only organisers of a municipal event. A draft is seen by organisers only; once published an
 * event is public (an unlisted one is reachable by its link, not listed). Where signing in is
 * needed, anonymous callers get 401 and everyone else without the right 403.
 */
final class EventAccess {

    /** The caller: signed in or not, staff of the event's municipality (or admin), and the organisations they edit for. */
    record Caller(boolean signedIn, UUID userId, boolean staff, Set<UUID> organizations) {

        static Caller anonymous() {
            return new Caller(false, null, false, Set.of());
        }

        boolean memberOf(UUID organizationId) {
            return organizationId != null && organizations.contains(organizationId);
        }

        void requireSignedIn() {
            if (!signedIn) {
                throw Problems.unauthorized();
            }
        }
    }

    private final Caller caller;
    private final EventStatus status;
    private final UUID organizationId;
    private final Set<UUID> coOrganizerIds;

    EventAccess(Caller caller, EventStatus status, UUID organizationId, Set<UUID> coOrganizerIds) {
        this.caller = caller;
        this.status = status;
        this.organizationId = organizationId;
        this.coOrganizerIds = Set.copyOf(coOrganizerIds);
    }

    boolean isOrganizer() {
        return caller.signedIn() && (caller.staff() || caller.memberOf(organizationId)
                || coOrganizerIds.stream().anyMatch(caller::memberOf));
    }

    boolean maySee() {
        return status != EventStatus.DRAFT || isOrganizer();
    }

    /** The registrant themselves, or an organiser. */
    boolean maySeeRegistration(EventRegistration registration) {
        return isOrganizer() || isRegistrant(registration);
    }

    boolean isRegistrant(EventRegistration registration) {
        return caller.signedIn() && registration.userId != null && registration.userId.equals(caller.userId());
    }

    void requireOrganizer() {
        caller.requireSignedIn();
        if (!isOrganizer()) {
            throw Problems.forbidden(Label.of("主催・共催団体の会員か自治体職員だけが行えます",
                    "Only members of the organising organisations or staff of the municipality may do this"));
        }
    }

    /** Cancelling a registration: the registrant, or an organiser. */
    void requireMayCancel(EventRegistration registration) {
        caller.requireSignedIn();
        if (!maySeeRegistration(registration)) {
            throw Problems.forbidden(Label.of("申込者本人か主催者だけが取り消せます",
                    "Only the registrant or the organisers may cancel a registration"));
        }
    }

    /** Who may organise a new event: staff for a municipal one, members of the organisation for theirs. */
    static void requireMayOrganize(Caller caller, UUID organizationId) {
        caller.requireSignedIn();
        if (organizationId == null ? !caller.staff() : !caller.memberOf(organizationId) && !caller.staff()) {
            throw Problems.forbidden(organizationId == null
                    ? Label.of("自治体主催のイベントは自治体職員だけが作成できます",
                    "Only staff may create an event organised by the municipality")
                    : Label.of("主催団体の会員か自治体職員だけがイベントを作成できます",
                    "Only members of the organising organisation or staff may create its event"));
        }
    }
}
