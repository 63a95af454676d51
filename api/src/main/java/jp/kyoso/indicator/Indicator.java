package jp.kyoso.indicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 成果指標: a measurable indicator of the municipality or of a plan, tracked by fiscal year. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "municipality_code")
    public String municipalityCode;

    /** The owning plan; null for the municipality's own indicator. */
    @Column(name = "plan_id")
    public UUID planId;

    public String name;

    public String unit;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    @Enumerated(EnumType.STRING)
    public IndicatorSource source;

    public String definition;

    /** Decimals its values are recorded and shown with (0–4). */
    public int decimals;

    /** MAINTAIN: how far from the baseline (in the unit) an actual may be and still be on track. */
    public BigDecimal tolerance;

    @Column(name = "sort_order")
    public int sortOrder;

    @Column(name = "created_by")
    public UUID createdBy;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public IndicatorOwnerType ownerType() {
        return planId == null ? IndicatorOwnerType.MUNICIPALITY : IndicatorOwnerType.PLAN;
    }

    /** Records a change of its values, so that its version (the ETag) moves on. */
    public void touch() {
        updatedAt = OffsetDateTime.now();
    }
}
