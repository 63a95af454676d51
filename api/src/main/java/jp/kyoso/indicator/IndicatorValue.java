package jp.kyoso.indicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An indicator's figures of one fiscal year: baseline (in one year only), target, actual and a note. */
@Entity
@Table(name = "indicator_value")
public class IndicatorValue extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "indicator_id") UUID indicatorId,
                      @Column(name = "fiscal_year") int fiscalYear) implements Serializable {
    }

    @EmbeddedId
    public Key id;

    public BigDecimal baseline;

    public BigDecimal target;

    public BigDecimal actual;

    public String note;

    @Column(name = "source_date")
    public LocalDate sourceDate;

    @Column(name = "updated_by")
    public UUID updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean isEmpty() {
        return baseline == null && target == null && actual == null && note == null && sourceDate == null;
    }

    public IndicatorMath.Value figures() {
        return new IndicatorMath.Value(id.fiscalYear(), baseline, target, actual);
    }

    public static List<IndicatorValue> of(UUID indicatorId) {
        return list("id.indicatorId = ?1 order by id.fiscalYear", indicatorId);
    }
}
