package jp.kyoso.indicator;

import jp.kyoso.core.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** Where a computed indicator (source PLATFORM) takes its actuals from; null for a typed one. */
    @Enumerated(EnumType.STRING)
    @Column(name = "computed_from")
    public ComputedFrom computedFrom;

    /** Which figure a computed indicator's actual is; null for a typed one. */
    @Enumerated(EnumType.STRING)
    @Column(name = "computed_measure")
    public ComputedMeasure computedMeasure;

    /** Kinds of events counted (empty: every kind). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "computed_kinds")
    public String[] computedKinds = new String[0];

    /** Areas the events counted are for, sub-areas included (empty: every event). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "computed_area_ids")
    public UUID[] computedAreaIds = new UUID[0];

    @Column(name = "sort_order")
    public int sortOrder;

    @Column(name = "created_by")
    public UUID createdBy;

    /** Its actuals are derived from Kyoso's records, not typed. */
    public boolean isComputed() {
        return computedMeasure != null;
    }

    public IndicatorOwnerType ownerType() {
        return planId == null ? IndicatorOwnerType.MUNICIPALITY : IndicatorOwnerType.PLAN;
    }
}
