package jp.kyoso.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kyoso.core.persistence.VersionedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One person's registration for an event: a signed-in person (user) or a guest (name and
 * e-mail, no account). The waitlist is the WAITLISTED ones in order of {@link #arrival}.
 */
@Entity
@Table(name = "event_registration")
public class EventRegistration extends VersionedEntity {

    @Id
    public UUID id;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "guest_name")
    public String guestName;

    @Column(name = "guest_email")
    public String guestEmail;

    @Enumerated(EnumType.STRING)
    public RegistrationStatus status;

    /** Arrival order (a database sequence): the waitlist is promoted in this order. */
    public long arrival;

    /** Check-in code in canonical form ({@link RegistrationCodes}). */
    public String code;

    /** JSON object: question key → text, list of options, or true/false. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String answers;

    @Column(name = "show_publicly")
    public boolean showPublicly;

    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;

    @Column(name = "promoted_at")
    public OffsetDateTime promotedAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    public boolean isGuest() {
        return userId == null;
    }

    /** Holds a seat: registered or already checked in. */
    public boolean holdsSeat() {
        return status.holdsSeat();
    }

    public boolean isLive() {
        return status != RegistrationStatus.CANCELLED;
    }
}
