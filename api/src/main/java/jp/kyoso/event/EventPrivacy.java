package jp.kyoso.event;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.persistence.AdvisoryLocks;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Personal data in registrations: a person's own registrations for their data export, what
 * account deletion does to them (live registrations of coming events are cancelled, so the
 * waitlist moves up; answers and the public opt-in are erased everywhere; the rows stay for the
 * counts, pointing to the emptied account), and the guests' names and e-mail addresses, erased
 * {@code kyoso.events.guest-retention-days} days after an event closes or is cancelled by a job
 * that runs on one instance at a time.
 */
@ApplicationScoped
public class EventPrivacy {

    private static final Logger LOG = Logger.getLogger(EventPrivacy.class);
    /** The advisory lock of the guest-data erasure ("EVNTGST" in ASCII). */
    static final long GUEST_ERASURE_LOCK = 0x45564e54475354L;

    @Schema(name = "MyDataEventRegistration", description = "A registration for an event")
    public record RegistrationRecord(UUID id, UUID eventId, String eventTitle, OffsetDateTime eventStartsAt,
                                     RegistrationStatus status, String code, List<EventDtos.Answer> answers,
                                     boolean showPublicly, OffsetDateTime registeredAt,
                                     @Schema(nullable = true) OffsetDateTime checkedInAt,
                                     @Schema(nullable = true) OffsetDateTime cancelledAt) {
    }

    @ConfigProperty(name = "kyoso.events.guest-retention-days", defaultValue = "30")
    int retentionDays;

    @Inject EntityManager em;
    @Inject EventViews views;
    @Inject Events events;
    @Inject EventRegistrations registrations;
    @Inject AuditLog audit;

    public List<RegistrationRecord> export(UUID userId) {
        return EventRegistration.<EventRegistration>list("userId = ?1 order by createdAt, id", userId).stream()
                .map(r -> {
                    Event e = Event.findById(r.eventId);
                    return new RegistrationRecord(r.id, e.id, e.title, e.startsAt, r.status,
                            RegistrationCodes.display(r.code), views.answers(e, r), r.showPublicly, r.createdAt,
                            r.checkedInAt, r.cancelledAt);
                }).toList();
    }

    /** On account deletion, in its transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseFor(UUID userId) {
        Instant now = Instant.now();
        for (EventRegistration r : EventRegistration.<EventRegistration>list("userId = ?1 and status in ?2", userId,
                List.of(RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED))) {
            Event e = Event.findById(r.eventId);
            if (e.status == EventStatus.PUBLISHED && !e.hasEnded(now)) {
                events.lock(e);
                em.refresh(r);
                boolean freed = r.holdsSeat();
                r.status = RegistrationStatus.CANCELLED;
                r.cancelledAt = OffsetDateTime.now();
                r.touch();
                r.persistAndFlush();
                if (freed) {
                    registrations.promote(e);
                }
            }
        }
        em.createNativeQuery("update event_registration set answers = '{}', show_publicly = false where user_id = ?1")
                .setParameter(1, userId).executeUpdate();
    }

    @Scheduled(every = "${kyoso.events.guest-erasure-every:1h}", delayed = "${kyoso.events.guest-erasure-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void scheduled() {
        int erased = eraseDueGuestData();
        if (erased > 0) {
            LOG.infof("Erased the guests' personal data of %d closed or cancelled events", erased);
        }
    }

    /**
     * Erases the guests' names, e-mail addresses and answers of events closed or cancelled more
     * than the retention period ago; returns how many events. Does nothing while another instance
     * is at it (an advisory lock for the transaction).
     */
    @Transactional
    public int eraseDueGuestData() {
        if (!AdvisoryLocks.tryForTransaction(em, GUEST_ERASURE_LOCK)) {
            return 0;
        }
        OffsetDateTime before = OffsetDateTime.now().minus(retentionDays, ChronoUnit.DAYS);
        List<Event> due = Event.list("guestDataErasedAt is null and ((status = ?1 and closedAt <= ?2) "
                + "or (status = ?3 and cancelledAt <= ?2))", EventStatus.CLOSED, before, EventStatus.CANCELLED);
        for (Event e : due) {
            int guests = em.createNativeQuery("""
                            update event_registration set guest_name = null, guest_email = null, answers = '{}'
                            where event_id = ?1 and user_id is null""")
                    .setParameter(1, e.id).executeUpdate();
            em.createNativeQuery("update event set guest_data_erased_at = now() where id = ?1")
                    .setParameter(1, e.id).executeUpdate();
            audit.record(e.municipalityCode, "event.guest-data.erase", "event", e.id, null,
                    Map.of("guestRegistrations", guests, "retentionDays", retentionDays));
        }
        return due.size();
    }
}
