package jp.kyoso.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Person;
import jp.kyoso.event.EventDtos.CheckInWrite;
import jp.kyoso.event.EventDtos.GuestWrite;
import jp.kyoso.event.EventDtos.RegistrationWrite;
import jp.kyoso.notification.NotificationKind;
import jp.kyoso.notification.Notifications;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Registrations: a signed-in person, or a guest where the event allows it, registers while the
 * event takes registrations; each of an event's registrations, cancellations and check-ins runs
 * under the event's row lock, so seats are counted one at a time and the capacity (less the
 * held seats) is never exceeded. Past it people are WAITLISTED in order of arrival; when a seat
 * frees the first on the waitlist is promoted and told.
 */
@ApplicationScoped
public class EventRegistrations {

    @Inject EntityManager em;
    @Inject Events events;
    @Inject EventViews views;
    @Inject RegistrationAnswers answers;
    @Inject AuditLog audit;
    @Inject Notifications notifications;
    @Inject EventMails mails;

    @Transactional
    public EventRegistration register(UUID eventId, RegistrationWrite write) {
        Event event = events.requireVisible(eventId);
        Person user = events.user().orElse(null);
        GuestWrite guest = write.guest();
        if (user == null && (guest == null || !event.guestsAllowed)) {
            if (event.guestsAllowed) {
                throw Problems.invalidField("guest", Label.of("お名前とメールアドレスを入力するか、ログインしてください",
                        "Give your name and e-mail address, or sign in"));
            }
            throw Problems.unauthorized();
        }
        if (user != null && guest != null) {
            throw Problems.invalidField("guest", Label.of("ログイン中はご本人として申し込みます",
                    "Signed in, you register as yourself"));
        }
        String answersJson = answers.check(views.questions(event), write.answers());
        events.lock(event);
        event.requireOpenForRegistration(Instant.now());
        String email = guest == null ? null : guest.email().strip().toLowerCase(Locale.ROOT);
        boolean twice = user != null
                ? EventRegistration.count("eventId = ?1 and userId = ?2 and status <> ?3", event.id, user.id(),
                RegistrationStatus.CANCELLED) > 0
                : EventRegistration.count("eventId = ?1 and lower(guestEmail) = ?2 and status <> ?3", event.id, email,
                RegistrationStatus.CANCELLED) > 0;
        if (twice) {
            throw Problems.conflict(user != null
                    ? Label.of("このイベントには既に申し込んでいます", "You have already registered for this event")
                    : Label.of("このメールアドレスで既に申し込まれています",
                    "Someone has already registered with this e-mail address"));
        }
        EventRegistration r = new EventRegistration();
        r.id = UUID.randomUUID();
        r.eventId = event.id;
        r.municipalityCode = event.municipalityCode;
        r.userId = user == null ? null : user.id();
        r.guestName = guest == null ? null : guest.name().strip();
        r.guestEmail = email;
        r.status = hasFreeSeat(event) ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED;
        r.arrival = ((Number) em.createNativeQuery("select nextval('event_registration_arrival')").getSingleResult())
                .longValue();
        r.code = newCode(event.id);
        r.answers = answersJson;
        r.showPublicly = user != null && Boolean.TRUE.equals(write.showPublicly());
        r.created();
        r.persistAndFlush();
        audit.record(event.municipalityCode, "event.register", "event_registration", r.id, null,
                views.registration(event, r));
        mails.tellGuest(event, r, r.status == RegistrationStatus.WAITLISTED ? EventMails.Kind.WAITLISTED
                : EventMails.Kind.CONFIRMED, null);
        return r;
    }

    @Transactional
    public EventRegistration cancel(UUID eventId, UUID registrationId) {
        Event event = events.requireVisible(eventId);
        EventRegistration r = events.requireRegistration(event, registrationId);
        events.accessTo(event).requireMayCancel(r);
        events.lock(event);
        em.refresh(r);
        if (r.status == RegistrationStatus.CANCELLED) {
            throw Problems.conflict(Label.of("この申込みは既に取り消されています", "The registration is already cancelled"));
        }
        if (r.status == RegistrationStatus.ATTENDED) {
            throw Problems.conflict(Label.of("出席済みの申込みは取り消せません",
                    "A registration that has checked in cannot be cancelled"));
        }
        if (event.status != EventStatus.PUBLISHED) {
            throw Problems.conflict(Label.of("中止・終了したイベントの申込みは取り消せません",
                    "Registrations of a cancelled or closed event cannot be cancelled"));
        }
        Object before = views.registration(event, r);
        boolean freedSeat = r.holdsSeat();
        r.status = RegistrationStatus.CANCELLED;
        r.cancelledAt = OffsetDateTime.now();
        r.touch();
        r.persistAndFlush();
        audit.record(event.municipalityCode, "event.registration.cancel", "event_registration", r.id, before,
                views.registration(event, r));
        mails.tellGuest(event, r, EventMails.Kind.REGISTRATION_CANCELLED, null);
        if (freedSeat && !event.hasEnded(Instant.now())) {
            promote(event);
        }
        return r;
    }

    /** Fills free seats from the waitlist in arrival order; each promoted person is told. Under the event's lock. */
    void promote(Event event) {
        while (hasFreeSeat(event)) {
            EventRegistration next = EventRegistration.<EventRegistration>find(
                    "eventId = ?1 and status = ?2 order by arrival", event.id, RegistrationStatus.WAITLISTED).firstResult();
            if (next == null) {
                return;
            }
            Object before = views.registration(event, next);
            next.status = RegistrationStatus.REGISTERED;
            next.promotedAt = OffsetDateTime.now();
            next.touch();
            next.persistAndFlush();
            audit.record(event.municipalityCode, "event.registration.promote", "event_registration", next.id, before,
                    views.registration(event, next));
            if (next.userId != null) {
                notifications.tellUser(next.userId, new Notifications.Event(NotificationKind.EVENT_PROMOTED,
                        event.municipalityCode, null, null, null, null, event.title, null,
                        views.organizerName(event), event.id));
            }
            mails.tellGuest(event, next, EventMails.Kind.PROMOTED, null);
        }
    }

    @Transactional
    public EventRegistration checkIn(UUID eventId, CheckInWrite write) {
        Event event = events.requireVisible(eventId);
        events.accessTo(event).requireOrganizer();
        boolean byCode = write.code() != null && !write.code().isBlank();
        if (byCode == (write.registrationId() != null)) {
            throw Problems.invalidField(byCode ? "registrationId" : "code", Label.of(
                    "受付番号か申込みのどちらか一方を指定してください", "Give either a code or a registration id"));
        }
        EventRegistration r;
        if (byCode) {
            String code = RegistrationCodes.normalize(write.code()).orElseThrow(() -> Problems.invalidField("code",
                    Label.of("受付番号の形式ではありません", "Not a registration code")));
            r = EventRegistration.<EventRegistration>find("eventId = ?1 and code = ?2", event.id, code).firstResult();
            if (r == null) {
                throw Problems.notFound(Label.of("このイベントにその受付番号の申込みはありません",
                        "No registration of this event has that code"));
            }
        } else {
            r = events.requireRegistration(event, write.registrationId());
        }
        events.lock(event);
        em.refresh(r);
        if (event.status != EventStatus.PUBLISHED) {
            throw Problems.conflict(Label.of("公開中のイベントだけ受付できます", "Only a published event checks people in"));
        }
        switch (r.status) {
            case ATTENDED -> throw Problems.conflict(Label.of("既に受付済みです", "Already checked in"));
            case CANCELLED -> throw Problems.conflict(Label.of("取り消された申込みです", "The registration is cancelled"));
            case WAITLISTED -> throw Problems.conflict(Label.of("キャンセル待ちの申込みです。席が空いてから受付してください",
                    "The registration is on the waitlist"));
            default -> {
            }
        }
        Object before = views.registration(event, r);
        r.status = RegistrationStatus.ATTENDED;
        r.checkedInAt = OffsetDateTime.now();
        r.touch();
        r.persistAndFlush();
        audit.record(event.municipalityCode, "event.check-in", "event_registration", r.id, before,
                views.registration(event, r));
        return r;
    }

    private boolean hasFreeSeat(Event event) {
        Integer open = event.openSeats();
        return open == null || EventRegistration.count("eventId = ?1 and status in ?2", event.id,
                List.of(RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED)) < open;
    }

    private static String newCode(UUID eventId) {
        for (int attempt = 0; ; attempt++) {
            String code = RegistrationCodes.generate();
            if (attempt > 20 || EventRegistration.count("eventId = ?1 and code = ?2", eventId, code) == 0) {
                return code;
            }
        }
    }
}
