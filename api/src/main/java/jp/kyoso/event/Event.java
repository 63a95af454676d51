package jp.kyoso.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.persistence.SearchableEntity;
import jp.kyoso.core.problem.Problems;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event (きっかけづくり): a forum, seminar, workshop or area meeting of a municipality,
 * organised by an organisation (with co-organisers) or by the municipality itself. It knows its
 * own life — DRAFT → PUBLISHED → CANCELLED or CLOSED — and when it takes registrations.
 */
@Entity
@Table(name = "event")
public class Event extends SearchableEntity {

    @Id
    public UUID id;

    /** Null: organised by the municipality through its staff. */
    @Column(name = "organization_id")
    public UUID organizationId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "co_organizer_ids")
    public UUID[] coOrganizerIds;

    @Enumerated(EnumType.STRING)
    public EventKind kind;

    public String title;

    @Column(name = "title_kana")
    public String titleKana;

    @Column(name = "title_english")
    public String titleEnglish;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] themes;

    @Enumerated(EnumType.STRING)
    public EventMode mode;

    @Column(name = "venue_name")
    public String venueName;

    @Column(name = "venue_address")
    public String venueAddress;

    @Column(name = "venue_address_detail")
    public String venueAddressDetail;

    @Column(name = "venue_latitude")
    public BigDecimal venueLatitude;

    @Column(name = "venue_longitude")
    public BigDecimal venueLongitude;

    @Column(name = "venue_access")
    public String venueAccess;

    @Column(name = "venue_parking")
    public String venueParking;

    @Column(name = "online_url")
    public String onlineUrl;

    @Column(name = "starts_at")
    public OffsetDateTime startsAt;

    @Column(name = "ends_at")
    public OffsetDateTime endsAt;

    @Column(name = "all_day")
    public boolean allDay;

    @Column(name = "fee_yen")
    public Integer feeYen;

    @Column(name = "fee_note")
    public String feeNote;

    public Integer capacity;

    @Column(name = "held_seats")
    public int heldSeats;

    @Column(name = "registration_opens_at")
    public OffsetDateTime registrationOpensAt;

    @Column(name = "registration_closes_at")
    public OffsetDateTime registrationClosesAt;

    @Column(name = "guests_allowed")
    public boolean guestsAllowed;

    /** Hours before the start at which registrants are reminded (0: none). */
    @Column(name = "reminder_hours")
    public int reminderHours = 24;

    /** JSON array of {@link EventDtos.Question}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String questions;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "contact_extension")
    public String contactExtension;

    @Enumerated(EnumType.STRING)
    public EventStatus status;

    public boolean listed;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancelled_by")
    public UUID cancelledBy;

    @Column(name = "attendee_count")
    public Integer attendeeCount;

    @Column(name = "walk_ins")
    public Integer walkIns;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "report_organization_ids")
    public UUID[] reportOrganizationIds;

    @Column(name = "report_summary")
    public String reportSummary;

    @Column(name = "report_public_summary")
    public String reportPublicSummary;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "follow_up_listing_ids")
    public UUID[] followUpListingIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "follow_up_project_ids")
    public UUID[] followUpProjectIds;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_by")
    public UUID closedBy;

    @Column(name = "guest_data_erased_at")
    public OffsetDateTime guestDataErasedAt;

    public void reindex() {
        index(title, titleKana, titleEnglish, description, venueName, venueAddress);
    }

    /** Seats that can be registered: the capacity less the seats held back; null = unlimited. */
    public Integer openSeats() {
        return capacity == null ? null : Math.max(0, capacity - heldSeats);
    }

    /** The instant the event is over: its end, or its start when it has none. */
    public Instant endInstant() {
        return (endsAt == null ? startsAt : endsAt).toInstant();
    }

    public boolean hasEnded(Instant now) {
        return !endInstant().isAfter(now);
    }

    public void publish() {
        if (status != EventStatus.DRAFT) {
            throw Problems.conflict(Label.of("公開できるのは下書きのイベントだけです",
                    "Only a draft event can be published"));
        }
        status = EventStatus.PUBLISHED;
        publishedAt = OffsetDateTime.now();
    }

    public void cancel(String reason, UUID by) {
        if (status != EventStatus.PUBLISHED) {
            throw Problems.conflict(Label.of("中止できるのは公開中のイベントだけです",
                    "Only a published event can be cancelled"));
        }
        status = EventStatus.CANCELLED;
        cancellationReason = reason;
        cancelledAt = OffsetDateTime.now();
        cancelledBy = by;
    }

    /** Closing needs the event to have started: a report is about what happened. */
    public void requireClosable(Instant now) {
        if (status != EventStatus.PUBLISHED) {
            throw Problems.conflict(Label.of("報告をまとめて終了できるのは公開中のイベントだけです",
                    "Only a published event can be closed with a report"));
        }
        if (startsAt.toInstant().isAfter(now)) {
            throw Problems.conflict(Label.of("開始前のイベントは終了できません",
                    "An event that has not started cannot be closed"));
        }
    }

    /** 409 saying why the event takes no registrations now; nothing when it does. */
    public void requireOpenForRegistration(Instant now) {
        switch (status) {
            case DRAFT -> throw Problems.conflict(Label.of("このイベントはまだ公開されていません",
                    "The event is not published yet"));
            case CANCELLED -> throw Problems.conflict(Label.of("このイベントは中止になりました",
                    "The event has been cancelled"));
            case CLOSED -> throw Problems.conflict(Label.of("このイベントは終了しました", "The event is closed"));
            default -> {
            }
        }
        if (hasEnded(now)) {
            throw Problems.conflict(Label.of("終了したイベントには申し込めません", "The event is over"));
        }
        if (registrationOpensAt != null && now.isBefore(registrationOpensAt.toInstant())) {
            throw Problems.conflict(Label.of("申込受付はまだ始まっていません", "Registration has not opened yet"));
        }
        if (registrationClosesAt != null && now.isAfter(registrationClosesAt.toInstant())) {
            throw Problems.conflict(Label.of("申込受付は締め切りました", "Registration has closed"));
        }
    }
}
