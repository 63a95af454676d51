package jp.kyoso.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a person's inbox. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    @Column(name = "match_id")
    public UUID matchId;

    @Column(name = "listing_id")
    public UUID listingId;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "event_id")
    public UUID eventId;

    /** How the entry is mailed: NONE, IMMEDIATE, DAILY or WEEKLY (waiting for a digest), DIGESTED. */
    public String mail = "NONE";

    @Column(name = "organization_id")
    public UUID organizationId;

    public String subject;

    public String detail;

    public String counterpart;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "read_at")
    public OffsetDateTime readAt;

    public void markRead() {
        if (readAt == null) {
            readAt = OffsetDateTime.now();
        }
    }

    public void markUnread() {
        readAt = null;
    }
}
