package jp.kyoso.event;

import jp.kyoso.core.csv.Csv;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A municipality's events as the open-data file 自治体標準オープンデータセット「イベント一覧」:
 * exactly its columns in its order, dates {@code YYYY-MM-DD} and times {@code HH:MM} in Japan
 * time, UTF-8 with BOM and CRLF with a header row (through {@link Csv#write}, the project's one
 * CSV writer). The column-for-column mapping is in {@code docs/events-open-data.md}.
 *
 * <p>Pure: it takes {@link Event} records; choosing which events are published (PUBLISHED and
 * CLOSED public ones, never drafts or cancelled ones) is the caller's job, and so is leaving
 * out what must not be public (an online URL is not an input at all).
 */
public final class EventOpenData {

    /** The dataset's columns, in its order. */
    public static final List<String> HEADER = List.of(
            "都道府県コード又は市区町村コード", "NO", "都道府県名", "市区町村名", "イベント名", "イベント名_カナ",
            "イベント名_英語", "開始日", "終了日", "開始時間", "終了時間", "開始日時特記事項", "説明", "料金(基本)",
            "料金(詳細)", "連絡先名称", "連絡先電話番号", "連絡先内線番号", "主催者", "場所名称", "住所", "方書", "緯度",
            "経度", "アクセス方法", "駐車場情報", "定員", "参加申込終了日", "参加申込終了時間", "参加申込方法", "URL",
            "備考");

    public static final String FREE = "無料";

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{6}");

    private EventOpenData() {
    }

    /** The municipality an event belongs to: its 6-digit 全国地方公共団体コード and names. */
    public record Municipality(String code, String prefecture, String name) {

        public Municipality {
            if (code == null || !MUNICIPALITY_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("a municipality code has 6 digits: " + code);
            }
        }
    }

    /** A fee: free (no amount, or 0) or an amount in yen; the note says who pays what. */
    public record Fee(Long yen, String note) {

        public static Fee free() {
            return new Fee(null, null);
        }

        public boolean isFree() {
            return yen == null || yen == 0;
        }
    }

    /** The published contact (not the organiser's members). */
    public record Contact(String name, String phone, String extension) {
    }

    /** A place where the event is held; absent for an online-only event. */
    public record Venue(String name, String address, String addressDetail, BigDecimal latitude, BigDecimal longitude,
                        String access, String parking) {
    }

    /**
     * One event's public fields.
     *
     * @param online             people can take part online (the event is ONLINE or HYBRID); the
     *                           URL itself is for registrants only and never exported
     * @param venue              null for an online-only event: the place columns stay empty
     * @param organizer          the organising organisation's name, or the municipality's
     *                           department when the city organises it
     * @param coOrganizers       names of co-organising organisations, in order
     * @param capacity           null = unlimited (the column stays empty)
     * @param registrationMethod a sentence on how to register, nullable
     * @param registrationUrl    where to register (the event page in Kyoso), nullable
     */
    public record Event(Municipality municipality, String title, String titleKana, String titleEnglish,
                        Instant startsAt, Instant endsAt, boolean allDay, String description, Fee fee,
                        Contact contact, String organizer, List<String> coOrganizers, boolean online, Venue venue,
                        Integer capacity, Instant registrationClosesAt, String registrationMethod,
                        String registrationUrl, String url, String note) {

        public Event {
            Objects.requireNonNull(municipality, "municipality");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(startsAt, "startsAt");
            if (endsAt != null && endsAt.isBefore(startsAt)) {
                throw new IllegalArgumentException("endsAt is before startsAt");
            }
            coOrganizers = coOrganizers == null ? List.of() : List.copyOf(coOrganizers);
        }
    }

    /** The whole file: the header, then one row per event numbered from 1 in the order given. */
    public static byte[] csv(List<Event> events) {
        List<List<String>> rows = new ArrayList<>(events.size() + 1);
        rows.add(HEADER);
        int no = 1;
        for (Event event : events) {
            rows.add(row(no++, event));
        }
        return Csv.write(rows);
    }

    /** One data row, cell for cell as {@link #HEADER} names them. */
    public static List<String> row(int no, Event e) {
        LocalDateTime start = LocalDateTime.ofInstant(e.startsAt(), JAPAN);
        LocalDateTime end = e.endsAt() == null ? null : LocalDateTime.ofInstant(e.endsAt(), JAPAN);
        LocalDate lastDay = e.endsAt() == null ? start.toLocalDate()
                : e.allDay() ? EventCalendar.lastDay(e.startsAt(), e.endsAt()) : end.toLocalDate();
        Fee fee = e.fee() == null ? Fee.free() : e.fee();
        Contact contact = e.contact() == null ? new Contact(null, null, null) : e.contact();
        Venue venue = e.venue() == null ? new Venue(null, null, null, null, null, null, null) : e.venue();
        LocalDateTime closes = e.registrationClosesAt() == null ? null
                : LocalDateTime.ofInstant(e.registrationClosesAt(), JAPAN);

        List<String> cells = new ArrayList<>(HEADER.size());
        cells.add(e.municipality().code());
        cells.add(Integer.toString(no));
        cells.add(text(e.municipality().prefecture()));
        cells.add(text(e.municipality().name()));
        cells.add(text(e.title()));
        cells.add(text(e.titleKana()));
        cells.add(text(e.titleEnglish()));
        cells.add(DAY.format(start));
        cells.add(DAY.format(lastDay));
        cells.add(e.allDay() ? "" : TIME.format(start));
        cells.add(e.allDay() || end == null ? "" : TIME.format(end));
        cells.add(timeNote(e, start.toLocalDate(), lastDay));
        cells.add(text(e.description()));
        // Plain digits (1000円, not 1,000円): machine-readable, and no quoting needed.
        cells.add(fee.isFree() ? FREE : fee.yen() + "円");
        cells.add(text(fee.note()));
        cells.add(text(contact.name()));
        cells.add(text(contact.phone()));
        cells.add(text(contact.extension()));
        cells.add(text(organizers(e)));
        cells.add(text(venue.name()));
        cells.add(text(venue.address()));
        cells.add(text(venue.addressDetail()));
        cells.add(venue.latitude() == null ? "" : venue.latitude().toPlainString());
        cells.add(venue.longitude() == null ? "" : venue.longitude().toPlainString());
        cells.add(text(venue.access()));
        cells.add(text(venue.parking()));
        cells.add(e.capacity() == null ? "" : Integer.toString(e.capacity()));
        cells.add(closes == null ? "" : DAY.format(closes));
        cells.add(closes == null ? "" : TIME.format(closes));
        cells.add(text(join(" ", e.registrationMethod(), e.registrationUrl())));
        cells.add(text(e.url()));
        cells.add(text(note(e)));
        return cells;
    }

    /**
     * 開始日時特記事項: what the date and time columns alone would leave unclear — that an event
     * takes whole days, or that a timed event runs from the start time on the first day to the
     * end time on the last (not those hours on every day).
     */
    private static String timeNote(Event e, LocalDate firstDay, LocalDate lastDay) {
        if (e.allDay()) {
            return "終日";
        }
        if (!firstDay.equals(lastDay)) {
            return "開始日の開始時間から終了日の終了時間まで";
        }
        return "";
    }

    /** 主催者: the organiser, then co-organisers as 共催 (the word municipal notices use). */
    private static String organizers(Event e) {
        if (e.coOrganizers().isEmpty()) {
            return e.organizer();
        }
        String co = "共催：" + String.join("、", e.coOrganizers());
        return e.organizer() == null || e.organizer().isBlank() ? co : e.organizer() + "（" + co + "）";
    }

    /** 備考: how to take part online (the URL only goes to registrants), then the event's note. */
    private static String note(Event e) {
        String online = !e.online() ? null : e.venue() == null
                ? "オンライン開催（参加用URLは申込者にお知らせします）"
                : "会場とオンラインで開催（参加用URLは申込者にお知らせします）";
        return join("\n", online, e.note());
    }

    private static String join(String separator, String first, String second) {
        boolean a = first != null && !first.isBlank();
        boolean b = second != null && !second.isBlank();
        return a && b ? first.strip() + separator + second.strip() : a ? first.strip() : b ? second.strip() : null;
    }

    /** Free text with Excel's formula guard; null becomes an empty cell. */
    private static String text(String value) {
        return value == null ? "" : Csv.text(value);
    }
}
