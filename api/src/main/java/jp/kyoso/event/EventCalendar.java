package jp.kyoso.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Events as iCalendar (RFC 5545): one event for "add to calendar", or a subscribable feed of a
 * municipality's events. Times are written in Japan time with {@code TZID=Asia/Tokyo} and its
 * VTIMEZONE, because that is how the events are announced and calendar apps show the zone name;
 * all-day events are dates ({@code VALUE=DATE}).
 *
 * <p>Pure: it takes {@link Entry} records, not entities, so it needs no database and the HTTP
 * layer decides what a caller may see (the online URL, for one, is never part of an entry).
 */
public final class EventCalendar {

    public static final String MEDIA_TYPE = "text/calendar";
    public static final String PRODID = "-//Kyoso//Kyoso Events 1.0//JA";
    public static final String TZID = "Asia/Tokyo";

    private static final ZoneId JAPAN = ZoneId.of(TZID);
    private static final String CRLF = "\r\n";
    /** RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(JAPAN);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private EventCalendar() {
    }

    /**
     * What a calendar needs of one event.
     *
     * @param sequence    the event's version: it grows with every change, so calendar apps
     *                    replace their copy (SEQUENCE)
     * @param location    the venue's name and address, or a note that it is held online; nullable
     * @param url         the event's page in Kyoso, so a calendar entry links back; nullable
     * @param endsAt      nullable: a timed event without an end has no DTEND, an all-day event
     *                    without an end lasts one day
     * @param allDay      the event covers whole days in Japan: from the day of {@code startsAt}
     *                    to the day of the last instant before {@code endsAt}
     * @param organizer   who organises it (ORGANIZER, which METHOD:PUBLISH requires: RFC 5546 3.2.1)
     */
    public record Entry(UUID id, long sequence, String title, String description, String location, String url,
                        Instant startsAt, Instant endsAt, boolean allDay, boolean cancelled, Instant updatedAt,
                        Organizer organizer) {

        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(organizer, "organizer");
            if (endsAt != null && endsAt.isBefore(startsAt)) {
                throw new IllegalArgumentException("endsAt is before startsAt");
            }
        }
    }

    /**
     * The organiser as a calendar names it: its name (CN) and a URI for it. The URI is the
     * organiser's public page in Kyoso, not an e-mail address: iTIP would take a mailto: as an
     * address to reply to, and organisers' addresses are not public.
     */
    public record Organizer(String name, String uri) {

        public Organizer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(uri, "uri");
        }
    }

    /** One event as a calendar file (for "add to calendar"). */
    public static String event(Entry entry, Instant generatedAt) {
        return calendar(null, List.of(entry), generatedAt);
    }

    /** A feed: the events under a calendar name that subscribing apps show (X-WR-CALNAME). */
    public static String feed(String name, List<Entry> entries, Instant generatedAt) {
        return calendar(Objects.requireNonNull(name, "name"), entries, generatedAt);
    }

    /** The text as it goes on the wire. */
    public static byte[] bytes(String calendar) {
        return calendar.getBytes(StandardCharsets.UTF_8);
    }

    /** The UID of an event: stable for the event's life, so re-imports update instead of duplicating. */
    public static String uid(UUID eventId) {
        return eventId + "@kyoso";
    }

    private static String calendar(String name, List<Entry> entries, Instant generatedAt) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:" + PRODID);
        line(out, "VERSION:2.0");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        if (name != null) {
            line(out, "X-WR-CALNAME:" + text(name));
            line(out, "X-WR-TIMEZONE:" + TZID);
        }
        // Always present, even when no event is timed: a calendar needs at least one component
        // (an empty feed stays valid), and a VTIMEZONE nobody refers to is allowed.
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + TZID);
        line(out, "BEGIN:STANDARD");
        // Japan has kept +09:00 without daylight saving since 1951.
        line(out, "DTSTART:19700101T000000");
        line(out, "TZOFFSETFROM:+0900");
        line(out, "TZOFFSETTO:+0900");
        line(out, "TZNAME:JST");
        line(out, "END:STANDARD");
        line(out, "END:VTIMEZONE");
        String stamp = UTC.format(generatedAt.truncatedTo(ChronoUnit.SECONDS));
        for (Entry e : entries) {
            vevent(out, e, stamp);
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void vevent(StringBuilder out, Entry e, String stamp) {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + uid(e.id()));
        line(out, "DTSTAMP:" + stamp);
        if (e.allDay()) {
            LocalDate first = LocalDate.ofInstant(e.startsAt(), JAPAN);
            LocalDate last = e.endsAt() == null ? first : lastDay(e.startsAt(), e.endsAt());
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(first));
            // DTEND of a date is exclusive: the day after the last day.
            line(out, "DTEND;VALUE=DATE:" + DATE.format(last.plusDays(1)));
        } else {
            line(out, "DTSTART;TZID=" + TZID + ":" + LOCAL.format(e.startsAt()));
            if (e.endsAt() != null) {
                line(out, "DTEND;TZID=" + TZID + ":" + LOCAL.format(e.endsAt()));
            }
        }
        line(out, "ORGANIZER;CN=" + param(e.organizer().name()) + ":" + uri(e.organizer().uri()));
        line(out, "SUMMARY:" + text(e.title()));
        if (present(e.location())) {
            line(out, "LOCATION:" + text(e.location()));
        }
        if (present(e.description())) {
            line(out, "DESCRIPTION:" + text(e.description()));
        }
        if (present(e.url())) {
            line(out, "URL:" + uri(e.url()));
        }
        line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
        // SEQUENCE is a 32-bit integer in RFC 5545.
        line(out, "SEQUENCE:" + Math.max(0, Math.min(e.sequence(), Integer.MAX_VALUE)));
        if (e.updatedAt() != null) {
            line(out, "LAST-MODIFIED:" + UTC.format(e.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
        }
        line(out, "END:VEVENT");
    }

    /** The last day in Japan of an all-day event: an end at midnight is exclusive, 23:59 inclusive. */
    static LocalDate lastDay(Instant startsAt, Instant endsAt) {
        LocalDate first = LocalDate.ofInstant(startsAt, JAPAN);
        LocalDate last = LocalDate.ofInstant(endsAt.minusNanos(1), JAPAN);
        return last.isBefore(first) ? first : last;
    }

    /**
     * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line break
     * (CRLF, CR or LF) as {@code \n}; other control characters, which TEXT cannot carry, and lone
     * surrogates, which UTF-8 cannot, dropped.
     */
    static String text(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\n' -> sb.append("\\n");
                case '\r' -> {
                    sb.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        sb.append(c).append(value.charAt(++i));
                    } else if (!Character.isSurrogate(c) && (c == '\t' || (c >= 0x20 && c != 0x7F))) {
                        // A lone surrogate cannot be written as UTF-8: dropped like a control.
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * A parameter value, always quoted (a name may hold , ; :) with RFC 6868's escapes for what a
     * quoted value cannot hold: ^ as ^^, a line break as ^n, a double quote as ^'.
     */
    static String param(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '^' -> sb.append("^^");
                case '"' -> sb.append("^'");
                case '\n' -> sb.append("^n");
                case '\r' -> {
                    sb.append("^n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        sb.append(c).append(value.charAt(++i));
                    } else if (!Character.isSurrogate(c) && (c == '\t' || (c >= 0x20 && c != 0x7F))) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A URI value is not escaped; control characters and spaces would break the line or the URI. */
    private static String uri(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints().filter(cp -> cp > 0x20 && cp != 0x7F).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Appends a content line folded at 75 octets of UTF-8 (RFC 5545 3.1): each continuation
     * starts with a space, which counts towards its 75, and a character is never split across
     * lines (a UTF-8 sequence or a surrogate pair stays whole, so every line is valid UTF-8).
     */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int size = utf8Length(cp);
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(CRLF);
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
