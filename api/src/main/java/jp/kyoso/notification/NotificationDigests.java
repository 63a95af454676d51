package jp.kyoso.notification;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.core.persistence.AdvisoryLocks;
import jp.kyoso.mail.Mails;
import org.jboss.logging.Logger;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.UUID;

/**
 * The daily and weekly digests: for each person with entries waiting, once their local hour
 * (Asia/Tokyo) of the day has come — and for the weekly one, on Mondays — one mail with every
 * waiting entry, keyed {@code digest:daily:{user}:{date}} or {@code digest:weekly:{user}:{week}},
 * so each goes once per period across all instances (and one instance at a time runs the job, an
 * advisory lock). Entries made after the day's digest wait for the next one.
 */
@ApplicationScoped
public class NotificationDigests {

    static final long LOCK = 0x6b796f736f12L;
    private static final Logger LOG = Logger.getLogger(NotificationDigests.class);

    @Inject EntityManager em;
    @Inject NotificationSettings settings;
    @Inject NotificationMails notificationMails;
    @Inject Mails mails;

    @Scheduled(every = "${kyoso.digests.every:10m}", delayed = "${kyoso.reminders.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void scheduled() {
        int sent = sendDue(Instant.now());
        if (sent > 0) {
            LOG.infof("Sent %d notification digests", sent);
        }
    }

    /** One round as of {@code now}; answers how many digests it enqueued. */
    @Transactional
    public int sendDue(Instant now) {
        if (!AdvisoryLocks.tryForTransaction(em, LOCK)) {
            return 0;
        }
        ZonedDateTime local = now.atZone(NotificationSettings.ZONE);
        @SuppressWarnings("unchecked")
        List<Object[]> waiting = em.createNativeQuery("""
                        select n.user_id, n.mail from notification n
                        left join notification_preference p on p.user_id = n.user_id
                        where n.mail in ('DAILY', 'WEEKLY') and coalesce(p.digest_hour, ?1) <= ?2
                        group by n.user_id, n.mail""")
                .setParameter(1, NotificationSettings.DEFAULT_DIGEST_HOUR).setParameter(2, local.getHour())
                .getResultList();
        int sent = 0;
        for (Object[] row : waiting) {
            UUID userId = (UUID) row[0];
            boolean weekly = "WEEKLY".equals(row[1]);
            if (weekly && local.getDayOfWeek() != DayOfWeek.MONDAY) {
                continue;
            }
            String key = weekly
                    ? "digest:weekly:" + userId + ":" + local.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                    + local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                    : "digest:daily:" + userId + ":" + local.toLocalDate();
            List<Notification> entries = Notification.list("userId = ?1 and mail = ?2 order by createdAt", userId,
                    (String) row[1]);
            NotificationSettings.Recipient r = settings.recipient(userId);
            if (r.email() == null) {
                entries.forEach(n -> n.mail = "NONE");
                continue;
            }
            if (mails.send(key, notificationMails.digest(r, entries, weekly), entries.getFirst().municipalityCode, null)) {
                entries.forEach(n -> n.mail = "DIGESTED");
                sent++;
            }
        }
        return sent;
    }
}
