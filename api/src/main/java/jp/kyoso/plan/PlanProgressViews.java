package jp.kyoso.plan;

import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.plan.PlanDtos.ProgressFigures;
import jp.kyoso.plan.PlanDtos.ProgressNode;
import jp.kyoso.plan.PlanDtos.ProgressNodeOfYear;
import jp.kyoso.plan.PlanDtos.ProgressView;
import jp.kyoso.plan.PlanDtos.ProgressYear;
import jp.kyoso.plan.PlanDtos.StatusCounts;
import jp.kyoso.plan.PlanDtos.StatusLegend;
import jp.kyoso.plan.PlanDtos.StatusPercents;

import java.util.Arrays;
import java.util.List;

/** Builds the progress table of a plan's content (draft or published version) from {@link PlanProgress}. */
final class PlanProgressViews {

    private PlanProgressViews() {
    }

    /** The table of one fiscal year of the content's span, with every year's figures as the trend. */
    static ProgressView of(PlanContent content, int fiscalYear, FiscalYears fiscalYears, RequestLanguage language) {
        PlanTree tree = content.tree();
        List<PlanProgress.Year> series = PlanProgress.series(tree, content.startFiscalYear(), content.endFiscalYear());
        PlanProgress.Year year = series.stream().filter(y -> y.fiscalYear() == fiscalYear).findFirst().orElseThrow();
        List<ProgressNode> nodes = tree.nodes().stream().map(n -> {
            PlanProgress.Figures f = year.nodes().get(n.id());
            return new ProgressNode(n.id(), n.parentId(), n.item().code(), n.item().title(), n.depth(), n.leaf(),
                    f.total(), StatusCounts.of(f), StatusPercents.of(f));
        }).toList();
        List<ProgressYear> trend = series.stream().map(y -> new ProgressYear(y.fiscalYear(),
                fiscalYears.label(y.fiscalYear()), figures(y.overall()),
                tree.nodes().stream().map(n -> {
                    PlanProgress.Figures f = y.nodes().get(n.id());
                    return new ProgressNodeOfYear(n.id(), f.total(), StatusCounts.of(f), StatusPercents.of(f));
                }).toList())).toList();
        List<StatusLegend> legend = Arrays.stream(ItemStatus.values())
                .map(s -> new StatusLegend(s, language.label(s))).toList();
        return new ProgressView(content.plan().id, content.versionNumber(), fiscalYear, fiscalYears.label(fiscalYear),
                figures(year.overall()), nodes, trend, legend);
    }

    private static ProgressFigures figures(PlanProgress.Figures f) {
        return new ProgressFigures(f.total(), StatusCounts.of(f), StatusPercents.of(f));
    }
}
