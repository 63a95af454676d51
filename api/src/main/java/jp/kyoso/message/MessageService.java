package jp.kyoso.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.People;
import jp.kyoso.core.security.Person;
import jp.kyoso.message.MessageDtos.MessageView;
import jp.kyoso.message.MessageDtos.MessageWrite;
import jp.kyoso.message.MessageDtos.ReplyView;
import jp.kyoso.message.MessageDtos.ReplyWrite;
import jp.kyoso.notification.NotificationKind;
import jp.kyoso.notification.Notifications;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationService;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The contact relay: instead of an address, a signed-in person writes to an organisation
 * through the platform. The organisation's members (and the staff of its municipality, who
 * look after organisations left without an owner) read and answer; the sender reads the
 * answers in their own view. The organisation learns the sender's display name only.
 * Someone who may not read a conversation is told it does not exist.
 */
@ApplicationScoped
public class MessageService {

    @Inject People people;

    /** A conversation stays a conversation, not a chat log without end. */
    static final int MAX_REPLIES = 200;

    @Inject OrganizationService organizations;
    @Inject Access access;
    @Inject Notifications notifications;
    @Inject AuditLog audit;
    @Inject EntityManager em;
    @Inject RequestLanguage language;

    @Transactional
    public MessageView send(UUID organizationId, MessageWrite write) {
        Person sender = access.requireUser();
        Organization org = organizations.requireVisible(organizationId);
        if (!org.isActive()) {
            throw Problems.conflict(Label.of("公開中の団体にだけメッセージを送れます",
                    "Messages can be sent to active organisations only"));
        }
        OrganizationMessage m = new OrganizationMessage();
        m.id = UUID.randomUUID();
        m.organizationId = org.id;
        m.municipalityCode = org.municipalityCode;
        m.senderId = sender.id();
        m.subject = write.subject().strip();
        m.body = write.body().strip();
        m.createdAt = OffsetDateTime.now();
        m.lastActivityAt = m.createdAt;
        m.persist();
        tellOrganization(org, m);
        // The audit keeps the fact, not the correspondence.
        audit.record(org.municipalityCode, "message.send", "organization_message", m.id, null,
                Map.of("organizationId", org.id));
        return views(List.of(m), false).getFirst();
    }

    /** The organisation's inbox, most recently active first: members, staff of the municipality, admins. */
    public Page<MessageView> inbox(UUID organizationId, PageParams paging) {
        Organization org = organizations.requireVisible(organizationId);
        requireReader(org);
        var query = OrganizationMessage.<OrganizationMessage>find(
                "organizationId = ?1 order by lastActivityAt desc, id", org.id);
        Page<OrganizationMessage> page = Page.load(query, paging);
        return page.with(views(page.items(), true));
    }

    /** The caller's own messages to organisations, with the answers, most recently active first. */
    public Page<MessageView> mine(PageParams paging) {
        Person user = access.requireUser();
        var query = OrganizationMessage.<OrganizationMessage>find(
                "senderId = ?1 order by lastActivityAt desc, id", user.id());
        Page<OrganizationMessage> page = Page.load(query, paging);
        return page.with(views(page.items(), false));
    }

    public MessageView thread(UUID organizationId, UUID messageId) {
        Thread t = requireThread(organizationId, messageId, false);
        return views(List.of(t.message()), t.insider() && !t.sender()).getFirst();
    }

    @Transactional
    public MessageView reply(UUID organizationId, UUID messageId, ReplyWrite write) {
        Thread t = requireThread(organizationId, messageId, true);
        OrganizationMessage m = t.message();
        if (m.erasedAt != null) {
            throw Problems.conflict(Label.of("送り主が退会したため、この会話には返信できません",
                    "The sender has left; this conversation cannot be answered"));
        }
        if (MessageReply.count("messageId", m.id) >= MAX_REPLIES) {
            throw Problems.conflict(Label.of("この会話は返信の上限（" + MAX_REPLIES + " 件）に達しました",
                    "This conversation has reached its limit of " + MAX_REPLIES + " replies"));
        }
        Person author = access.requireUser();
        MessageReply r = new MessageReply();
        r.id = UUID.randomUUID();
        r.messageId = m.id;
        r.authorId = author.id();
        r.fromOrganization = !t.sender();
        r.body = write.body().strip();
        r.createdAt = OffsetDateTime.now();
        r.persist();
        m.lastActivityAt = r.createdAt;
        if (r.fromOrganization) {
            notifications.tellUser(m.senderId, new Notifications.Event(NotificationKind.MESSAGE_REPLIED,
                    m.municipalityCode, null, null, null, t.organization().id, t.organization().name, null, null));
        } else {
            tellOrganization(t.organization(), m);
        }
        audit.record(m.municipalityCode, "message.reply", "organization_message", m.id, null,
                Map.of("organizationId", m.organizationId, "replyId", r.id, "fromOrganization", r.fromOrganization));
        em.flush();
        return views(List.of(m), r.fromOrganization).getFirst();
    }

    private void tellOrganization(Organization org, OrganizationMessage m) {
        notifications.tellMembers(org.id, new Notifications.Event(NotificationKind.MESSAGE_RECEIVED,
                org.municipalityCode, null, null, null, org.id, org.name, null, null));
    }

    private record Thread(Organization organization, OrganizationMessage message, boolean sender, boolean insider) {
    }

    private Thread requireThread(UUID organizationId, UUID messageId, boolean lock) {
        Person user = access.requireUser();
        Organization org = organizations.requireVisible(organizationId);
        OrganizationMessage m = messageId == null ? null : lock
                ? OrganizationMessage.findById(messageId, LockModeType.PESSIMISTIC_WRITE)
                : OrganizationMessage.findById(messageId);
        boolean sender = m != null && m.senderId.equals(user.id());
        boolean insider = organizations.isInsider(org);
        if (m == null || !m.organizationId.equals(org.id) || (!sender && !insider)) {
            throw Problems.notFound(Label.of("メッセージが見つかりません", "No such message"));
        }
        return new Thread(org, m, sender, insider);
    }

    private void requireReader(Organization org) {
        access.requireUser();
        if (!organizations.isInsider(org)) {
            throw Problems.forbidden(Label.of("この団体のメンバーか自治体職員だけが受信したメッセージを読めます",
                    "Only members of this organisation or staff of the municipality may read its messages"));
        }
    }

    /**
     * Messages with their conversations. {@code forOrganization}: the reader is on the
     * organisation's side, so its answers are signed by the member who wrote them.
     */
    private List<MessageView> views(List<OrganizationMessage> messages, boolean forOrganization) {
        if (messages.isEmpty()) {
            return List.of();
        }
        UUID me = access.requireUser().id();
        List<UUID> ids = messages.stream().map(m -> m.id).toList();
        Map<UUID, List<MessageReply>> replies = MessageReply.<MessageReply>list(
                        "messageId in ?1 order by createdAt, id", ids).stream()
                .collect(Collectors.groupingBy(r -> r.messageId));
        Set<UUID> people = new HashSet<>();
        messages.forEach(m -> people.add(m.senderId));
        replies.values().forEach(rs -> rs.forEach(r -> people.add(r.authorId)));
        Map<UUID, String> names = namesOf(people);
        Map<UUID, Organization> orgs = Organization.<Organization>list("id in ?1",
                        messages.stream().map(m -> m.organizationId).distinct().toList()).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        return messages.stream().map(m -> {
            Organization org = orgs.get(m.organizationId);
            List<ReplyView> thread = replies.getOrDefault(m.id, List.of()).stream()
                    .map(r -> new ReplyView(r.id, r.fromOrganization,
                            r.fromOrganization && !forOrganization ? org.name : names.get(r.authorId),
                            r.body, r.createdAt))
                    .toList();
            return new MessageView(m.id, m.organizationId, org.name, m.municipalityCode, names.get(m.senderId),
                    m.senderId.equals(me), m.subject, m.body, m.erasedAt != null, m.createdAt, m.lastActivityAt,
                    thread);
        }).toList();
    }

    private Map<UUID, String> namesOf(Collection<UUID> ids) {
        String unnamed = language.text(UNNAMED);
        return people.find(List.copyOf(ids)).values().stream()
                .collect(Collectors.toMap(Person::id, u -> shownName(u.displayName(), u.email(), unnamed)));
    }

    static final Label UNNAMED = Label.of("表示名のない利用者", "A user without a display name");

    /**
     * The name the other side sees. The identity provider may fill the display name with the
     * e-mail address (a username that is one); an address is never shown, so such a name and a
     * missing one both read as a user without a display name.
     */
    static String shownName(String displayName, String email, String unnamed) {
        if (displayName == null || displayName.isBlank() || displayName.contains("@")
                || (email != null && displayName.strip().equalsIgnoreCase(email.strip()))) {
            return unnamed;
        }
        return displayName;
    }
}
