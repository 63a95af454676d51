package jp.kyoso.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.search.SqlArrays;
import jp.kyoso.event.EventDtos.Contact;
import jp.kyoso.event.EventDtos.EventWrite;
import jp.kyoso.event.EventDtos.Fee;
import jp.kyoso.event.EventDtos.Question;
import jp.kyoso.event.EventDtos.Venue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static jp.kyoso.core.text.Texts.blankToNull;

/**
 * An event's fields as written: checked against each other (the end after the start, held
 * seats within the capacity, a venue or an online URL as the mode needs, distinct question
 * keys with their options) and against the municipality (areas, organisations, projects and
 * plan items of its own), then applied; the links to projects and plan items replaced.
 */
@ApplicationScoped
public class EventInput {

    /** What a referenced id must be, per kind: the SQL that counts those of a municipality. */
    private static final Map<String, String> OWN = Map.of(
            "organization", "select count(*) from organization where municipality_code = ?1 and deleted_at is null "
                    + "and id = any(cast(?2 as uuid[]))",
            "listing", "select count(*) from listing where municipality_code = ?1 and deleted_at is null "
                    + "and id = any(cast(?2 as uuid[]))",
            "project", "select count(*) from project where municipality_code = ?1 and deleted_at is null "
                    + "and id = any(cast(?2 as uuid[]))",
            "plan_item", "select count(*) from plan_item i join plan p on p.id = i.plan_id where p.municipality_code = ?1 "
                    + "and i.id = any(cast(?2 as uuid[]))");
    private static final Map<String, Label> NOT_OWN = Map.of(
            "organization", Label.of("この自治体の団体ではないものが含まれています",
                    "Contains an id that is not an organisation of this municipality"),
            "listing", Label.of("この自治体の有る・無いではないものが含まれています",
                    "Contains an id that is not a have or need of this municipality"),
            "project", Label.of("この自治体の協創の場ではないものが含まれています",
                    "Contains an id that is not a project of this municipality"),
            "plan_item", Label.of("この自治体の計画の項目ではないものが含まれています",
                    "Contains an id that is not a plan item of this municipality"));

    @Inject EntityManager em;
    @Inject AreaService areas;
    @Inject EventViews views;

    void apply(Event e, EventWrite w) {
        List<UUID> areaIds = w.areaIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(w.areaIds()));
        areas.requireAreasOf(e.municipalityCode, areaIds, "areaIds");
        List<UUID> co = w.coOrganizerIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(w.coOrganizerIds()));
        if (e.organizationId != null && co.contains(e.organizationId)) {
            throw Problems.invalidField("coOrganizerIds", Label.of("主催団体は共催団体に含めません",
                    "The organising organisation is not one of its co-organisers"));
        }
        requireIds("organization", e.municipalityCode, co, "coOrganizerIds");
        requireIds("project", e.municipalityCode, w.projectIds(), "projectIds");
        requireIds("plan_item", e.municipalityCode, w.planItemIds(), "planItemIds");
        if (w.endsAt() != null && w.endsAt().isBefore(w.startsAt())) {
            throw Problems.invalidField("endsAt", Label.of("終了日時は開始日時以降にしてください",
                    "The end must not be before the start"));
        }
        if (w.registrationOpensAt() != null && w.registrationClosesAt() != null
                && w.registrationClosesAt().isBefore(w.registrationOpensAt())) {
            throw Problems.invalidField("registrationClosesAt", Label.of("申込締切は申込開始以降にしてください",
                    "Registration must not close before it opens"));
        }
        int held = w.heldSeats() == null ? 0 : w.heldSeats();
        if (w.capacity() != null && held > w.capacity()) {
            throw Problems.invalidField("heldSeats", Label.of("確保席は定員以下にしてください",
                    "Held seats cannot exceed the capacity"));
        }
        if (w.capacity() == null && held > 0) {
            throw Problems.invalidField("heldSeats", Label.of("定員のないイベントには確保席を設けられません",
                    "An event without a capacity has no held seats"));
        }
        Venue venue = w.venue();
        String onlineUrl = blankToNull(w.onlineUrl());
        if (w.mode() != EventMode.ONLINE && (venue == null || blankToNull(venue.name()) == null)) {
            throw Problems.invalidField("venue.name", Label.of("会場で開くイベントには会場名が必要です",
                    "An event held at a venue needs the venue's name"));
        }
        if (w.mode() != EventMode.IN_PERSON && onlineUrl == null) {
            throw Problems.invalidField("onlineUrl", Label.of("オンラインで開くイベントには参加用URLが必要です",
                    "An online event needs its URL"));
        }
        List<Question> questions = questions(w.questions());
        e.coOrganizerIds = co.toArray(UUID[]::new);
        e.kind = w.kind();
        e.title = w.title().strip();
        e.titleKana = blankToNull(w.titleKana());
        e.titleEnglish = blankToNull(w.titleEnglish());
        e.description = blankToNull(w.description());
        e.themes = w.themes() == null ? new String[0] : w.themes().stream().distinct().map(Enum::name).toArray(String[]::new);
        e.areaIds = areaIds.toArray(UUID[]::new);
        e.mode = w.mode();
        boolean atVenue = w.mode() != EventMode.ONLINE && venue != null;
        e.venueName = atVenue ? blankToNull(venue.name()) : null;
        e.venueAddress = atVenue ? blankToNull(venue.address()) : null;
        e.venueAddressDetail = atVenue ? blankToNull(venue.addressDetail()) : null;
        e.venueLatitude = atVenue ? venue.latitude() : null;
        e.venueLongitude = atVenue ? venue.longitude() : null;
        e.venueAccess = atVenue ? blankToNull(venue.access()) : null;
        e.venueParking = atVenue ? blankToNull(venue.parking()) : null;
        e.onlineUrl = w.mode() == EventMode.IN_PERSON ? null : onlineUrl;
        e.startsAt = w.startsAt();
        e.endsAt = w.endsAt();
        e.allDay = Boolean.TRUE.equals(w.allDay());
        Fee fee = w.fee();
        e.feeYen = fee == null || fee.amountYen() == null || fee.amountYen() == 0 ? null : fee.amountYen();
        e.feeNote = fee == null ? null : blankToNull(fee.note());
        e.capacity = w.capacity();
        e.heldSeats = held;
        e.registrationOpensAt = w.registrationOpensAt();
        e.registrationClosesAt = w.registrationClosesAt();
        e.guestsAllowed = Boolean.TRUE.equals(w.guestsAllowed());
        e.reminderHours = w.reminderHours() == null ? 24 : w.reminderHours();
        e.questions = views.questionsJson(questions);
        Contact contact = w.contact();
        e.contactName = contact == null ? null : blankToNull(contact.name());
        e.contactPhone = contact == null ? null : blankToNull(contact.phone());
        e.contactExtension = contact == null ? null : blankToNull(contact.extension());
        e.listed = w.listed() == null || w.listed();
        e.reindex();
    }

    private static List<Question> questions(List<Question> given) {
        if (given == null) {
            return List.of();
        }
        Set<String> keys = new HashSet<>();
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Question q = given.get(i);
            if (!keys.add(q.key())) {
                throw Problems.invalidField("questions[" + i + "].key", Label.of("質問のキーが重複しています",
                        "Question keys must be unique"));
            }
            boolean choice = q.kind() == QuestionKind.SINGLE_CHOICE || q.kind() == QuestionKind.MULTIPLE_CHOICE;
            List<String> options = q.options() == null ? List.of()
                    : q.options().stream().map(String::strip).distinct().toList();
            if (choice && options.size() < 2) {
                throw Problems.invalidField("questions[" + i + "].options", Label.of("選択式の質問には選択肢が2つ以上必要です",
                        "A choice question needs at least two options"));
            }
            out.add(new Question(q.key(), q.kind(), q.label().strip(), choice ? options : List.of(),
                    Boolean.TRUE.equals(q.required())));
        }
        return out;
    }

    /** Fails with 400 on {@code field} unless every id is a {@code kind} of the municipality. */
    void requireIds(String kind, String code, Collection<UUID> ids, String field) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        Set<UUID> distinct = new HashSet<>(ids);
        long found = ((Number) em.createNativeQuery(OWN.get(kind)).setParameter(1, code)
                .setParameter(2, SqlArrays.literal(distinct)).getSingleResult()).longValue();
        if (found != distinct.size()) {
            throw Problems.invalidField(field, NOT_OWN.get(kind));
        }
    }

    /** Replaces the event's links to projects and plan items with those written. */
    void link(Event e, EventWrite w) {
        em.createNativeQuery("delete from event_project where event_id = ?1").setParameter(1, e.id).executeUpdate();
        em.createNativeQuery("delete from event_plan_item where event_id = ?1").setParameter(1, e.id).executeUpdate();
        for (UUID p : w.projectIds() == null ? List.<UUID>of() : new LinkedHashSet<>(w.projectIds())) {
            em.createNativeQuery("insert into event_project (event_id, project_id) values (?1, ?2)")
                    .setParameter(1, e.id).setParameter(2, p).executeUpdate();
        }
        for (UUID i : w.planItemIds() == null ? List.<UUID>of() : new LinkedHashSet<>(w.planItemIds())) {
            em.createNativeQuery("insert into event_plan_item (event_id, plan_item_id) values (?1, ?2)")
                    .setParameter(1, e.id).setParameter(2, i).executeUpdate();
        }
    }

    static UUID[] distinct(List<UUID> ids) {
        return ids == null ? new UUID[0] : new LinkedHashSet<>(ids).toArray(UUID[]::new);
    }
}
