package jp.kyoso.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.core.security.Person;
import jp.kyoso.notification.NotificationDtos.NotificationView;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each person's inbox. Features tell an organisation what happened; every member of it (except
 * the person who did it) gets an entry, which they read and mark read or unread.
 */
@ApplicationScoped
public class Notifications {

    /** Who should hear about something, and what it refers to. */
    public record Event(NotificationKind kind, String municipalityCode, UUID matchId, UUID listingId,
                        UUID projectId, UUID counterpartOrganizationId, String subject, String detail,
                        String counterpart, UUID eventId) {
        public Event(NotificationKind kind, String municipalityCode, UUID matchId, UUID listingId, UUID projectId,
                     UUID counterpartOrganizationId, String subject, String detail, String counterpart) {
            this(kind, municipalityCode, matchId, listingId, projectId, counterpartOrganizationId, subject, detail,
                    counterpart, null);
        }
    }

    private static final UUID NOBODY = new UUID(0, 0);

    @Inject EntityManager em;
    @Inject CurrentUser currentUser;
    @Inject Access access;
    @Inject AuditLog audit;
    @Inject RequestLanguage language;
    @Inject NotificationMails mails;

    /**
     * Tells every member of the organisation except the person acting; each entry is mailed as its
     * recipient chose ({@link NotificationMails}). Runs in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int tellMembers(UUID organizationId, Event event) {
        UUID actor = currentUser.id().orElse(NOBODY);
        @SuppressWarnings("unchecked")
        List<UUID> members = em.createNativeQuery(
                        "select m.user_id from organization_membership m where m.organization_id = ?1 and m.user_id <> ?2")
                .setParameter(1, organizationId).setParameter(2, actor).getResultList();
        members.forEach(userId -> enter(userId, event));
        return members.size();
    }

    /** Tells one person (not the caller). Runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tellUser(UUID userId, Event event) {
        if (userId.equals(currentUser.id().orElse(NOBODY))) {
            return;
        }
        enter(userId, event);
    }

    private void enter(UUID userId, Event event) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.userId = userId;
        n.municipalityCode = event.municipalityCode();
        n.kind = event.kind();
        n.matchId = event.matchId();
        n.listingId = event.listingId();
        n.projectId = event.projectId();
        n.eventId = event.eventId();
        n.organizationId = event.counterpartOrganizationId();
        n.subject = event.subject();
        n.detail = event.detail();
        n.counterpart = event.counterpart();
        n.createdAt = java.time.OffsetDateTime.now();
        n.mail = mails.entered(n);
        n.persist();
    }

    /** The caller's notifications; {@code read} true: read ones only, false: unread ones only, null: all. */
    public Page<NotificationView> mine(Boolean read, PageParams paging) {
        Person user = access.requireUser();
        String where = "userId = ?1" + (Boolean.TRUE.equals(read) ? " and readAt is not null"
                : Boolean.FALSE.equals(read) ? " and readAt is null" : "");
        var query = Notification.<Notification>find(where + " order by createdAt desc, id", user.id());
        return Page.load(query, paging).map(this::view);
    }

    public long unreadCount() {
        return Notification.count("userId = ?1 and readAt is null", access.requireUser().id());
    }

    @Transactional
    public NotificationView mark(UUID id, boolean read) {
        Notification n = requireMine(id);
        NotificationView before = view(n);
        if (read) {
            n.markRead();
        } else {
            n.markUnread();
        }
        NotificationView after = view(n);
        audit.record(n.municipalityCode, read ? "notification.read" : "notification.unread", "notification", n.id,
                Map.of("read", before.read()), Map.of("read", after.read()));
        return after;
    }

    @Transactional
    public long markAllRead() {
        Person user = access.requireUser();
        int changed = em.createNativeQuery("update notification set read_at = now() where user_id = ?1 and read_at is null")
                .setParameter(1, user.id()).executeUpdate();
        audit.record(null, "notification.read-all", "user", user.id(), null, Map.of("marked", changed));
        return changed;
    }

    private Notification requireMine(UUID id) {
        Person user = access.requireUser();
        Notification n = id == null ? null : Notification.findById(id);
        if (n == null || !n.userId.equals(user.id())) {
            // Someone else's notification does not exist for this caller.
            throw Problems.notFound(Label.of("お知らせが見つかりません", "No such notification"));
        }
        return n;
    }

    public NotificationView view(Notification n) {
        return new NotificationView(n.id, n.kind, language.label(n.kind),
                language.text(n.kind.message(n.subject, n.detail, n.counterpart)), n.municipalityCode, n.matchId,
                n.listingId, n.projectId, n.organizationId, n.readAt != null, n.createdAt, n.readAt);
    }
}
