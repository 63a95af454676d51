package jp.kyoso.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.persistence.Changes;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.Person;
import jp.kyoso.listing.Listing;
import jp.kyoso.listing.ListingKind;
import jp.kyoso.matching.Match;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.notification.NotificationKind;
import jp.kyoso.notification.Notifications;
import jp.kyoso.organization.Organization;
import jp.kyoso.project.ProjectDtos.PartnerInvite;
import jp.kyoso.project.ProjectDtos.PartnerView;
import jp.kyoso.project.ProjectDtos.PartnerWrite;
import jp.kyoso.project.ProjectDtos.ProjectCreate;

import static jp.kyoso.core.text.Texts.blankToNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who takes part in a project: the partners it starts with (both sides of the match it grew from,
 * or its lead), organisations invited later and their members' answer, each partner's role and
 * contribution. The invited organisation's members are told of an invitation, the inviting
 * organisation's of the answer.
 */
@ApplicationScoped
public class ProjectPartners {

    /** What a new project starts from: the match (if any), its partners and the areas it defaults to. */
    record Founding(UUID sourceMatchId, List<ProjectPartner> partners, List<UUID> defaultAreas) {
    }

    @Inject EntityManager em;
    @Inject Projects projects;
    @Inject ProjectViews views;
    @Inject Changes changes;
    @Inject Municipalities municipalities;
    @Inject Access access;
    @Inject AuditLog audit;
    @Inject Notifications notifications;

    /** The founding partners of a new project, after checking that the caller may start it so. */
    Founding founding(String code, UUID projectId, ProjectCreate create, Person user) {
        if (create.fromMatchId() == null) {
            if (create.organizationId() == null) {
                throw Problems.invalidField("organizationId", Label.of("幹事団体か元になるマッチを指定してください",
                        "Name the lead organisation, or the match to start from"));
            }
            Organization lead = requireActiveOrganization(code, create.organizationId(), "organizationId");
            ProjectAccess.requireMayRegisterWith(projects.caller(code, List.of(lead.id)), lead.id);
            return new Founding(null, List.of(ProjectPartner.founding(projectId, lead.id, PartnerRole.LEAD,
                    blankToNull(create.contribution()), new UUID[0], user.id())), List.of());
        }
        Match match = Match.findById(create.fromMatchId());
        if (match == null || !match.municipalityCode.equals(code)) {
            throw Problems.invalidField("fromMatchId", Label.of("この自治体のマッチではありません",
                    "Not a match of this municipality"));
        }
        ProjectAccess.Caller caller = projects.caller(code, List.of(match.needOrganizationId, match.haveOrganizationId));
        ProjectAccess.requireMayStartFrom(caller, match.needOrganizationId, match.haveOrganizationId);
        if (!match.status.isAgreed()) {
            throw Problems.conflict(Label.of("成立したマッチからだけ協創の場をつくれます",
                    "Only an accepted or fulfilled match can seed a project"));
        }
        if (Project.count("sourceMatchId = ?1 and deletedAt is null", match.id) > 0) {
            throw Problems.conflict(Label.of("このマッチからは既に協創の場がつくられています",
                    "A project was already started from this match"));
        }
        Listing need = Listing.findById(match.needId);
        Listing have = Listing.findById(match.haveId);
        boolean haveLeads = ProjectAccess.haveSideLeads(caller, match.needOrganizationId, match.haveOrganizationId);
        List<ProjectPartner> partners = List.of(
                bringing(projectId, need, haveLeads ? PartnerRole.PARTNER : PartnerRole.LEAD, user.id()),
                bringing(projectId, have, haveLeads ? PartnerRole.LEAD : PartnerRole.PARTNER, user.id()));
        // A listing without areas is city-wide, and so is a project that brings one.
        Set<UUID> listingAreas = new LinkedHashSet<>(List.of(need.areaIds));
        listingAreas.addAll(List.of(have.areaIds));
        List<UUID> areas = need.areaIds.length == 0 || have.areaIds.length == 0 ? List.of() : List.copyOf(listingAreas);
        return new Founding(match.id, partners, areas);
    }

    @Transactional
    public ProjectPartner invite(UUID id, PartnerInvite invite) {
        Project project = projects.requireVisible(id);
        ProjectAccess policy = projects.accessTo(project);
        policy.requireInviter(invite.role());
        Person user = access.requireUser();
        Organization org = requireActiveOrganization(project.municipalityCode, invite.organizationId(), "organizationId");
        UUID[] listingIds = requireListingsOf(org.id, invite.listingIds());
        UUID inviterOrg = policy.invitingOrganization().orElse(null);
        ProjectPartner partner = ProjectPartner.find("projectId = ?1 and organizationId = ?2", project.id, org.id)
                .firstResult();
        Object before = partner == null ? null : views.partner(partner, org);
        if (partner == null) {
            partner = ProjectPartner.invited(project.id, org.id, invite.role(), blankToNull(invite.contribution()),
                    listingIds, user.id(), inviterOrg);
            partner.persist();
        } else {
            partner.invitedAgain(user.id(), inviterOrg);
            partner.role = invite.role();
            partner.contribution = blankToNull(invite.contribution());
            partner.listingIds = listingIds;
        }
        em.flush();
        audit.record(project.municipalityCode, "project.partner.invite", "project", project.id, before,
                views.partner(partner, org));
        String from = inviterOrg != null ? Organization.<Organization>findById(inviterOrg).name
                : municipalities.require(project.municipalityCode).name;
        notifications.tellMembers(org.id, new Notifications.Event(NotificationKind.PROJECT_INVITATION,
                project.municipalityCode, null, null, project.id, inviterOrg, project.title, null, from));
        return partner;
    }

    @Transactional
    public ProjectPartner respond(UUID id, UUID partnerId, boolean accept) {
        Project project = projects.requireVisible(id);
        ProjectPartner partner = projects.requirePartner(project, partnerId);
        projects.accessTo(project).requireAnswerer(partner);
        Organization org = Organization.findById(partner.organizationId);
        PartnerView before = views.partner(partner, org);
        if (accept) {
            partner.accept();
        } else {
            partner.decline();
        }
        partner.persistAndFlush();
        audit.record(project.municipalityCode, accept ? "project.partner.accept" : "project.partner.decline", "project",
                project.id, before, views.partner(partner, org));
        if (partner.invitedByOrganizationId != null) {
            notifications.tellMembers(partner.invitedByOrganizationId, new Notifications.Event(
                    accept ? NotificationKind.PROJECT_INVITATION_ACCEPTED : NotificationKind.PROJECT_INVITATION_DECLINED,
                    project.municipalityCode, null, null, project.id, org.id, project.title, null, org.name));
        }
        return partner;
    }

    @Transactional
    public ProjectPartner update(UUID id, UUID partnerId, String ifMatch, PartnerWrite write) {
        Project project = projects.requireVisible(id);
        ProjectPartner partner = projects.requirePartner(project, partnerId);
        projects.accessTo(project).requirePartnerEditor(partner, write.role());
        Organization org = Organization.findById(partner.organizationId);
        // A partner's changes are the project's history: they are audited under the project.
        return changes.update(partner, ifMatch,
                new Changes.Audited(project.municipalityCode, "project.partner.update", "project", project.id),
                p -> views.partner(p, org), p -> {
                    p.listingIds = requireListingsOf(p.organizationId, write.listingIds());
                    p.role = write.role();
                    p.contribution = blankToNull(write.contribution());
                });
    }

    /** An approved organisation of the municipality, not deleted; 400 on {@code field} otherwise. */
    static Organization requireActiveOrganization(String code, UUID id, String field) {
        Organization org = id == null ? null : Organization.findById(id);
        if (org == null || org.deletedAt != null || !org.municipalityCode.equals(code)) {
            throw Problems.invalidField(field, Label.of("この自治体の団体ではありません",
                    "Not an organisation of this municipality"));
        }
        if (!org.isActive()) {
            throw Problems.invalidField(field, Label.of("承認済みで公開中の団体を指定してください",
                    "The organisation must be active"));
        }
        return org;
    }

    /** A contribution may point only at the organisation's own haves and needs. */
    private static UUID[] requireListingsOf(UUID organizationId, List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return new UUID[0];
        }
        Set<UUID> distinct = new LinkedHashSet<>(ids);
        long found = Listing.count("id in ?1 and organizationId = ?2 and deletedAt is null", distinct, organizationId);
        if (found != distinct.size()) {
            throw Problems.invalidField("listingIds", Label.of("その団体の有る・無いではないものが含まれています",
                    "Contains a listing that is not that organisation's"));
        }
        return distinct.toArray(UUID[]::new);
    }

    /** A side of a match as a founding partner: its listing is what it brings. */
    private static ProjectPartner bringing(UUID projectId, Listing listing, PartnerRole role, UUID by) {
        String prefix = listing.kind == ListingKind.HAVE ? "有る: " : "無い: ";
        return ProjectPartner.founding(projectId, listing.organizationId, role, prefix + listing.title,
                new UUID[]{listing.id}, by);
    }
}
