package jp.kyoso.municipality;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jp.kyoso.core.security.StaffRole;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** That a person works for a municipality, and as what. Kyoso's own data, not the token's. */
@Entity
@Table(name = "staff_membership")
public class StaffMembership extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "municipality_code") String municipalityCode,
                      @Column(name = "user_id") UUID userId) implements Serializable {
    }

    @EmbeddedId
    public Key id;

    @Enumerated(EnumType.STRING)
    public StaffRole role;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static StaffMembership of(String municipalityCode, UUID userId, StaffRole role) {
        StaffMembership m = new StaffMembership();
        m.id = new Key(municipalityCode, userId);
        m.role = role;
        m.createdAt = OffsetDateTime.now();
        return m;
    }

    public static List<StaffMembership> ofUser(UUID userId) {
        return list("id.userId", userId);
    }

    public static List<StaffMembership> ofMunicipality(String code) {
        return list("id.municipalityCode = ?1 order by role, createdAt", code);
    }
}
