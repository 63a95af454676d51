package jp.kyoso.project;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may do what with a project, decided from facts alone — the caller, whether the project is
 * published, its partners — so that the rules read in one place and are tested without a
 * database or HTTP ({@link Projects} gathers the facts). Published projects are public; the rest
 * are seen by the members of any partner (invited and declined ones too) and by staff. Members of
 * active partners and staff edit; members of an active lead and staff delete, invite another
 * lead and change a partner's role. Where signing in is needed, anonymous callers get 401 and
 * everyone else without the right 403.
 */
final class ProjectAccess {

    /**
     * The caller: signed in or not, staff of the project's municipality (or admin), and which of
     * the organisations in question they are a member of.
     */
    record Caller(boolean signedIn, boolean staff, Set<UUID> organizations) {

        static Caller anonymous() {
            return new Caller(false, false, Set.of());
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
    private final boolean published;
    private final List<ProjectPartner> partners;

    ProjectAccess(Caller caller, boolean published, List<ProjectPartner> partners) {
        this.caller = caller;
        this.published = published;
        this.partners = List.copyOf(partners);
    }

    /** Members of a partner in any state, staff and admins: who see an unpublished project and every partner. */
    boolean isInsider() {
        return isPartnerMember(false) || caller.staff();
    }

    boolean maySee() {
        return published || isInsider();
    }

    /** Whether the public view of a partner list shows this one: active partners for everyone, the rest for insiders. */
    boolean shows(ProjectPartner partner) {
        return partner.status == PartnerStatus.ACTIVE || isInsider();
    }

    boolean mayEdit() {
        return isPartnerMember(true) || caller.staff();
    }

    /** Whether the caller belongs to an active lead organisation of the project. */
    boolean isLeadMember() {
        return partners.stream().anyMatch(p -> p.role == PartnerRole.LEAD && p.status == PartnerStatus.ACTIVE
                && caller.memberOf(p.organizationId));
    }

    boolean mayDelete() {
        return isLeadMember() || caller.staff();
    }

    /** Another lead hands over the lead's rights, so only the lead (or staff) may invite one. */
    boolean mayInviteAs(PartnerRole role) {
        return role != PartnerRole.LEAD || isLeadMember() || caller.staff();
    }

    /** Only the invited organisation decides whether it joins. */
    boolean mayAnswer(ProjectPartner partner) {
        return caller.memberOf(partner.organizationId);
    }

    boolean mayChange(ProjectPartner partner) {
        return caller.memberOf(partner.organizationId) || isLeadMember() || caller.staff();
    }

    /** A partner describes its own contribution; making itself the lead would hand it the lead's rights. */
    boolean mayChangeRole(ProjectPartner partner, PartnerRole to) {
        return to == partner.role || isLeadMember() || caller.staff();
    }

    /** The organisation an invitation comes from: the caller's first active partner; none when staff invite. */
    Optional<UUID> invitingOrganization() {
        return partners.stream().filter(p -> p.status == PartnerStatus.ACTIVE && caller.memberOf(p.organizationId))
                .map(p -> p.organizationId).findFirst();
    }

    void requireEditor() {
        caller.requireSignedIn();
        if (!mayEdit()) {
            throw Problems.forbidden(Label.of("参加団体の会員か自治体職員だけが行えます",
                    "Only members of partner organisations or staff of the municipality may do this"));
        }
    }

    void requireDeleter() {
        caller.requireSignedIn();
        if (!mayDelete()) {
            throw Problems.forbidden(Label.of("幹事団体の会員か自治体職員だけが削除できます",
                    "Only members of the lead organisation or staff may delete a project"));
        }
    }

    void requireInviter(PartnerRole role) {
        requireEditor();
        if (!mayInviteAs(role)) {
            throw Problems.forbidden(Label.of("幹事団体として招待できるのは幹事団体の会員と自治体職員だけです",
                    "Only members of the lead organisation or staff may invite another lead"));
        }
    }

    void requireAnswerer(ProjectPartner partner) {
        caller.requireSignedIn();
        if (!mayAnswer(partner)) {
            throw Problems.forbidden(Label.of("招待された団体の会員だけが参加・辞退を決められます",
                    "Only members of the invited organisation may answer the invitation"));
        }
    }

    void requirePartnerEditor(ProjectPartner partner, PartnerRole to) {
        caller.requireSignedIn();
        if (!mayChange(partner)) {
            throw Problems.forbidden(Label.of("その団体の会員、幹事団体の会員か自治体職員だけが変更できます",
                    "Only members of that organisation or of the lead, or staff, may change a partner"));
        }
        if (!mayChangeRole(partner, to)) {
            throw Problems.forbidden(Label.of("参加団体の役割を変えられるのは幹事団体の会員と自治体職員だけです",
                    "Only members of the lead organisation or staff may change a partner's role"));
        }
    }

    // ---- starting a project ----

    /** Members of either side of a match and staff may start a project from it. */
    static void requireMayStartFrom(Caller caller, UUID needOrganization, UUID haveOrganization) {
        caller.requireSignedIn();
        if (!caller.memberOf(needOrganization) && !caller.memberOf(haveOrganization) && !caller.staff()) {
            throw Problems.forbidden(Label.of("マッチの当事者の団体の会員か自治体職員だけが協創の場にできます",
                    "Only members of either side of the match or staff may start a project from it"));
        }
    }

    /**
     * The side that starts a project from a match leads it: the have side only when the caller
     * belongs to it and not to the need side (the need side when both, or when staff start it).
     */
    static boolean haveSideLeads(Caller caller, UUID needOrganization, UUID haveOrganization) {
        return !caller.memberOf(needOrganization) && caller.memberOf(haveOrganization);
    }

    static void requireMayRegisterWith(Caller caller, UUID leadOrganization) {
        caller.requireSignedIn();
        if (!caller.memberOf(leadOrganization) && !caller.staff()) {
            throw Problems.forbidden(Label.of("幹事団体の会員か自治体職員だけが協創の場を登録できます",
                    "Only members of the lead organisation or staff may register a project"));
        }
    }

    private boolean isPartnerMember(boolean activeOnly) {
        return caller.signedIn() && partners.stream()
                .filter(p -> !activeOnly || p.status == PartnerStatus.ACTIVE)
                .anyMatch(p -> caller.memberOf(p.organizationId));
    }
}
