package jp.kyoso.listing;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Tells an organisation's members when one of its open listings is about to expire (its
 * {@code availableUntil} within {@code kyoso.listings.expiry-notice-days}, default 7): once per
 * listing and end date (extending the window and nearing the new end tells them again), on one
 * instance at a time.
 */
@ApplicationScoped
public class ListingExpiryReminders {

    static final long LOCK = 0x6b796f736f11L;
    private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    @ConfigProperty(name = "kyoso.listings.expiry-notice-days", defaultValue = "7")
    int noticeDays;

    @Inject EntityManager em;
    @Inject Notifications notifications;

    @Scheduled(every = "${kyoso.reminders.every:15m}", delayed = "${kyoso.reminders.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void scheduled() {
        sendDue(LocalDate.now(ZONE));
    }

    /** One round as of {@code today} (Japan); answers how many members were told. */
    @Transactional
    public int sendDue(LocalDate today) {
        if (!AdvisoryLocks.tryForTransaction(em, LOCK)) {
            return 0;
        }
        List<Listing> expiring = Listing.list("status = ?1 and deletedAt is null and availableUntil >= ?2 "
                + "and availableUntil <= ?3", ListingStatus.OPEN, today, today.plusDays(noticeDays));
        int told = 0;
        for (Listing l : expiring) {
            if (OnceKeys.claim(em, "listing-expiring:" + l.id + ":" + l.availableUntil)) {
                told += notifications.tellMembers(l.organizationId, new Notifications.Event(
                        NotificationKind.LISTING_EXPIRING, l.municipalityCode, null, l.id, null, null, l.title,
                        l.availableUntil.toString(), null));
            }
        }
        return told;
    }
}
