package jp.kyoso.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kyoso.core.i18n.Language;
import jp.kyoso.core.persistence.VersionedEntity;

import java.util.UUID;

/** A person's mail preferences: language, digest hour, and an address other than their account's. */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference extends VersionedEntity {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    public Language language;

    @Column(name = "digest_hour")
    public int digestHour;

    public String email;
}
