package jp.kyoso.area;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 地域担当職員: a staff member assigned to an area, in a role, for a period. */
@Entity
@Table(name = "liaison_assignment")
public class LiaisonAssignment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "area_id")
    public UUID areaId;

    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    public LiaisonRole role;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
