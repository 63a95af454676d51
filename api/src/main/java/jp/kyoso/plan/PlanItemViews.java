package jp.kyoso.plan;

import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.plan.PlanDtos.ItemYearStatus;
import jp.kyoso.plan.PlanDtos.PlanItemView;
import jp.kyoso.plan.PlanDtos.PlanItemsView;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds the item views of a plan's content (draft or published version). */
final class PlanItemViews {

    private PlanItemViews() {
    }

    static PlanItemsView items(PlanContent content, FiscalYears fiscalYears, RequestLanguage language) {
        List<PlanItemView> items = content.tree().nodes().stream()
                .map(n -> item(content, n, fiscalYears, language)).toList();
        return new PlanItemsView(content.plan().id, content.versionNumber(),
                fiscalYears.range(content.startFiscalYear(), content.endFiscalYear()), items);
    }

    static PlanItemView item(PlanContent content, PlanTree.Node node, FiscalYears fiscalYears,
                             RequestLanguage language) {
        List<ItemYearStatus> statuses = new ArrayList<>();
        if (node.leaf()) {
            for (int fy = content.startFiscalYear(); fy <= content.endFiscalYear(); fy++) {
                ItemStatus s = content.tree().status(node.id(), fy);
                statuses.add(new ItemYearStatus(fy, fiscalYears.label(fy), s, language.label(s)));
            }
        }
        UUID planId = content.plan().id;
        return new PlanItemView(node.id(), planId, node.parentId(), node.item().code(), node.item().title(),
                node.item().description(), node.depth(), node.position(), node.leaf(), statuses);
    }
}
