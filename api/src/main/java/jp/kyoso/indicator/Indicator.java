package jp.kyoso.indicator;

import jp.kyoso.core.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** 成果指標: a measurable indicator of the municipality or of a plan, tracked by fiscal year. */
@Entity
@Table(name = "indicator")
public class Indicator extends VersionedEntity {

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

    public IndicatorOwnerType ownerType() {
        return planId == null ? IndicatorOwnerType.MUNICIPALITY : IndicatorOwnerType.PLAN;
    }
}
