package jp.kyoso.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Language;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.People;
import jp.kyoso.core.security.Person;
import jp.kyoso.core.web.Etags;
import jp.kyoso.notification.NotificationSettingsDtos.KindSettingView;
import jp.kyoso.notification.NotificationSettingsDtos.KindSettingWrite;
import jp.kyoso.notification.NotificationSettingsDtos.NotificationSettingsView;
import jp.kyoso.notification.NotificationSettingsDtos.NotificationSettingsWrite;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Each person's mail settings: per kind on or off and a frequency, the language of their mails
 * and the local hour of their digests. A kind without a stored choice has its default: proposals
 * received and accepted, project invitations, event cancellations, waitlist promotions and event
 * reminders immediately, the rest in the daily digest.
 */
@ApplicationScoped
public class NotificationSettings {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    public static final int DEFAULT_DIGEST_HOUR = 8;
    static final Set<NotificationKind> IMMEDIATE = EnumSet.of(NotificationKind.MATCH_PROPOSED,
            NotificationKind.MATCH_ACCEPTED, NotificationKind.PROJECT_INVITATION, NotificationKind.EVENT_CANCELLED,
            NotificationKind.EVENT_PROMOTED, NotificationKind.EVENT_REMINDER,
            NotificationKind.BROKER_PROPOSAL);

    /** Who a mail goes to, in which language, and how each kind reaches them. */
    public record Recipient(UUID userId, String email, Language language, int digestHour,
                            Map<NotificationKind, MailFrequency> frequencies) {
        public MailFrequency frequency(NotificationKind kind) {
            return frequencies.getOrDefault(kind, defaultFrequency(kind));
        }
    }

    @Inject EntityManager em;
    @Inject Access access;
    @Inject People people;
    @Inject AuditLog audit;
    @Inject RequestLanguage requestLanguage;

    public static MailFrequency defaultFrequency(NotificationKind kind) {
        return IMMEDIATE.contains(kind) ? MailFrequency.IMMEDIATE : MailFrequency.DAILY;
    }

    /** The recipient's settings as they apply (defaults filled in); a kind turned off is NEVER. */
    public Recipient recipient(UUID userId) {
        NotificationPreference p = NotificationPreference.findById(userId);
        String account = people.find(userId).map(Person::email).orElse(null);
        Map<NotificationKind, MailFrequency> frequencies = new EnumMap<>(NotificationKind.class);
        stored(userId).forEach((kind, choice) -> frequencies.put(kind, choice.enabled ? choice.frequency : MailFrequency.NEVER));
        String email = account == null ? null : p != null && p.email != null ? p.email : account;
        return new Recipient(userId, email, p == null ? Language.JA : p.language,
                p == null ? DEFAULT_DIGEST_HOUR : p.digestHour, frequencies);
    }

    public record Stored(boolean enabled, MailFrequency frequency) {
    }

    private Map<NotificationKind, Stored> stored(UUID userId) {
        Map<NotificationKind, Stored> out = new EnumMap<>(NotificationKind.class);
        for (Object row : em.createNativeQuery(
                        "select kind, enabled, frequency from notification_kind_setting where user_id = ?1")
                .setParameter(1, userId).getResultList()) {
            Object[] r = (Object[]) row;
            try {
                out.put(NotificationKind.valueOf((String) r[0]),
                        new Stored((Boolean) r[1], MailFrequency.valueOf((String) r[2])));
            } catch (IllegalArgumentException retiredKind) {
                // A kind no longer made: its choice no longer matters.
            }
        }
        return out;
    }

    public record Versioned(NotificationSettingsView view, long version) {
    }

    public Versioned mine() {
        Person user = access.requireUser();
        NotificationPreference p = NotificationPreference.findById(user.id());
        return new Versioned(view(user, p), p == null ? 0 : p.version);
    }

    @Transactional
    public Versioned update(String ifMatch, NotificationSettingsWrite write) {
        Person user = access.requireUser();
        em.createNativeQuery("insert into notification_preference (user_id) values (?1) on conflict do nothing")
                .setParameter(1, user.id()).executeUpdate();
        NotificationPreference p = em.find(NotificationPreference.class, user.id(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(p);
        Etags.check(ifMatch, p.version);
        NotificationSettingsView before = view(user, p);
        p.language = write.language();
        p.digestHour = write.digestHour();
        p.email = write.email() == null || write.email().isBlank() ? null : write.email().strip().toLowerCase(Locale.ROOT);
        p.touch();
        for (KindSettingWrite k : write.kinds()) {
            choose(user.id(), k.kind(), k.enabled(), k.frequency());
        }
        em.flush();
        NotificationSettingsView after = view(user, p);
        audit.record(null, "notification-settings.update", "user", user.id(), before, after);
        return new Versioned(after, p.version);
    }

    /**
     * Turns a kind off for a person (one-click unsubscribe), or with {@code kind} null every kind
     * they have mailed at the {@code digest} frequency; answers how many kinds were on.
     */
    @Transactional
    public int turnOff(UUID userId, NotificationKind kind, MailFrequency digest) {
        if (people.find(userId).isEmpty()) {
            return 0;
        }
        Recipient r = recipient(userId);
        Map<NotificationKind, Stored> stored = stored(userId);
        int wasOn = 0;
        for (NotificationKind k : NotificationKind.values()) {
            if (kind == null ? r.frequency(k) != digest : k != kind) {
                continue;
            }
            wasOn += r.frequency(k) == MailFrequency.NEVER ? 0 : 1;
            choose(userId, k, false, stored.getOrDefault(k, new Stored(true, defaultFrequency(k))).frequency);
        }
        em.createNativeQuery("insert into notification_preference (user_id) values (?1) on conflict do nothing")
                .setParameter(1, userId).executeUpdate();
        em.createNativeQuery("update notification_preference set version = version + 1, updated_at = now() where user_id = ?1")
                .setParameter(1, userId).executeUpdate();
        audit.record(null, "notification-settings.unsubscribe", "user", userId, null,
                Map.of("kind", kind == null ? "DIGEST_" + digest : kind.name(), "enabled", false));
        return wasOn;
    }

    private void choose(UUID userId, NotificationKind kind, boolean enabled, MailFrequency frequency) {
        em.createNativeQuery("""
                        insert into notification_kind_setting (user_id, kind, enabled, frequency) values (?1, ?2, ?3, ?4)
                        on conflict (user_id, kind) do update set enabled = excluded.enabled, frequency = excluded.frequency""")
                .setParameter(1, userId).setParameter(2, kind.name()).setParameter(3, enabled)
                .setParameter(4, frequency.name()).executeUpdate();
    }

    private NotificationSettingsView view(Person user, NotificationPreference p) {
        Map<NotificationKind, Stored> stored = stored(user.id());
        List<KindSettingView> kinds = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            Stored s = stored.getOrDefault(kind, new Stored(true, defaultFrequency(kind)));
            kinds.add(new KindSettingView(kind, requestLanguage.label(kind), s.enabled, s.frequency,
                    requestLanguage.label(s.frequency), defaultFrequency(kind)));
        }
        return new NotificationSettingsView(p == null ? null : p.email, user.email(),
                p == null ? Language.JA : p.language, p == null ? DEFAULT_DIGEST_HOUR : p.digestHour, ZONE.getId(), kinds);
    }
}
