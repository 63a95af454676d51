package jp.kyoso.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** That a person belongs to an organisation, as owner or editor. */
@Entity
@Table(name = "organization_membership")
public class OrganizationMembership extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "organization_id") UUID organizationId,
                      @Column(name = "user_id") UUID userId) implements Serializable {
    }

    @EmbeddedId
    public Key id;

    @Enumerated(EnumType.STRING)
    public MemberRole role;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Version
    public long version;

    public static OrganizationMembership of(UUID organizationId, UUID userId, MemberRole role) {
        OrganizationMembership m = new OrganizationMembership();
        m.id = new Key(organizationId, userId);
        m.role = role;
        m.createdAt = OffsetDateTime.now();
        return m;
    }

    public static OrganizationMembership find(UUID organizationId, UUID userId) {
        return findById(new Key(organizationId, userId));
    }

    public static long owners(UUID organizationId) {
        return count("id.organizationId = ?1 and role = ?2", organizationId, MemberRole.OWNER);
    }
}
