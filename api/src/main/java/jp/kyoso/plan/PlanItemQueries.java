package jp.kyoso.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.problem.ProblemException;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.plan.PlanDtos.PlanItemView;
import jp.kyoso.plan.PlanDtos.PlanItemsView;
import jp.kyoso.plan.PlanDtos.ProgressView;

import java.util.UUID;

/**
 * Reads a plan's item tree and progress table, of the draft or of a published version. Answers
 * carry the plan's version: one ETag covers the plan and its whole tree.
 */
@ApplicationScoped
public class PlanItemQueries {

    @Inject Plans plans;
    @Inject PlanContents contents;
    @Inject FiscalYears fiscalYears;
    @Inject RequestLanguage language;

    public WithVersion<PlanItemsView> items(UUID planId, Integer version) {
        Plan plan = plans.requireVisible(planId);
        return new WithVersion<>(PlanItemViews.items(contents.content(plan, version), fiscalYears, language),
                plan.version);
    }

    public WithVersion<PlanItemView> item(UUID planId, UUID itemId) {
        Plan plan = plans.requireVisible(planId);
        return item(plan, contents.content(plan, null), itemId);
    }

    /** An item of the draft, as a write answers with it. */
    WithVersion<PlanItemView> draftItem(Plan plan, UUID itemId) {
        return item(plan, contents.draft(plan), itemId);
    }

    /** The draft's item tree, as a write of statuses answers with it. */
    WithVersion<PlanItemsView> draftItems(Plan plan) {
        return new WithVersion<>(PlanItemViews.items(contents.draft(plan), fiscalYears, language), plan.version);
    }

    private WithVersion<PlanItemView> item(Plan plan, PlanContent content, UUID itemId) {
        PlanTree.Node node = content.tree().node(itemId).orElseThrow(PlanItemQueries::noSuchItem);
        return new WithVersion<>(PlanItemViews.item(content, node, fiscalYears, language), plan.version);
    }

    /** The progress table of a fiscal year of the plan; by default the current one, within the plan's span. */
    public ProgressView progress(UUID planId, Integer fiscalYear, Integer version) {
        Plan plan = plans.requireVisible(planId);
        PlanContent content = contents.content(plan, version);
        int fy = fiscalYear != null ? fiscalYear
                : Math.max(content.startFiscalYear(), Math.min(content.endFiscalYear(), plan.currentFiscalYear()));
        if (!content.covers(fy)) {
            throw Problems.invalidField("fiscalYear", Label.of("計画期間（" + fiscalYears.label(content.startFiscalYear())
                    + "〜" + fiscalYears.label(content.endFiscalYear()) + "）の年度を指定してください",
                    "Must be a fiscal year of the plan (" + content.startFiscalYear() + "–" + content.endFiscalYear() + ")"));
        }
        return PlanProgressViews.of(content, fy, fiscalYears, language);
    }

    static ProblemException noSuchItem() {
        return Problems.notFound(Label.of("項目が見つかりません", "No such item in this plan"));
    }
}
