package jp.kyoso.project;

import jp.kyoso.core.problem.ProblemException;
import jp.kyoso.project.ProjectAccess.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project access policy on its own: facts in, decisions out, no database or HTTP. */
class ProjectAccessTest {

    private static final UUID LEAD_ORG = UUID.randomUUID();
    private static final UUID PARTNER_ORG = UUID.randomUUID();
    private static final UUID INVITED_ORG = UUID.randomUUID();
    private static final UUID DECLINED_ORG = UUID.randomUUID();
    private static final UUID OTHER_ORG = UUID.randomUUID();

    private static final ProjectPartner LEAD = partner(LEAD_ORG, PartnerRole.LEAD, PartnerStatus.ACTIVE);
    private static final ProjectPartner PARTNER = partner(PARTNER_ORG, PartnerRole.PARTNER, PartnerStatus.ACTIVE);
    private static final ProjectPartner INVITED = partner(INVITED_ORG, PartnerRole.SUPPORTER, PartnerStatus.INVITED);
    private static final ProjectPartner DECLINED = partner(DECLINED_ORG, PartnerRole.PARTNER, PartnerStatus.DECLINED);
    private static final List<ProjectPartner> PARTNERS = List.of(LEAD, PARTNER, INVITED, DECLINED);

    private static ProjectPartner partner(UUID org, PartnerRole role, PartnerStatus status) {
        ProjectPartner p = new ProjectPartner();
        p.id = UUID.randomUUID();
        p.organizationId = org;
        p.role = role;
        p.status = status;
        return p;
    }

    private static Caller memberOf(UUID... orgs) {
        return new Caller(true, false, Set.of(orgs));
    }

    private static final Caller ANONYMOUS = Caller.anonymous();
    private static final Caller OUTSIDER = memberOf(OTHER_ORG);
    private static final Caller STAFF = new Caller(true, true, Set.of());

    private static ProjectAccess unpublished(Caller caller) {
        return new ProjectAccess(caller, false, PARTNERS);
    }

    private static void assertStatus(int status, Executable check) {
        assertEquals(status, assertThrows(ProblemException.class, check).status());
    }

    @Test
    void publishedProjectsArePublicTheRestForPartnersOfAnyStateAndStaff() {
        assertTrue(new ProjectAccess(ANONYMOUS, true, PARTNERS).maySee());
        assertTrue(new ProjectAccess(OUTSIDER, true, PARTNERS).maySee());
        assertFalse(unpublished(ANONYMOUS).maySee());
        assertFalse(unpublished(OUTSIDER).maySee());
        assertTrue(unpublished(memberOf(LEAD_ORG)).maySee());
        assertTrue(unpublished(memberOf(INVITED_ORG)).maySee());
        assertTrue(unpublished(memberOf(DECLINED_ORG)).maySee());
        assertTrue(unpublished(STAFF).maySee());
    }

    @Test
    void outsidersSeeOnlyActivePartnersInsidersSeeEveryPartner() {
        ProjectAccess outsider = new ProjectAccess(OUTSIDER, true, PARTNERS);
        assertEquals(List.of(LEAD, PARTNER), PARTNERS.stream().filter(outsider::shows).toList());
        assertEquals(PARTNERS, PARTNERS.stream().filter(unpublished(memberOf(INVITED_ORG))::shows).toList());
        assertEquals(PARTNERS, PARTNERS.stream().filter(unpublished(STAFF)::shows).toList());
    }

    @Test
    void membersOfActivePartnersAndStaffEditInvitedAndDeclinedOnesDoNot() {
        assertDoesNotThrow(unpublished(memberOf(LEAD_ORG))::requireEditor);
        assertDoesNotThrow(unpublished(memberOf(PARTNER_ORG))::requireEditor);
        assertDoesNotThrow(unpublished(STAFF)::requireEditor);
        assertStatus(403, unpublished(memberOf(INVITED_ORG))::requireEditor);
        assertStatus(403, unpublished(memberOf(DECLINED_ORG))::requireEditor);
        assertStatus(403, new ProjectAccess(OUTSIDER, true, PARTNERS)::requireEditor);
        assertStatus(401, new ProjectAccess(ANONYMOUS, true, PARTNERS)::requireEditor);
    }

    @Test
    void onlyAnActiveLeadAndStaffDelete() {
        assertDoesNotThrow(unpublished(memberOf(LEAD_ORG))::requireDeleter);
        assertDoesNotThrow(unpublished(STAFF)::requireDeleter);
        assertStatus(403, unpublished(memberOf(PARTNER_ORG))::requireDeleter);
        assertStatus(401, new ProjectAccess(ANONYMOUS, true, PARTNERS)::requireDeleter);

        ProjectPartner invitedLead = partner(OTHER_ORG, PartnerRole.LEAD, PartnerStatus.INVITED);
        ProjectAccess notYetLead = new ProjectAccess(memberOf(OTHER_ORG), false, List.of(LEAD, invitedLead));
        assertFalse(notYetLead.isLeadMember());
        assertStatus(403, notYetLead::requireDeleter);
    }

    @Test
    void anyEditorInvitesButOnlyTheLeadAndStaffInviteAnotherLead() {
        assertDoesNotThrow(() -> unpublished(memberOf(PARTNER_ORG)).requireInviter(PartnerRole.SUPPORTER));
        assertStatus(403, () -> unpublished(memberOf(PARTNER_ORG)).requireInviter(PartnerRole.LEAD));
        assertDoesNotThrow(() -> unpublished(memberOf(LEAD_ORG)).requireInviter(PartnerRole.LEAD));
        assertDoesNotThrow(() -> unpublished(STAFF).requireInviter(PartnerRole.LEAD));
        assertStatus(403, () -> unpublished(memberOf(INVITED_ORG)).requireInviter(PartnerRole.PARTNER));
    }

    @Test
    void anInvitationComesFromTheCallersFirstActivePartnerAndFromNoneWhenStaffInvite() {
        assertEquals(PARTNER_ORG, unpublished(memberOf(PARTNER_ORG, INVITED_ORG)).invitingOrganization().orElseThrow());
        assertEquals(LEAD_ORG, unpublished(memberOf(PARTNER_ORG, LEAD_ORG)).invitingOrganization().orElseThrow());
        assertTrue(unpublished(STAFF).invitingOrganization().isEmpty());
    }

    @Test
    void onlyTheInvitedOrganisationAnswersItsInvitation() {
        assertDoesNotThrow(() -> unpublished(memberOf(INVITED_ORG)).requireAnswerer(INVITED));
        assertStatus(403, () -> unpublished(memberOf(LEAD_ORG)).requireAnswerer(INVITED));
        assertStatus(403, () -> unpublished(STAFF).requireAnswerer(INVITED));
        assertStatus(401, () -> new ProjectAccess(ANONYMOUS, true, PARTNERS).requireAnswerer(INVITED));
    }

    @Test
    void aPartnerChangesItsOwnContributionButNotItsRole() {
        ProjectAccess partner = unpublished(memberOf(PARTNER_ORG));
        assertDoesNotThrow(() -> partner.requirePartnerEditor(PARTNER, PartnerRole.PARTNER));
        assertStatus(403, () -> partner.requirePartnerEditor(PARTNER, PartnerRole.LEAD));
        assertStatus(403, () -> partner.requirePartnerEditor(INVITED, PartnerRole.SUPPORTER));
        assertDoesNotThrow(() -> unpublished(memberOf(LEAD_ORG)).requirePartnerEditor(PARTNER, PartnerRole.LEAD));
        assertDoesNotThrow(() -> unpublished(STAFF).requirePartnerEditor(INVITED, PartnerRole.COORDINATOR));
        assertStatus(403, () -> unpublished(OUTSIDER).requirePartnerEditor(PARTNER, PartnerRole.PARTNER));
    }

    @Test
    void eitherSideOfAMatchOrStaffStartAProjectAndTheStartingSideLeads() {
        UUID need = UUID.randomUUID();
        UUID have = UUID.randomUUID();
        assertDoesNotThrow(() -> ProjectAccess.requireMayStartFrom(memberOf(need), need, have));
        assertDoesNotThrow(() -> ProjectAccess.requireMayStartFrom(memberOf(have), need, have));
        assertDoesNotThrow(() -> ProjectAccess.requireMayStartFrom(STAFF, need, have));
        assertStatus(403, () -> ProjectAccess.requireMayStartFrom(OUTSIDER, need, have));
        assertStatus(401, () -> ProjectAccess.requireMayStartFrom(ANONYMOUS, need, have));

        assertTrue(ProjectAccess.haveSideLeads(memberOf(have), need, have));
        assertFalse(ProjectAccess.haveSideLeads(memberOf(need), need, have));
        assertFalse(ProjectAccess.haveSideLeads(memberOf(need, have), need, have));
        assertFalse(ProjectAccess.haveSideLeads(STAFF, need, have));
    }

    @Test
    void membersOfTheLeadOrStaffRegisterAProject() {
        assertDoesNotThrow(() -> ProjectAccess.requireMayRegisterWith(memberOf(LEAD_ORG), LEAD_ORG));
        assertDoesNotThrow(() -> ProjectAccess.requireMayRegisterWith(STAFF, LEAD_ORG));
        assertStatus(403, () -> ProjectAccess.requireMayRegisterWith(OUTSIDER, LEAD_ORG));
    }
}
