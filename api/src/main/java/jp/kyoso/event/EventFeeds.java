package jp.kyoso.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.municipality.Municipality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Events for other programs: one event or a municipality's feed as iCalendar
 * ({@link EventCalendar}), and the open data イベント一覧 ({@link EventOpenData}). Only what the
 * public may see goes in: never drafts, never the online URL; the open data only PUBLISHED and
 * CLOSED listed events.
 */
@ApplicationScoped
public class EventFeeds {

    static final int MAX_EVENTS = 1000;

    @Inject Events events;
    @Inject EventSearch search;
    @Inject EventViews views;
    @Inject Municipalities municipalities;

    public String ics(java.util.UUID id) {
        return EventCalendar.event(entry(events.requireVisible(id)), Instant.now());
    }

    public String feed(String code, EventSearch.Criteria criteria) {
        Municipality m = municipalities.require(code);
        List<EventCalendar.Entry> entries = search.publicEvents(code, criteria,
                        List.of(EventStatus.PUBLISHED, EventStatus.CANCELLED, EventStatus.CLOSED), MAX_EVENTS)
                .stream().map(this::entry).toList();
        return EventCalendar.feed(m.name + " イベント", entries, Instant.now());
    }

    public byte[] openData(String code) {
        Municipality m = municipalities.require(code);
        EventOpenData.Municipality municipality = new EventOpenData.Municipality(m.code, m.prefecture, m.name);
        List<EventOpenData.Event> rows = new ArrayList<>();
        for (Event e : search.publicEvents(code, new EventSearch.Criteria(null, null, null, null, null, null, null,
                null, null, null), List.of(EventStatus.PUBLISHED, EventStatus.CLOSED), MAX_EVENTS)) {
            rows.add(new EventOpenData.Event(municipality, e.title, e.titleKana, e.titleEnglish, e.startsAt.toInstant(),
                    e.endsAt == null ? null : e.endsAt.toInstant(), e.allDay, e.description,
                    new EventOpenData.Fee(e.feeYen == null ? null : e.feeYen.longValue(), e.feeNote),
                    new EventOpenData.Contact(e.contactName, e.contactPhone, e.contactExtension), views.organizerName(e),
                    views.organizations(e.coOrganizerIds).stream().map(EventDtos.OrganizationRef::name).toList(),
                    e.mode != EventMode.IN_PERSON,
                    e.mode == EventMode.ONLINE ? null : new EventOpenData.Venue(e.venueName, e.venueAddress,
                            e.venueAddressDetail, e.venueLatitude, e.venueLongitude, e.venueAccess, e.venueParking),
                    e.capacity, e.registrationClosesAt == null ? null : e.registrationClosesAt.toInstant(),
                    e.status == EventStatus.PUBLISHED ? "Kyoso のイベントページから申し込めます" : null,
                    e.status == EventStatus.PUBLISHED ? pageUrl(e) : null, pageUrl(e), null));
        }
        return EventOpenData.csv(rows);
    }

    private EventCalendar.Entry entry(Event e) {
        String location = e.mode == EventMode.ONLINE ? "オンライン"
                : java.util.stream.Stream.of(e.venueName, e.venueAddress, e.venueAddressDetail)
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
        if (e.mode == EventMode.HYBRID) {
            location = location + "（オンライン併用）";
        }
        String organizer = views.organizerName(e);
        String organizerUri = e.organizationId == null ? "/municipalities/" + e.municipalityCode
                : "/organizations/" + e.organizationId;
        return new EventCalendar.Entry(e.id, e.version, e.title, e.description, location, pageUrl(e),
                e.startsAt.toInstant(), e.endsAt == null ? null : e.endsAt.toInstant(), e.allDay,
                e.status == EventStatus.CANCELLED, e.updatedAt == null ? null : e.updatedAt.toInstant(),
                new EventCalendar.Organizer(organizer, absolute(organizerUri)));
    }

    private String pageUrl(Event e) {
        return absolute("/events/" + e.id);
    }

    private String absolute(String path) {
        return events.publicBaseUrl() + path;
    }
}
