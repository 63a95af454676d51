package jp.kyoso.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.area.LiaisonAssignment;
import jp.kyoso.core.persistence.ByIds;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.municipality.StaffMembership;
import jp.kyoso.message.MessageReply;
import jp.kyoso.message.OrganizationMessage;
import jp.kyoso.notification.Notification;
import jp.kyoso.organization.Invitation;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationMembership;
import jp.kyoso.account.PrivacyDtos.AuditRecord;
import jp.kyoso.account.PrivacyDtos.InvitationRecord;
import jp.kyoso.account.PrivacyDtos.LiaisonRecord;
import jp.kyoso.account.PrivacyDtos.MembershipRecord;
import jp.kyoso.account.PrivacyDtos.MessageRecord;
import jp.kyoso.account.PrivacyDtos.MessageReplyRecord;
import jp.kyoso.account.PrivacyDtos.MyData;
import jp.kyoso.account.PrivacyDtos.NotificationRecord;
import jp.kyoso.account.PrivacyDtos.OrganizationRecord;
import jp.kyoso.account.PrivacyDtos.StaffRecord;
import jp.kyoso.account.PrivacyDtos.UserRecord;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The person's right to see everything Kyoso holds about them (個人情報保護法): one document with
 * their account, roles, memberships, what they wrote and what they were told.
 */
@ApplicationScoped
public class PersonalDataExport {

    @Inject CurrentUser currentUser;
    @Inject EntityManager em;
    @Inject jp.kyoso.event.EventPrivacy events;
    @Inject jp.kyoso.savedsearch.SavedSearchPrivacy savedSearches;
    @Inject jp.kyoso.notification.NotificationSettings mailSettings;

    public MyData export() {
        UserAccount user = UserAccount.findById(currentUser.require().id());
        UUID id = user.id;
        List<StaffRecord> staff = StaffMembership.ofUser(id).stream()
                .map(s -> new StaffRecord(s.id.municipalityCode(), s.role, s.createdAt)).toList();
        List<OrganizationMembership> memberships = OrganizationMembership.list("id.userId", id);
        List<OrganizationRecord> organizations = memberships.isEmpty() ? List.of() : Organization.<Organization>list(
                        "id in ?1 order by name", memberships.stream().map(m -> m.id.organizationId()).toList())
                .stream().map(o -> new OrganizationRecord(o.id, o.name, o.municipalityCode)).toList();
        List<LiaisonRecord> liaisons = LiaisonAssignment.<LiaisonAssignment>list("userId", id).stream()
                .map(l -> new LiaisonRecord(l.id, l.areaId, l.role.name(), l.startsOn, l.endsOn)).toList();
        List<InvitationRecord> invitations = Invitation.<Invitation>list(
                        "createdBy = ?1 or acceptedBy = ?1 order by createdAt", id).stream()
                .map(i -> new InvitationRecord(i.id, i.organizationId, i.role, id.equals(i.createdBy),
                        id.equals(i.acceptedBy), i.createdAt, i.expiresAt, i.acceptedAt, i.revokedAt)).toList();
        List<NotificationRecord> notifications = Notification.<Notification>list(
                        "userId = ?1 order by createdAt", id).stream()
                .map(n -> new NotificationRecord(n.id, n.kind.name(), n.municipalityCode, n.subject, n.detail,
                        n.counterpart, n.createdAt, n.readAt)).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, municipality_code, action, entity_type, entity_id, occurred_at
                        from audit_entry where actor_id = ?1 order by occurred_at, id""")
                .setParameter(1, id).getResultList();
        List<AuditRecord> auditEntries = rows.stream().map(r -> new AuditRecord((UUID) r[0],
                r[1] == null ? null : ((String) r[1]).trim(), (String) r[2], (String) r[3], (String) r[4],
                toOffset(r[5]))).toList();
        return new MyData(OffsetDateTime.now(),
                new UserRecord(id, user.displayName, user.email, user.createdAt, user.lastSeenAt),
                staff,
                memberships.stream().sorted(Comparator.comparing(m -> m.createdAt))
                        .map(m -> new MembershipRecord(m.id.organizationId(), m.role, m.createdAt)).toList(),
                organizations, liaisons, invitations, notifications, auditEntries, messages(id),
                MessageReply.<MessageReply>list("authorId = ?1 and fromOrganization = true order by createdAt, id", id)
                        .stream().map(r -> replyRecord(r, id)).toList(), events.export(id), savedSearches.export(id),
                mailSettings.mine().view());
    }

    private List<MessageRecord> messages(UUID id) {
        List<OrganizationMessage> sent = OrganizationMessage.list("senderId = ?1 order by createdAt, id", id);
        if (sent.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> orgNames = new LinkedHashMap<>();
        ByIds.load(Organization.class, sent.stream().map(m -> m.organizationId).toList()).values()
                .forEach(o -> orgNames.put(o.id, o.name));
        Map<UUID, List<MessageReplyRecord>> replies = new LinkedHashMap<>();
        MessageReply.<MessageReply>list("messageId in ?1 order by createdAt, id", sent.stream().map(m -> m.id).toList())
                .forEach(r -> replies.computeIfAbsent(r.messageId, k -> new java.util.ArrayList<>())
                        .add(replyRecord(r, id)));
        return sent.stream().map(m -> new MessageRecord(m.id, m.organizationId, orgNames.get(m.organizationId),
                m.subject, m.body, m.createdAt, replies.getOrDefault(m.id, List.of()))).toList();
    }

    private static MessageReplyRecord replyRecord(MessageReply r, UUID id) {
        return new MessageReplyRecord(r.id, r.messageId, r.fromOrganization, id.equals(r.authorId), r.body,
                r.createdAt);
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
