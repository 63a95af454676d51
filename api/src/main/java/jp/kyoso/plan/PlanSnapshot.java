package jp.kyoso.plan;

import java.util.List;
import java.util.UUID;

/** What a published version freezes: the plan's text, span and area, its item tree and statuses. */
public record PlanSnapshot(String title, String vision, String description, UUID areaId, int startFiscalYear,
                           int endFiscalYear, List<PlanTree.Item> items, List<PlanTree.Status> statuses) {

    public static PlanSnapshot of(Plan plan, PlanTree tree) {
        return new PlanSnapshot(plan.title, plan.vision, plan.description, plan.areaId, plan.startFiscalYear,
                plan.endFiscalYear, tree.items(), tree.statuses());
    }

    public PlanTree tree() {
        return PlanTree.of(items, statuses);
    }
}
