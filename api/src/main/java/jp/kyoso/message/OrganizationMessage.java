package jp.kyoso.message;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A message a signed-in person sent to an organisation through the platform (the contact relay). */
@Entity
@Table(name = "organization_message")
public class OrganizationMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Column(name = "sender_id")
    public UUID senderId;

    public String subject;

    public String body;

    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "last_activity_at")
    public OffsetDateTime lastActivityAt;
}
