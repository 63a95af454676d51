package jp.kyoso.event;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.core.persistence.AdvisoryLocks;
import jp.kyoso.core.persistence.OnceKeys;
import jp.kyoso.notification.NotificationKind;
import jp.kyoso.notification.Notifications;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The events' reminders, on one instance at a time (an advisory lock) and once per key across
 * restarts ({@link OnceKeys}): registrants are reminded the organiser's {@code reminderHours}
 * before the start (inbox and mail at their frequency for signed-in people, a mail for guests),
 * and the organising organisation's members are reminded to close an event 3 and again 7 days
 * after it ended while it is still open (published, not closed).
 */
@ApplicationScoped
public class EventReminders {

    static final long LOCK = 0x6b796f736f10L;
    private static final Logger LOG = Logger.getLogger(EventReminders.class);

    @Inject EntityManager em;
    @Inject Notifications notifications;
    @Inject EventMails mails;
    @Inject EventViews views;

    @Scheduled(every = "${kyoso.reminders.every:15m}", delayed = "${kyoso.reminders.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void scheduled() {
        int sent = sendDue(Instant.now());
        if (sent > 0) {
            LOG.infof("Sent %d event reminders", sent);
        }
    }

    /** One round as of {@code now}; answers how many reminders it made (0 while another instance is at it). */
    @Transactional
    public int sendDue(Instant now) {
        if (!AdvisoryLocks.tryForTransaction(em, LOCK)) {
            return 0;
        }
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int made = 0;
        List<Event> soon = Event.list("status = ?1 and deletedAt is null and reminderHours > 0 and startsAt > ?2 "
                + "and startsAt <= ?3", EventStatus.PUBLISHED, at, at.plusDays(14));
        for (Event e : soon) {
            if (e.startsAt.toInstant().isAfter(now.plus(Duration.ofHours(e.reminderHours)))) {
                continue;
            }
            List<EventRegistration> registered = EventRegistration.list("eventId = ?1 and status = ?2", e.id,
                    RegistrationStatus.REGISTERED);
            for (EventRegistration r : registered) {
                if (!OnceKeys.claim(em, "event-reminder:" + r.id)) {
                    continue;
                }
                made++;
                if (r.userId != null) {
                    notifications.tellUser(r.userId, new Notifications.Event(NotificationKind.EVENT_REMINDER,
                            e.municipalityCode, null, null, null, null, e.title, EventMails.when(e),
                            views.organizerName(e), e.id));
                } else {
                    mails.tellGuest(e, r, EventMails.Kind.REMINDER, null);
                }
            }
        }
        List<Event> open = Event.list("status = ?1 and deletedAt is null and organizationId is not null "
                + "and coalesce(endsAt, startsAt) <= ?2 and coalesce(endsAt, startsAt) > ?3",
                EventStatus.PUBLISHED, at.minusDays(3), at.minusDays(60));
        for (Event e : open) {
            long daysOver = Duration.between(e.endInstant(), now).toDays();
            int step = daysOver >= 7 ? 7 : 3;
            if (step == 7) {
                OnceKeys.claim(em, "event-close:" + e.id + ":3");
            }
            if (OnceKeys.claim(em, "event-close:" + e.id + ":" + step)) {
                made += notifications.tellMembers(e.organizationId, new Notifications.Event(
                        NotificationKind.EVENT_CLOSE_REMINDER, e.municipalityCode, null, null, null, null, e.title,
                        EventMails.when(e), views.organizerName(e), e.id));
            }
        }
        return made;
    }
}
