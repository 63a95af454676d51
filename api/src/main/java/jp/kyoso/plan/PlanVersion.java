package jp.kyoso.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A published version of a plan: number, date, who published it and a snapshot of the plan,
 * its item tree and statuses. Written once, never changed (the database refuses updates).
 */
@Entity
@Immutable
@Table(name = "plan_version")
public class PlanVersion extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "plan_id") UUID planId,
                      @Column(name = "number") int number) implements Serializable {
    }

    @EmbeddedId
    public Key id;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "published_by")
    public UUID publishedBy;

    public String note;

    /** The {@link PlanSnapshot} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String snapshot;

    public static PlanVersion find(UUID planId, int number) {
        return findById(new Key(planId, number));
    }

    public static List<PlanVersion> ofPlan(UUID planId) {
        return list("id.planId = ?1 order by id.number desc", planId);
    }
}
