package jp.kyoso.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.indicator.IndicatorDtos.ActualView;
import jp.kyoso.indicator.IndicatorDtos.AssessmentView;
import jp.kyoso.indicator.IndicatorDtos.BaselineView;
import jp.kyoso.indicator.IndicatorDtos.ComputedView;
import jp.kyoso.indicator.IndicatorDtos.IndicatorView;
import jp.kyoso.indicator.IndicatorDtos.SeriesPoint;
import jp.kyoso.indicator.IndicatorDtos.TargetView;
import jp.kyoso.indicator.IndicatorDtos.ValueView;
import jp.kyoso.event.EventKind;
import jp.kyoso.plan.Plan;
import jp.kyoso.plan.PlanItem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What clients read of an indicator, in their language: its figures with the baseline, targets
 * and achievement, the status {@link IndicatorMath} computes, a chart series, and the figures as
 * a CSV file. Linked plan items are shown only where the caller may read their plan.
 */
@ApplicationScoped
public class IndicatorViews {

    /** A CSV file to download. */
    public record Export(byte[] body, String fileName) {
    }

    @Inject Indicators indicators;
    @Inject FiscalYears fiscalYears;
    @Inject RequestLanguage language;
    @Inject DerivedActuals derived;

    public IndicatorView view(Indicator indicator) {
        return views(List.of(indicator)).get(0);
    }

    /** Views of a page of indicators, with two queries for all their figures and links. */
    public List<IndicatorView> views(List<Indicator> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = list.stream().map(i -> i.id).toList();
        Map<UUID, List<IndicatorValue>> values = IndicatorValue.<IndicatorValue>list(
                        "id.indicatorId in ?1 order by id.fiscalYear", ids).stream()
                .collect(Collectors.groupingBy(v -> v.id.indicatorId()));
        Map<UUID, List<UUID>> links = visibleLinks(ids);
        return list.stream().map(i -> {
            DerivedActuals.Derived figures = derived.derive(i);
            return view(i, derived.merged(i, values.getOrDefault(i.id, List.of()), figures),
                    links.getOrDefault(i.id, List.of()), figures);
        }).toList();
    }

    public Export csv(UUID id) {
        Indicator indicator = indicators.requireVisible(id);
        byte[] body = Csv.write(IndicatorCsv.export(derived.merged(indicator, IndicatorValue.of(indicator.id)),
                indicator.decimals, language.get()));
        return new Export(body, indicator.name + ".csv");
    }

    /** The figures of one fiscal year as the audit log keeps them (numbers as plain text, without trailing zeros). */
    static Map<String, Object> auditState(IndicatorValue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fiscalYear", v.id.fiscalYear());
        m.put("baseline", v.baseline == null ? null : v.baseline.stripTrailingZeros().toPlainString());
        m.put("target", v.target == null ? null : v.target.stripTrailingZeros().toPlainString());
        m.put("actual", v.actual == null ? null : v.actual.stripTrailingZeros().toPlainString());
        m.put("note", v.note);
        m.put("sourceDate", v.sourceDate == null ? null : v.sourceDate.toString());
        return m;
    }

    /** Links to items of plans the caller may read. */
    private Map<UUID, List<UUID>> visibleLinks(Collection<UUID> indicatorIds) {
        List<IndicatorItemLink> links = IndicatorItemLink.list("id.indicatorId in ?1", indicatorIds);
        if (links.isEmpty()) {
            return Map.of();
        }
        Map<UUID, PlanItem> items = PlanItem.<PlanItem>list("id in ?1",
                        links.stream().map(l -> l.id.itemId()).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        // The plans of those items in one query, so that findById below finds them loaded.
        Plan.list("id in ?1", items.values().stream().map(i -> i.planId).collect(Collectors.toSet()));
        Map<UUID, Boolean> planVisible = new HashMap<>();
        Map<UUID, List<UUID>> result = new HashMap<>();
        for (IndicatorItemLink link : links) {
            PlanItem item = items.get(link.id.itemId());
            if (item != null && planVisible.computeIfAbsent(item.planId,
                    p -> indicators.owningPlan(Plan.findById(p)).visible())) {
                result.computeIfAbsent(link.id.indicatorId(), k -> new ArrayList<>()).add(item.id);
            }
        }
        return result;
    }

    private IndicatorView view(Indicator i, List<IndicatorValue> rows, List<UUID> itemIds,
                               DerivedActuals.Derived derivedFigures) {
        int d = i.decimals;
        List<IndicatorMath.Value> figures = rows.stream().map(IndicatorValue::figures).toList();
        Optional<IndicatorMath.Point> base = IndicatorMath.baseline(figures);
        Optional<IndicatorMath.Point> latest = IndicatorMath.latestActual(figures);
        BigDecimal baseValue = base.map(IndicatorMath.Point::value).orElse(null);
        BigDecimal latestValue = latest.map(IndicatorMath.Point::value).orElse(null);
        BaselineView baseline = base.map(b -> new BaselineView(b.fiscalYear(), fiscalYears.label(b.fiscalYear()),
                IndicatorMath.scaled(b.value(), d))).orElse(null);
        List<TargetView> targets = IndicatorMath.targets(figures).stream().map(t -> new TargetView(t.fiscalYear(),
                fiscalYears.label(t.fiscalYear()), IndicatorMath.scaled(t.value(), d),
                IndicatorMath.achievement(i.direction, i.tolerance, baseValue, latestValue, t.value()))).toList();
        List<ActualView> actuals = rows.stream().filter(v -> v.actual != null).map(v -> new ActualView(v.id.fiscalYear(),
                fiscalYears.label(v.id.fiscalYear()), IndicatorMath.scaled(v.actual, d), v.note, v.sourceDate)).toList();
        IndicatorMath.Assessment assessment = IndicatorMath.assess(i.direction, d, i.tolerance, figures);
        AssessmentView assessed = assessment.latestActual() == null ? null : new AssessmentView(
                assessment.latestActual().fiscalYear(), fiscalYears.label(assessment.latestActual().fiscalYear()),
                IndicatorMath.scaled(assessment.latestActual().value(), d),
                assessment.nextTarget() == null ? null : assessment.nextTarget().fiscalYear(),
                assessment.nextTarget() == null ? null : fiscalYears.label(assessment.nextTarget().fiscalYear()),
                assessment.nextTarget() == null ? null : IndicatorMath.scaled(assessment.nextTarget().value(), d),
                assessment.expected());
        List<ValueView> values = rows.stream().map(v -> new ValueView(v.id.fiscalYear(), fiscalYears.label(v.id.fiscalYear()),
                IndicatorMath.scaled(v.baseline, d), IndicatorMath.scaled(v.target, d), IndicatorMath.scaled(v.actual, d),
                v.note, v.sourceDate)).toList();
        return new IndicatorView(i.id, i.municipalityCode, i.ownerType(), language.label(i.ownerType()), i.planId,
                itemIds, i.name, i.unit, i.direction, language.label(i.direction), i.source, language.label(i.source),
                i.definition, computed(i, derivedFigures), i.decimals, i.tolerance, i.sortOrder, baseline, targets, actuals, assessment.status(),
                language.label(assessment.status()), assessed, series(i, rows, figures), values, i.version,
                i.createdAt, i.updatedAt);
    }

    private ComputedView computed(Indicator i, DerivedActuals.Derived figures) {
        if (!i.isComputed()) {
            return null;
        }
        List<EventKind> kinds = i.computedKinds == null ? List.of()
                : Arrays.stream(i.computedKinds).map(EventKind::valueOf).toList();
        int running = figures.runningFiscalYear();
        return new ComputedView(i.computedFrom, language.label(i.computedFrom), i.computedMeasure,
                language.label(i.computedMeasure), kinds, kinds.stream().map(language::label).toList(),
                i.computedAreaIds == null ? List.of() : List.of(i.computedAreaIds), running, fiscalYears.label(running),
                figures.running());
    }

    /** Every fiscal year from the first to the last with figures, gaps included, for a chart. */
    private List<SeriesPoint> series(Indicator i, List<IndicatorValue> rows, List<IndicatorMath.Value> figures) {
        int d = i.decimals;
        List<SeriesPoint> series = new ArrayList<>();
        if (rows.isEmpty()) {
            return series;
        }
        Map<Integer, IndicatorValue> byYear = rows.stream().collect(Collectors.toMap(v -> v.id.fiscalYear(), v -> v));
        int first = rows.get(0).id.fiscalYear();
        int last = rows.get(rows.size() - 1).id.fiscalYear();
        for (int fy = first; fy <= last; fy++) {
            IndicatorValue v = byYear.get(fy);
            series.add(new SeriesPoint(fy, fiscalYears.label(fy), v == null ? null : IndicatorMath.scaled(v.baseline, d),
                    v == null ? null : IndicatorMath.scaled(v.target, d), v == null ? null : IndicatorMath.scaled(v.actual, d),
                    IndicatorMath.expected(i.direction, d, figures, fy)));
        }
        return series;
    }
}
