package jp.kyoso.matching;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A 中間支援組織 that staff of its municipality approved as a coordinator: its members may broker
 * matches between other organisations. Approval is granted or revoked, never edited.
 */
@Entity
@Table(name = "coordinator")
public class Coordinator extends PanacheEntityBase {

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Column(name = "approved_by")
    public UUID approvedBy;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
}
