package jp.kyoso.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.event.EventAccess.Caller;
import jp.kyoso.organization.MyMemberships;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Finds events as the caller may see them, and gathers the facts {@link EventAccess} decides on. */
@ApplicationScoped
public class Events {

    static final Label NO_SUCH_EVENT = Label.of("イベントが見つかりません", "No such event");

    @Inject EntityManager em;
    @Inject Access access;
    @Inject CurrentUser currentUser;
    @Inject MyMemberships memberships;
    @ConfigProperty(name = "kyoso.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Where the web pages are, for links that leave Kyoso (calendar entries, open data). */
    String publicBaseUrl() {
        return publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    }

    public jp.kyoso.core.security.Person requireUser() {
        return access.requireUser();
    }

    public java.util.Optional<jp.kyoso.core.security.Person> user() {
        return currentUser.get();
    }

    public java.util.Optional<UUID> userId() {
        return currentUser.id();
    }

    /** The event if the caller may see it; 404 otherwise (a draft is not revealed). */
    public Event requireVisible(UUID id) {
        Event event = id == null ? null : Event.findById(id);
        if (event == null || event.isDeleted() || !accessTo(event).maySee()) {
            throw Problems.notFound(NO_SUCH_EVENT);
        }
        return event;
    }

    /**
     * The event locked for the rest of the transaction, so that registrations, cancellations and
     * check-ins of one event happen one after another (the capacity is never exceeded).
     */
    Event lock(Event event) {
        em.lock(event, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(event);
        return event;
    }

    /** A registration of that event; 404 for one of another event, or one the caller may not see. */
    EventRegistration requireRegistration(Event event, UUID registrationId) {
        EventRegistration r = registrationId == null ? null : EventRegistration.findById(registrationId);
        if (r == null || !r.eventId.equals(event.id) || !accessTo(event).maySeeRegistration(r)) {
            throw Problems.notFound(Label.of("申込みが見つかりません", "No such registration"));
        }
        return r;
    }

    EventAccess accessTo(Event event) {
        Set<UUID> co = event.coOrganizerIds == null ? Set.of() : new HashSet<>(Arrays.asList(event.coOrganizerIds));
        Set<UUID> all = new HashSet<>(co);
        if (event.organizationId != null) {
            all.add(event.organizationId);
        }
        return new EventAccess(caller(event.municipalityCode, all), event.status, event.organizationId, co);
    }

    /** The caller in a municipality, with the organisations among {@code organizationIds} they belong to. */
    Caller caller(String municipalityCode, Collection<UUID> organizationIds) {
        if (!currentUser.isAuthenticated()) {
            return Caller.anonymous();
        }
        Set<UUID> mine = organizationIds.stream().filter(Objects::nonNull)
                .filter(id -> memberships.roleIn(id).isPresent()).collect(Collectors.toSet());
        return new Caller(true, currentUser.id().orElse(null), access.isStaff(municipalityCode), mine);
    }
}
