package jp.kyoso.plan;

import java.util.UUID;

/**
 * What a caller reads of a plan: the working draft ({@code version} null) or a published
 * version with its snapshot; in both cases the text, span and tree to show. The tree is null
 * where only the plan's fields are needed (a page of plans).
 */
public record PlanContent(Plan plan, PlanVersion version, String title, String vision, String description,
                          UUID areaId, int startFiscalYear, int endFiscalYear, PlanTree tree) {

    /** The draft's fields, with its tree when given. */
    static PlanContent draft(Plan plan, PlanTree tree) {
        return new PlanContent(plan, null, plan.title, plan.vision, plan.description, plan.areaId,
                plan.startFiscalYear, plan.endFiscalYear, tree);
    }

    static PlanContent published(Plan plan, PlanVersion version, PlanSnapshot s) {
        return new PlanContent(plan, version, s.title(), s.vision(), s.description(), s.areaId(),
                s.startFiscalYear(), s.endFiscalYear(), s.tree());
    }

    public Integer versionNumber() {
        return version == null ? null : version.id.number();
    }

    public boolean covers(int fiscalYear) {
        return fiscalYear >= startFiscalYear && fiscalYear <= endFiscalYear;
    }

    public PlanSnapshot snapshot() {
        return new PlanSnapshot(title, vision, description, areaId, startFiscalYear, endFiscalYear,
                tree.items(), tree.statuses());
    }
}
