package jp.kyoso.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kyoso.core.persistence.VersionedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An endpoint registered for event types by an organisation's owners or a municipality's staff.
 * It knows its own failure state: a success clears it, and it is disabled after sustained
 * failure ({@link WebhookChannel}).
 */
@Entity
@Table(name = "webhook")
public class Webhook extends VersionedEntity {

    @Id
    public UUID id;

    @Column(name = "municipality_code")
    public String municipalityCode;

    /** Null: the municipality's own endpoint. */
    @Column(name = "organization_id")
    public UUID organizationId;

    public String url;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", columnDefinition = "text[]")
    public String[] eventTypes;

    public byte[] secret;

    @Column(name = "previous_secret")
    public byte[] previousSecret;

    @Column(name = "previous_secret_until")
    public OffsetDateTime previousSecretUntil;

    public boolean enabled;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "failing_since")
    public OffsetDateTime failingSince;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    public boolean listensTo(String type) {
        return enabled && deletedAt == null && java.util.Arrays.asList(eventTypes).contains(type);
    }

    /** Turned on (again) by its owner: failures are forgotten. */
    public void enable() {
        enabled = true;
        disabledAt = null;
        disabledReason = null;
        consecutiveFailures = 0;
        failingSince = null;
    }

    public void disable(String reason) {
        enabled = false;
        disabledAt = OffsetDateTime.now();
        disabledReason = reason;
    }

    /** Keeps the old key signing beside the new one for a while, so that receivers can switch over. */
    public void rotate(byte[] fresh, OffsetDateTime oldValidUntil) {
        previousSecret = secret;
        previousSecretUntil = oldValidUntil;
        secret = fresh;
    }

    public void markDeleted() {
        deletedAt = OffsetDateTime.now();
        enabled = false;
    }
}
