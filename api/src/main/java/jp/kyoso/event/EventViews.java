package jp.kyoso.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.persistence.ByIds;
import jp.kyoso.core.search.SqlArrays;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.event.EventDtos.Answer;
import jp.kyoso.event.EventDtos.Contact;
import jp.kyoso.event.EventDtos.Counts;
import jp.kyoso.event.EventDtos.EventView;
import jp.kyoso.event.EventDtos.FeeView;
import jp.kyoso.event.EventDtos.OrganizationRef;
import jp.kyoso.event.EventDtos.Question;
import jp.kyoso.event.EventDtos.RegistrationView;
import jp.kyoso.event.EventDtos.ReportView;
import jp.kyoso.event.EventDtos.Venue;
import jp.kyoso.municipality.Municipality;
import jp.kyoso.organization.Organization;
import jp.kyoso.theme.Theme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Events and registrations as the API shows them, in the caller's language. Everyone sees the
 * counts; the online URL only registered people and organisers; the report's minutes only
 * organisers; a registration only its registrant and the organisers.
 */
@ApplicationScoped
public class EventViews {

    private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {
    };

    @Inject EntityManager em;
    @Inject Events events;
    @Inject CurrentUser currentUser;
    @Inject RequestLanguage language;
    @Inject ObjectMapper json;

    public EventView view(Event e) {
        return views(List.of(e)).get(0);
    }

    /** The views of a page of events, in its order, in a constant number of queries ({@link EventRelated}). */
    public List<EventView> views(List<Event> page) {
        UUID uid = currentUser.id().orElse(null);
        EventRelated related = EventRelated.of(em, page, uid);
        return page.stream().map(e -> view(e, related)).toList();
    }

    private EventView view(Event e, EventRelated related) {
        EventAccess access = events.accessTo(e);
        boolean organizer = access.isOrganizer();
        EventRelated.Mine mine = related.mine.get(e.id);
        boolean mayJoinOnline = organizer || (mine != null && mine.holdsSeat());
        List<Theme> themes = Arrays.stream(e.themes).map(Theme::valueOf).toList();
        int fiscalYear = fiscalYear(e);
        Instant now = Instant.now();
        boolean open = e.status == EventStatus.PUBLISHED && !e.hasEnded(now)
                && (e.registrationOpensAt == null || !now.isBefore(e.registrationOpensAt.toInstant()))
                && (e.registrationClosesAt == null || !now.isAfter(e.registrationClosesAt.toInstant()));
        String organizerName = e.organizationId != null && related.organizationNames.containsKey(e.organizationId)
                ? related.organizationNames.get(e.organizationId)
                : related.municipalityNames.getOrDefault(e.municipalityCode, e.municipalityCode);
        return new EventView(e.id, e.municipalityCode, e.organizationId, organizerName,
                related.organizations(e.coOrganizerIds), e.kind, language.label(e.kind), e.title, e.titleKana, e.titleEnglish,
                e.description, themes, themes.stream().map(language::label).toList(), List.of(e.areaIds), e.mode,
                language.label(e.mode), venue(e), mayJoinOnline ? e.onlineUrl : null, e.startsAt, e.endsAt, e.allDay,
                fiscalYear, FiscalYear.label(fiscalYear, language.get()),
                new FeeView(e.feeYen == null || e.feeYen == 0, e.feeYen, e.feeNote), e.capacity, e.heldSeats,
                e.registrationOpensAt, e.registrationClosesAt, open, e.guestsAllowed, e.reminderHours, questions(e),
                contact(e), e.status, language.label(e.status), e.listed, e.publishedAt, e.cancellationReason,
                e.cancelledAt, counts(e, related.counts.get(e.id)), related.participants.getOrDefault(e.id, List.of()),
                report(e, organizer, related), related.projects.getOrDefault(e.id, List.of()),
                related.planItems.getOrDefault(e.id, List.of()),
                organizer, mine == null ? null : mine.id(), mine == null ? null : mine.status(),
                e.version, e.createdAt, e.updatedAt);
    }

    static int fiscalYear(Event e) {
        return FiscalYear.of(LocalDate.ofInstant(e.startsAt.toInstant(), FiscalYear.JAPAN));
    }

    private static Counts counts(Event e, EventRelated.Counts c) {
        long registered = c == null ? 0 : c.registered();
        Integer open = e.openSeats();
        return new Counts(registered, c == null ? 0 : c.waitlisted(), c == null ? 0 : c.attended(),
                open == null ? null : (int) Math.max(0, open - registered));
    }

    String organizerName(Event e) {
        if (e.organizationId != null) {
            Organization org = Organization.findById(e.organizationId);
            if (org != null) {
                return org.name;
            }
        }
        return municipalityName(e);
    }

    private static String municipalityName(Event e) {
        Municipality m = Municipality.findById(e.municipalityCode);
        return m == null ? e.municipalityCode : m.name;
    }

    List<OrganizationRef> organizations(UUID[] ids) {
        if (ids == null || ids.length == 0) {
            return List.of();
        }
        Map<UUID, String> names = new java.util.HashMap<>();
        ByIds.load(Organization.class, List.of(ids)).values().forEach(o -> names.put(o.id, o.name));
        return Arrays.stream(ids).filter(names::containsKey).map(id -> new OrganizationRef(id, names.get(id))).toList();
    }

    private static ReportView report(Event e, boolean organizer, EventRelated related) {
        if (e.status != EventStatus.CLOSED) {
            return null;
        }
        int attendees = e.attendeeCount == null ? 0 : e.attendeeCount;
        int walkIns = e.walkIns == null ? 0 : e.walkIns;
        return new ReportView(attendees, walkIns, attendees + walkIns, related.organizations(e.reportOrganizationIds),
                organizer ? e.reportSummary : null, e.reportPublicSummary, List.of(e.followUpListingIds),
                related.followUpProjects(e.followUpProjectIds), e.closedAt);
    }

    private static Venue venue(Event e) {
        if (e.venueName == null && e.venueAddress == null && e.venueAddressDetail == null && e.venueLatitude == null
                && e.venueLongitude == null && e.venueAccess == null && e.venueParking == null) {
            return null;
        }
        return new Venue(e.venueName, e.venueAddress, e.venueAddressDetail, e.venueLatitude, e.venueLongitude,
                e.venueAccess, e.venueParking);
    }

    private static Contact contact(Event e) {
        return e.contactName == null && e.contactPhone == null && e.contactExtension == null ? null
                : new Contact(e.contactName, e.contactPhone, e.contactExtension);
    }

    List<Question> questions(Event e) {
        try {
            return e.questions == null ? List.of() : json.readValue(e.questions, QUESTIONS);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored questions are not readable", ex);
        }
    }

    String questionsJson(List<Question> questions) {
        try {
            return json.writeValueAsString(questions == null ? List.of() : questions);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    // ---- registrations ----

    public RegistrationView registration(Event e, EventRegistration r) {
        return registrations(List.of(r), Map.of(e.id, e)).get(0);
    }

    /**
     * The views of a page of registrations (of the events in {@code eventsById}), in its order: the
     * registrants' names and the waitlist positions read in one query each.
     */
    @SuppressWarnings("unchecked")
    public List<RegistrationView> registrations(List<EventRegistration> page, Map<UUID, Event> eventsById) {
        Map<UUID, String> names = new HashMap<>();
        List<UUID> users = page.stream().map(r -> r.userId).filter(Objects::nonNull).distinct().toList();
        if (!users.isEmpty()) {
            List<Object[]> rows = em.createNativeQuery("select id, display_name from app_user where id = any(cast(?1 as uuid[]))")
                    .setParameter(1, SqlArrays.literal(users)).getResultList();
            rows.forEach(row -> names.put((UUID) row[0], (String) row[1]));
        }
        Map<UUID, Integer> positions = new HashMap<>();
        List<UUID> waitlisted = page.stream().filter(r -> r.status == RegistrationStatus.WAITLISTED).map(r -> r.eventId)
                .distinct().toList();
        if (!waitlisted.isEmpty()) {
            // The place in the event's waitlist: how many waitlisted registrations arrived no later.
            List<Object[]> rows = em.createNativeQuery("""
                            select id, count(*) over (partition by event_id order by arrival) from event_registration
                            where status = 'WAITLISTED' and event_id = any(cast(?1 as uuid[]))""")
                    .setParameter(1, SqlArrays.literal(waitlisted)).getResultList();
            rows.forEach(row -> positions.put((UUID) row[0], ((Number) row[1]).intValue()));
        }
        List<RegistrationView> views = new ArrayList<>();
        for (EventRegistration r : page) {
            Event e = eventsById.get(r.eventId);
            String name = r.userId != null ? names.get(r.userId) : r.guestName;
            String display = RegistrationCodes.display(r.code);
            views.add(new RegistrationView(r.id, e.id, e.title, e.startsAt, e.status, r.userId, name, r.guestEmail,
                    r.isGuest(), r.status, language.label(r.status),
                    r.status == RegistrationStatus.WAITLISTED ? positions.get(r.id) : null, display,
                    QrCodes.svg(r.code, display), answers(e, r), r.showPublicly, r.checkedInAt, r.promotedAt,
                    r.cancelledAt, r.createdAt, r.version));
        }
        return views;
    }

    List<Answer> answers(Event e, EventRegistration r) {
        Map<String, QuestionKind> kinds = new java.util.HashMap<>();
        questions(e).forEach(q -> kinds.put(q.key(), q.kind()));
        List<Answer> out = new ArrayList<>();
        try {
            JsonNode node = json.readTree(r.answers == null ? "{}" : r.answers);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                if (v.isBoolean()) {
                    out.add(new Answer(f.getKey(), null, List.of(), v.asBoolean()));
                } else if (v.isArray()) {
                    List<String> choices = new ArrayList<>();
                    v.forEach(c -> choices.add(c.asText()));
                    out.add(new Answer(f.getKey(), null, choices, null));
                } else if (kinds.get(f.getKey()) == QuestionKind.SINGLE_CHOICE) {
                    out.add(new Answer(f.getKey(), null, List.of(v.asText()), null));
                } else {
                    out.add(new Answer(f.getKey(), v.asText(), List.of(), null));
                }
            }
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored answers are not readable", ex);
        }
        return out;
    }

    String answersJson(Map<String, Object> answers) {
        ObjectNode node = json.valueToTree(answers);
        return node.toString();
    }
}
