package jp.kyoso.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.kyoso.area.LiaisonAssignment;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.municipality.StaffMembership;
import jp.kyoso.notification.Notification;
import jp.kyoso.organization.Invitation;
import jp.kyoso.organization.MemberRole;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationMembership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The person's right to leave (個人情報保護法): the deletion of their account. The user row itself
 * stays, emptied of personal data and detached from the identity, so every record that names it
 * (created_by, actor_id, …) keeps a valid reference.
 */
@ApplicationScoped
public class AccountErasure {

    /** What a deleted person is called wherever a name is still needed. */
    public static final String DELETED_NAME = "退会した利用者";

    @Inject CurrentUser currentUser;
    @Inject EntityManager em;
    @Inject AuditLog audit;
    @Inject ObjectMapper json;
    @Inject jp.kyoso.event.EventPrivacy events;
    @Inject jp.kyoso.savedsearch.SavedSearchPrivacy savedSearches;

    /**
     * Deletes the signed-in person's account in one transaction: memberships, roles, open
     * invitations and notifications go; organisations left without an owner are handed to
     * the staff of their municipality (recorded); personal fields are erased, also from the
     * audit log, which keeps the facts of what was done, and so is what was written in the
     * conversations they started with organisations. Answers they wrote for their own
     * organisation stay with it, signed by a deleted user.
     */
    @Transactional
    public void deleteAccount() {
        UserAccount user = UserAccount.findById(currentUser.require().id());
        UUID id = user.id;
        String name = user.displayName;
        String email = user.email;
        OffsetDateTime now = OffsetDateTime.now();

        // Organisation memberships; organisations whose only owner leaves go to the municipality's staff.
        List<OrganizationMembership> memberships = OrganizationMembership.list("id.userId", id);
        for (OrganizationMembership m : memberships) {
            Organization org = Organization.findById(m.id.organizationId(), LockModeType.PESSIMISTIC_WRITE);
            boolean soleOwner = m.role == MemberRole.OWNER && org.deletedAt == null
                    && OrganizationMembership.owners(org.id) <= 1;
            m.delete();
            if (soleOwner) {
                long remaining = OrganizationMembership.count("id.organizationId", org.id);
                Map<String, Object> before = new LinkedHashMap<>();
                before.put("owners", 1);
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("owners", 0);
                after.put("remainingMembers", remaining);
                after.put("managedBy", "MUNICIPALITY_STAFF");
                after.put("reason", "account-deleted");
                audit.record(org.municipalityCode, "organization.handover", "organization", org.id, before, after);
            }
        }
        em.flush();

        // Open invitations they created can no longer be used.
        for (Invitation inv : Invitation.<Invitation>list("createdBy", id)) {
            if (inv.isOpen(now)) {
                inv.revokedAt = now;
                Organization org = Organization.findById(inv.organizationId);
                audit.record(org.municipalityCode, "invitation.revoke", "organization", org.id,
                        Map.of("invitationId", inv.id), null);
            }
        }

        events.eraseFor(id);
        StaffMembership.delete("id.userId", id);
        LiaisonAssignment.delete("userId", id);
        Notification.delete("userId", id);
        savedSearches.eraseFor(id); // what they looked for goes with them
        // Conversations they started with organisations: what was written is erased on both sides
        // (it was about them); the organisation keeps the fact that a message came and was answered.
        em.createNativeQuery("""
                        update organization_message_reply set body = null, erased_at = ?2
                        where erased_at is null
                          and message_id in (select m.id from organization_message m where m.sender_id = ?1)""")
                .setParameter(1, id).setParameter(2, now).executeUpdate();
        em.createNativeQuery("""
                        update organization_message set subject = null, body = null, erased_at = ?2
                        where sender_id = ?1 and erased_at is null""")
                .setParameter(1, id).setParameter(2, now).executeUpdate();
        audit.record(null, "user.delete", "user", id, null, Map.of("deleted", true));
        em.flush();

        // Mail settings (another address, the language) go with the person; mails not yet sent to
        // them are dropped (their payload holds the address).
        em.createNativeQuery("delete from notification_kind_setting where user_id = ?1").setParameter(1, id).executeUpdate();
        em.createNativeQuery("delete from notification_preference where user_id = ?1").setParameter(1, id).executeUpdate();
        em.createNativeQuery("update notification set mail = 'NONE' where user_id = ?1 and mail in ('DAILY', 'WEEKLY')")
                .setParameter(1, id).executeUpdate();
        if (email != null) {
            em.createNativeQuery("delete from outbox_message where channel = 'mail' and status = 'PENDING' "
                    + "and lower(reference) = lower(?1)").setParameter(1, email).executeUpdate();
        }

        // Replies kept for retried requests may hold personal data; they belong to the identity.
        em.createNativeQuery("delete from idempotent_request where owner_key = ?1")
                .setParameter(1, user.issuer + " " + user.subject).executeUpdate();

        // The user row stays (other records point to it) but names no one any more, and a
        // later sign-in with the same identity starts a fresh account.
        em.createNativeQuery("""
                        update app_user set display_name = ?2, email = null, subject = ?3, last_seen_at = now()
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, DELETED_NAME).setParameter(3, "deleted:" + id)
                .executeUpdate();

        scrubAuditLog(id, name, email);
    }

    /** The audit log keeps what was done, not who the person was. */
    private void scrubAuditLog(UUID id, String name, String email) {
        em.createNativeQuery("update audit_entry set actor_name = ?2 where actor_id = ?1")
                .setParameter(1, id).setParameter(2, DELETED_NAME).executeUpdate();
        String idText = id.toString();
        String needle2 = email == null || email.isBlank() ? idText : email;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, cast(before_state as text), cast(after_state as text) from audit_entry
                        where strpos(coalesce(cast(before_state as text), '') || coalesce(cast(after_state as text), ''), ?1) > 0
                           or strpos(coalesce(cast(before_state as text), '') || coalesce(cast(after_state as text), ''), ?2) > 0""")
                .setParameter(1, idText).setParameter(2, needle2).getResultList();
        for (Object[] r : rows) {
            String before = scrub((String) r[1], idText, name, email);
            String after = scrub((String) r[2], idText, name, email);
            if (!Objects.equals(before, r[1]) || !Objects.equals(after, r[2])) {
                em.createNativeQuery("""
                                update audit_entry set before_state = cast(?2 as jsonb), after_state = cast(?3 as jsonb)
                                where id = ?1""")
                        .setParameter(1, r[0]).setParameter(2, before).setParameter(3, after).executeUpdate();
            }
        }
    }

    private String scrub(String text, String id, String name, String email) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(text);
            return scrubNode(node, id, name, email) ? json.writeValueAsString(node) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Erases the person's name and e-mail from objects that describe them (keyed by their
     * {@code userId}), and their e-mail address wherever it appears. True if anything changed.
     */
    private static boolean scrubNode(JsonNode node, String id, String name, String email) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            boolean aboutThem = id.equals(object.path("userId").asText(null));
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> erase = new java.util.ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    String v = value.asText();
                    if ((email != null && v.equalsIgnoreCase(email))
                            || (aboutThem && (field.getKey().equals("name") || field.getKey().equals("email")))
                            || (aboutThem && name != null && v.equals(name))) {
                        erase.add(field.getKey());
                    }
                } else {
                    changed |= scrubNode(value, id, name, email);
                }
            }
            for (String key : erase) {
                object.putNull(key);
                changed = true;
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual() && email != null && value.asText().equalsIgnoreCase(email)) {
                    array.set(i, json().nullNode());
                    changed = true;
                } else {
                    changed |= scrubNode(value, id, name, email);
                }
            }
        }
        return changed;
    }

    private static com.fasterxml.jackson.databind.node.JsonNodeFactory json() {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    }
}
