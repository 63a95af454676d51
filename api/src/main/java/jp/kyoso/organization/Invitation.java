package jp.kyoso.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A single-use code an owner gives to someone so that they join the organisation. */
@Entity
@Table(name = "organization_invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;

    public String code;

    @Enumerated(EnumType.STRING)
    public MemberRole role;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "accepted_by")
    public UUID acceptedBy;

    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public boolean isOpen(OffsetDateTime now) {
        return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }
}
