package jp.kyoso.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/** A node of a plan's item tree: 推進方針 → 推進施策 → 推進項目 …, with a code such as {@code I-(1)-①}. */
@Entity
@Table(name = "plan_item")
public class PlanItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "parent_id")
    public UUID parentId;

    public String code;

    public String title;

    public String description;

    /** Position among its siblings, from 0. */
    @Column(name = "sort_order")
    public int sortOrder;

    public static List<PlanItem> ofPlan(UUID planId) {
        return list("planId = ?1 order by sortOrder, code", planId);
    }

    public PlanTree.Item data() {
        return new PlanTree.Item(id, parentId, code, title, description, sortOrder);
    }
}
