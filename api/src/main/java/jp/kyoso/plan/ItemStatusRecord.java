package jp.kyoso.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The status of one leaf item in one fiscal year. A year without a record counts as NOT_STARTED. */
@Entity
@Table(name = "plan_item_status")
public class ItemStatusRecord extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "item_id") UUID itemId,
                      @Column(name = "fiscal_year") int fiscalYear) implements Serializable {
    }

    @EmbeddedId
    public Key id;

    @Column(name = "plan_id")
    public UUID planId;

    @Enumerated(EnumType.STRING)
    public ItemStatus status;

    @Column(name = "updated_by")
    public UUID updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static List<ItemStatusRecord> ofPlan(UUID planId) {
        return list("planId", planId);
    }

    public PlanTree.Status data() {
        return new PlanTree.Status(id.itemId(), id.fiscalYear(), status);
    }
}
