package jp.kyoso.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.People;
import jp.kyoso.core.security.Person;
import jp.kyoso.core.web.Etags;
import jp.kyoso.organization.OrganizationDtos.InvitationView;
import jp.kyoso.organization.OrganizationDtos.MemberView;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who belongs to an organisation. People join by invitation: an owner creates a single-use
 * code, the invitee accepts it. Owners change roles and remove members; a member may leave;
 * the last owner can do neither, so an organisation is never left without an owner.
 */
@ApplicationScoped
public class MembershipService {

    @Inject People people;

    static final Duration INVITATION_VALIDITY = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject OrganizationService organizations;
    @Inject Access access;
    @Inject MyMemberships myMemberships;
    @Inject AuditLog audit;
    @Inject RequestLanguage language;

    public List<MemberView> members(UUID organizationId) {
        Organization org = organizations.requireVisible(organizationId);
        organizations.requireEditor(org);
        List<OrganizationMembership> members = OrganizationMembership
                .list("id.organizationId = ?1 order by role desc, createdAt", organizationId);
        Map<UUID, Person> users = people.find(members.stream().map(m -> m.id.userId()).toList());
        return members.stream().map(m -> view(m, users.get(m.id.userId()))).toList();
    }

    @Transactional
    public MemberView changeRole(UUID organizationId, UUID userId, String ifMatch, MemberRole role) {
        Organization org = requireVisibleForMemberChange(organizationId);
        organizations.requireOwner(org);
        OrganizationMembership m = requireMember(organizationId, userId);
        Etags.lockAndCheck(ifMatch, m, m.version);
        if (m.role == MemberRole.OWNER && role != MemberRole.OWNER && OrganizationMembership.owners(organizationId) <= 1) {
            throw lastOwner();
        }
        MemberView before = view(m, people.find(userId).orElse(null));
        m.role = role;
        m.persistAndFlush();
        myMemberships.refresh();
        MemberView after = view(m, people.find(userId).orElse(null));
        audit.record(org.municipalityCode, "member.role", "organization", org.id, before, after);
        return after;
    }

    @Transactional
    public void remove(UUID organizationId, UUID userId, String ifMatch) {
        Organization org = requireVisibleForMemberChange(organizationId);
        Person caller = access.requireUser();
        if (!caller.id().equals(userId)) {
            organizations.requireOwner(org);
        }
        OrganizationMembership m = requireMember(organizationId, userId);
        Etags.lockAndCheck(ifMatch, m, m.version);
        if (m.role == MemberRole.OWNER && OrganizationMembership.owners(organizationId) <= 1) {
            throw lastOwner();
        }
        audit.record(org.municipalityCode, "member.remove", "organization", org.id,
                view(m, people.find(userId).orElse(null)), null);
        m.delete();
        myMemberships.refresh();
    }

    @Transactional
    public InvitationView invite(UUID organizationId, MemberRole role) {
        Organization org = organizations.requireVisible(organizationId);
        organizations.requireOwner(org);
        Invitation inv = new Invitation();
        inv.id = UUID.randomUUID();
        inv.organizationId = organizationId;
        inv.code = newCode();
        inv.role = role;
        inv.createdBy = access.requireUser().id();
        inv.createdAt = OffsetDateTime.now();
        inv.expiresAt = inv.createdAt.plus(INVITATION_VALIDITY);
        inv.persist();
        // The code itself stays out of the audit log: it is a secret until used.
        audit.record(org.municipalityCode, "invitation.create", "organization", org.id, null,
                Map.of("invitationId", inv.id, "role", role));
        return view(inv, org);
    }

    public List<InvitationView> invitations(UUID organizationId) {
        Organization org = organizations.requireVisible(organizationId);
        organizations.requireOwner(org);
        return Invitation.<Invitation>list("organizationId = ?1 order by createdAt desc", organizationId).stream()
                .map(inv -> view(inv, org)).toList();
    }

    @Transactional
    public void revoke(UUID organizationId, UUID invitationId) {
        Organization org = organizations.requireVisible(organizationId);
        organizations.requireOwner(org);
        Invitation inv = Invitation.findById(invitationId);
        if (inv == null || !inv.organizationId.equals(organizationId)) {
            throw Problems.notFound(Label.of("招待が見つかりません", "No such invitation"));
        }
        if (inv.acceptedAt != null) {
            throw Problems.conflict(Label.of("受諾済みの招待は取り消せません", "An accepted invitation cannot be revoked"));
        }
        if (inv.revokedAt == null) {
            inv.revokedAt = OffsetDateTime.now();
            audit.record(org.municipalityCode, "invitation.revoke", "organization", org.id,
                    Map.of("invitationId", inv.id), null);
        }
    }

    @Transactional
    public MemberView accept(String code) {
        Person user = access.requireUser();
        // Locked, so that people accepting the same code at once are served one after the
        // other and only the first one joins.
        Invitation inv = code == null ? null : Invitation.<Invitation>find("code", code)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (inv == null) {
            throw Problems.notFound(Label.of("招待コードが見つかりません", "No such invitation code"));
        }
        if (!inv.isOpen(OffsetDateTime.now())) {
            throw Problems.conflict(Label.of("この招待は使用済み、取り消し済み、または期限切れです",
                    "This invitation was already used, revoked or has expired"));
        }
        Organization org = Organization.findById(inv.organizationId);
        if (org == null || org.deletedAt != null) {
            throw Problems.notFound(Label.of("団体が見つかりません", "No such organisation"));
        }
        if (OrganizationMembership.find(org.id, user.id()) != null) {
            throw Problems.conflict(Label.of("既にこの団体のメンバーです", "You are already a member of this organisation"));
        }
        inv.acceptedAt = OffsetDateTime.now();
        inv.acceptedBy = user.id();
        OrganizationMembership m = OrganizationMembership.of(org.id, user.id(), inv.role);
        m.persist();
        myMemberships.refresh();
        MemberView view = view(m, user);
        audit.record(org.municipalityCode, "member.join", "organization", org.id, null, view);
        return view;
    }

    /**
     * The organisation, with its row locked until the transaction ends: changes to its members
     * are serialised, so that two owners stepping down at once cannot both pass the last-owner
     * check and leave the organisation without an owner.
     */
    private Organization requireVisibleForMemberChange(UUID organizationId) {
        if (organizationId != null) {
            Organization.findById(organizationId, LockModeType.PESSIMISTIC_WRITE);
        }
        return organizations.requireVisible(organizationId);
    }

    private static OrganizationMembership requireMember(UUID organizationId, UUID userId) {
        OrganizationMembership m = OrganizationMembership.find(organizationId, userId);
        if (m == null) {
            throw Problems.notFound(Label.of("この団体のメンバーではありません", "No such member"));
        }
        return m;
    }

    private static RuntimeException lastOwner() {
        return Problems.conflict(Label.of("最後の代表者は外せません。先に別の代表者を任命してください",
                "The last owner cannot leave or step down; appoint another owner first"));
    }

    private static String newCode() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private MemberView view(OrganizationMembership m, Person user) {
        return new MemberView(m.id.userId(), user == null ? null : user.displayName(), user == null ? null : user.email(),
                m.role, language.label(m.role), m.createdAt, m.version);
    }

    private static InvitationView view(Invitation inv, Organization org) {
        return new InvitationView(inv.id, inv.organizationId, org.name, inv.code, inv.role, inv.createdAt,
                inv.expiresAt, inv.acceptedAt, inv.revokedAt);
    }
}
