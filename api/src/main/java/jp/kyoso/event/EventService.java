package jp.kyoso.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.integration.DomainEvents;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.persistence.Changes;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Person;
import jp.kyoso.event.EventDtos.CancellationWrite;
import jp.kyoso.event.EventDtos.ClosureWrite;
import jp.kyoso.event.EventDtos.EventWrite;
import jp.kyoso.event.EventDtos.ReportWrite;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.municipality.Municipality;
import jp.kyoso.notification.NotificationKind;
import jp.kyoso.notification.Notifications;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Events: organisers create, describe, publish, cancel (every registrant is told why) and close
 * them with a report; drafts can be deleted. Who may is {@link EventAccess}; the fields are
 * checked by {@link EventInput}; registrations are {@link EventRegistrations}.
 */
@ApplicationScoped
public class EventService {

    @Inject EntityManager em;
    @Inject Events events;
    @Inject EventViews views;
    @Inject EventInput input;
    @Inject Changes changes;
    @Inject Municipalities municipalities;
    @Inject AuditLog audit;
    @Inject DomainEvents domainEvents;
    @Inject Notifications notifications;
    @Inject EventMails mails;
    @Inject EventRegistrations registrations;
    @Inject jakarta.enterprise.event.Event<EventPublished> published;

    @Transactional
    public Event create(String code, EventWrite write) {
        Municipality municipality = municipalities.require(code);
        EventAccess.requireMayOrganize(events.caller(code, write.organizationId() == null ? Set.of()
                : Set.of(write.organizationId())), write.organizationId());
        Person user = events.requireUser();
        if (write.organizationId() != null) {
            input.requireIds("organization", code, List.of(write.organizationId()), "organizationId");
        }
        Event event = new Event();
        event.id = UUID.randomUUID();
        event.municipalityCode = municipality.code;
        event.organizationId = write.organizationId();
        event.status = EventStatus.DRAFT;
        event.createdBy = user.id();
        event.reportOrganizationIds = new UUID[0];
        event.followUpListingIds = new UUID[0];
        event.followUpProjectIds = new UUID[0];
        event.created();
        input.apply(event, write);
        event.persist();
        em.flush();
        input.link(event, write);
        audit.record(code, "event.create", "event", event.id, null, views.view(event));
        return event;
    }

    @Transactional
    public Event update(UUID id, String ifMatch, EventWrite write) {
        Event event = events.requireVisible(id);
        events.accessTo(event).requireOrganizer();
        if (event.status == EventStatus.CANCELLED || event.status == EventStatus.CLOSED) {
            throw Problems.conflict(Label.of("中止・終了したイベントは変更できません",
                    "A cancelled or closed event cannot be changed"));
        }
        if (!java.util.Objects.equals(write.organizationId(), event.organizationId)) {
            throw Problems.invalidField("organizationId", Label.of("主催者は変更できません",
                    "The organiser cannot change"));
        }
        Event updated = changes.update(event, ifMatch, audited(event, "event.update"), views::view, e -> {
            input.apply(e, write);
            input.link(e, write);
            requireRoomForTheRegistered(e);
        });
        if (updated.status == EventStatus.PUBLISHED) {
            // More seats (a larger capacity, fewer held back) go to the waitlist at once.
            registrations.promote(updated);
        }
        return updated;
    }

    /** Seats already given cannot be taken back by a smaller capacity. */
    private static void requireRoomForTheRegistered(Event e) {
        Integer open = e.openSeats();
        if (open == null) {
            return;
        }
        long seated = EventRegistration.count("eventId = ?1 and status in ?2", e.id,
                List.of(RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED));
        if (seated > open) {
            throw Problems.invalidField(e.heldSeats > 0 ? "heldSeats" : "capacity", Label.of(
                    "既に" + seated + "人が申込済みです。定員から確保席を引いた数はそれ以上にしてください",
                    seated + " people already hold a seat: capacity less held seats cannot be fewer"));
        }
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Event event = events.requireVisible(id);
        events.accessTo(event).requireOrganizer();
        changes.delete(event, ifMatch, audited(event, "event.delete"), views::view, e -> {
            if (e.status != EventStatus.DRAFT) {
                throw Problems.conflict(Label.of("削除できるのは下書きだけです。公開後は中止してください",
                        "Only a draft can be deleted; cancel a published event instead"));
            }
            e.markDeleted();
        });
    }

    @Transactional
    public Event publish(UUID id) {
        Event event = events.requireVisible(id);
        events.accessTo(event).requireOrganizer();
        Event done = transition(event, "event.publish", Event::publish);
        published.fire(new EventPublished(done.id));
        announce("event.published", done);
        return done;
    }

    @Transactional
    public Event cancel(UUID id, CancellationWrite write) {
        Event event = events.requireVisible(id);
        EventAccess access = events.accessTo(event);
        access.requireOrganizer();
        UUID by = events.userId().orElse(null);
        String reason = write.reason().strip();
        transition(event, "event.cancel", e -> e.cancel(reason, by));
        announce("event.cancelled", event);
        List<UUID> people = em.createNativeQuery("""
                        select distinct user_id from event_registration
                        where event_id = ?1 and user_id is not null and status <> 'CANCELLED'""")
                .setParameter(1, event.id).getResultList().stream().map(UUID.class::cast).toList();
        Notifications.Event told = new Notifications.Event(NotificationKind.EVENT_CANCELLED, event.municipalityCode,
                null, null, null, null, event.title, reason, views.organizerName(event), event.id);
        people.forEach(uid -> notifications.tellUser(uid, told));
        EventRegistration.<EventRegistration>list("eventId = ?1 and userId is null and status <> ?2", event.id,
                RegistrationStatus.CANCELLED).forEach(r -> mails.tellGuest(event, r, EventMails.Kind.EVENT_CANCELLED, reason));
        return event;
    }

    @Transactional
    public Event close(UUID id, ClosureWrite write) {
        Event event = events.requireVisible(id);
        events.accessTo(event).requireOrganizer();
        ReportWrite report = write.report();
        input.requireIds("organization", event.municipalityCode, report.organizationIds(), "report.organizationIds");
        input.requireIds("listing", event.municipalityCode, report.followUpListingIds(), "report.followUpListingIds");
        input.requireIds("project", event.municipalityCode, report.followUpProjectIds(), "report.followUpProjectIds");
        UUID by = events.userId().orElse(null);
        return transition(event, "event.close", e -> {
            e.requireClosable(Instant.now());
            long attended = EventRegistration.count("eventId = ?1 and status = ?2", e.id, RegistrationStatus.ATTENDED);
            e.attendeeCount = report.attendeeCount() == null ? (int) attended : report.attendeeCount();
            e.walkIns = report.walkIns() == null ? 0 : report.walkIns();
            e.reportOrganizationIds = EventInput.distinct(report.organizationIds());
            e.reportSummary = jp.kyoso.core.text.Texts.blankToNull(report.summary());
            e.reportPublicSummary = jp.kyoso.core.text.Texts.blankToNull(report.publicSummary());
            e.followUpListingIds = EventInput.distinct(report.followUpListingIds());
            e.followUpProjectIds = EventInput.distinct(report.followUpProjectIds());
            e.closedAt = OffsetDateTime.now();
            e.closedBy = by;
            e.status = EventStatus.CLOSED;
        });
    }

    /** A state change under the row lock, stamped and audited (no If-Match: the state itself guards it). */
    private Event transition(Event event, String action, java.util.function.Consumer<Event> change) {
        events.lock(event);
        Object before = views.view(event);
        change.accept(event);
        event.touch();
        event.persistAndFlush();
        audit.record(event.municipalityCode, action, "event", event.id, before, views.view(event));
        return event;
    }

    /** Tells integrations (webhooks): a listed event was public while published; others only its organisers'. */
    private void announce(String type, Event e) {
        List<UUID> organizers = new java.util.ArrayList<>(List.of(e.coOrganizerIds));
        organizers.add(e.organizationId);
        domainEvents.emit(type, e.municipalityCode, e.listed, organizers, Map.of("id", e.id, "title", e.title,
                "status", e.status.name(), "startsAt", e.startsAt.toString()));
    }

    static Changes.Audited audited(Event event, String action) {
        return new Changes.Audited(event.municipalityCode, action, "event", event.id);
    }
}
