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
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.event.EventDtos.Answer;
import jp.kyoso.event.EventDtos.Contact;
import jp.kyoso.event.EventDtos.Counts;
import jp.kyoso.event.EventDtos.EventView;
import jp.kyoso.event.EventDtos.FeeView;
import jp.kyoso.event.EventDtos.LinkRef;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
        EventAccess access = events.accessTo(e);
        boolean organizer = access.isOrganizer();
        UUID uid = currentUser.id().orElse(null);
        EventRegistration mine = uid == null ? null : EventRegistration.<EventRegistration>find(
                "eventId = ?1 and userId = ?2 and status <> ?3", e.id, uid, RegistrationStatus.CANCELLED)
                .firstResult();
        boolean mayJoinOnline = organizer || (mine != null && mine.holdsSeat());
        List<Theme> themes = Arrays.stream(e.themes).map(Theme::valueOf).toList();
        int fiscalYear = fiscalYear(e);
        Instant now = Instant.now();
        boolean open = e.status == EventStatus.PUBLISHED && !e.hasEnded(now)
                && (e.registrationOpensAt == null || !now.isBefore(e.registrationOpensAt.toInstant()))
                && (e.registrationClosesAt == null || !now.isAfter(e.registrationClosesAt.toInstant()));
        return new EventView(e.id, e.municipalityCode, e.organizationId, organizerName(e),
                organizations(e.coOrganizerIds), e.kind, language.label(e.kind), e.title, e.titleKana, e.titleEnglish,
                e.description, themes, themes.stream().map(language::label).toList(), List.of(e.areaIds), e.mode,
                language.label(e.mode), venue(e), mayJoinOnline ? e.onlineUrl : null, e.startsAt, e.endsAt, e.allDay,
                fiscalYear, FiscalYear.label(fiscalYear, language.get()),
                new FeeView(e.feeYen == null || e.feeYen == 0, e.feeYen, e.feeNote), e.capacity, e.heldSeats,
                e.registrationOpensAt, e.registrationClosesAt, open, e.guestsAllowed, e.reminderHours, questions(e),
                contact(e), e.status, language.label(e.status), e.listed, e.publishedAt, e.cancellationReason,
                e.cancelledAt, counts(e), publicParticipants(e), report(e, organizer),
                links("select p.id, p.title from event_project l join project p on p.id = l.project_id "
                        + "where l.event_id = ?1 and p.deleted_at is null order by p.title", e.id),
                links("select i.id, i.code || ' ' || i.title from event_plan_item l join plan_item i on i.id = l.plan_item_id "
                        + "where l.event_id = ?1 order by i.code", e.id),
                organizer, mine == null ? null : mine.id, mine == null ? null : mine.status,
                e.version, e.createdAt, e.updatedAt);
    }

    static int fiscalYear(Event e) {
        return FiscalYear.of(LocalDate.ofInstant(e.startsAt.toInstant(), FiscalYear.JAPAN));
    }

    public Counts counts(Event e) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where status in ('REGISTERED', 'ATTENDED')),
                               count(*) filter (where status = 'WAITLISTED'),
                               count(*) filter (where status = 'ATTENDED')
                        from event_registration where event_id = ?1""")
                .setParameter(1, e.id).getSingleResult();
        long registered = ((Number) row[0]).longValue();
        Integer open = e.openSeats();
        return new Counts(registered, ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                open == null ? null : (int) Math.max(0, open - registered));
    }

    String organizerName(Event e) {
        if (e.organizationId != null) {
            Organization org = Organization.findById(e.organizationId);
            if (org != null) {
                return org.name;
            }
        }
        Municipality m = Municipality.findById(e.municipalityCode);
        return m == null ? e.municipalityCode : m.name;
    }

    List<OrganizationRef> organizations(UUID[] ids) {
        if (ids == null || ids.length == 0) {
            return List.of();
        }
        Map<UUID, String> names = new java.util.HashMap<>();
        Organization.<Organization>list("id in ?1", List.of(ids)).forEach(o -> names.put(o.id, o.name));
        return Arrays.stream(ids).filter(names::containsKey).map(id -> new OrganizationRef(id, names.get(id))).toList();
    }

    private ReportView report(Event e, boolean organizer) {
        if (e.status != EventStatus.CLOSED) {
            return null;
        }
        int attendees = e.attendeeCount == null ? 0 : e.attendeeCount;
        int walkIns = e.walkIns == null ? 0 : e.walkIns;
        List<LinkRef> projects = e.followUpProjectIds.length == 0 ? List.of()
                : links("select p.id, p.title from project p where p.id = any(cast(?1 as uuid[])) and p.deleted_at is null "
                + "order by p.title", jp.kyoso.core.search.SqlArrays.literal(List.of(e.followUpProjectIds)));
        return new ReportView(attendees, walkIns, attendees + walkIns, organizations(e.reportOrganizationIds),
                organizer ? e.reportSummary : null, e.reportPublicSummary, List.of(e.followUpListingIds), projects,
                e.closedAt);
    }

    @SuppressWarnings("unchecked")
    private List<String> publicParticipants(Event e) {
        return em.createNativeQuery("""
                        select coalesce(u.display_name, '') from event_registration r join app_user u on u.id = r.user_id
                        where r.event_id = ?1 and r.show_publicly and r.status in ('REGISTERED', 'ATTENDED')
                        order by r.arrival""", String.class)
                .setParameter(1, e.id).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<LinkRef> links(String sql, Object param) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, param).getResultList();
        return rows.stream().map(r -> new LinkRef((UUID) r[0], (String) r[1])).toList();
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
        String name = r.guestName;
        if (r.userId != null) {
            List<?> names = em.createNativeQuery("select display_name from app_user where id = ?1", String.class)
                    .setParameter(1, r.userId).getResultList();
            name = names.isEmpty() ? null : (String) names.get(0);
        }
        String display = RegistrationCodes.display(r.code);
        return new RegistrationView(r.id, e.id, e.title, e.startsAt, e.status, r.userId, name, r.guestEmail,
                r.isGuest(), r.status, language.label(r.status), waitlistPosition(r), display,
                QrCodes.svg(r.code, display), answers(e, r), r.showPublicly, r.checkedInAt, r.promotedAt, r.cancelledAt,
                r.createdAt, r.version);
    }

    private Integer waitlistPosition(EventRegistration r) {
        if (r.status != RegistrationStatus.WAITLISTED) {
            return null;
        }
        return (int) EventRegistration.count("eventId = ?1 and status = ?2 and arrival <= ?3", r.eventId,
                RegistrationStatus.WAITLISTED, r.arrival);
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
