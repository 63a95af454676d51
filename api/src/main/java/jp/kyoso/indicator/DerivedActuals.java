package jp.kyoso.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.area.Area;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.event.EventKind;
import jp.kyoso.event.ParticipationFunnel;
import jp.kyoso.event.ParticipationFunnel.Figures;
import jp.kyoso.event.ParticipationFunnel.Scope;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The actuals of a computed indicator, derived from Kyoso's records rather than typed: one per
 * fiscal year from the first year with an event it counts to the last fiscal year that has ended,
 * zero in years without any. The current fiscal year is still running: its figure so far is
 * {@link #running} and not an actual, so that status and achievement judge whole years only.
 * Stored figures are never changed: the views lay the derived actuals over copies of them.
 */
@ApplicationScoped
public class DerivedActuals {

    @Inject
    ParticipationFunnel funnel;
    @Inject
    AreaService areas;

    /** What a computed indicator counts: its actual of each ended fiscal year and the current year so far. */
    public record Derived(Map<Integer, BigDecimal> actuals, int runningFiscalYear, BigDecimal running) {
    }

    /** Derived actual by ended fiscal year, oldest first; empty for a typed indicator. */
    public Map<Integer, BigDecimal> of(Indicator indicator) {
        return derive(indicator).actuals();
    }

    public Derived derive(Indicator indicator) {
        Map<Integer, BigDecimal> actuals = new TreeMap<>();
        int current = FiscalYear.current();
        if (!indicator.isComputed()) {
            return new Derived(actuals, current, null);
        }
        Map<Integer, Figures> totals = funnel.totals(indicator.municipalityCode, scope(indicator));
        int first = totals.keySet().stream().mapToInt(Integer::intValue).min().orElse(current);
        for (int fy = first; fy < current; fy++) {
            actuals.put(fy, figure(indicator, totals.get(fy)));
        }
        return new Derived(actuals, current, figure(indicator, totals.get(current)));
    }

    private static BigDecimal figure(Indicator indicator, Figures figures) {
        return BigDecimal.valueOf(indicator.computedMeasure.of(figures == null ? Figures.NONE : figures));
    }

    /** Copies of the stored rows with the derived actuals laid over them (a year with only an actual added). */
    public List<IndicatorValue> merged(Indicator indicator, List<IndicatorValue> stored) {
        return merged(indicator, stored, derive(indicator));
    }

    public List<IndicatorValue> merged(Indicator indicator, List<IndicatorValue> stored, Derived figures) {
        if (!indicator.isComputed()) {
            return stored;
        }
        Map<Integer, BigDecimal> derived = figures.actuals();
        Map<Integer, IndicatorValue> byYear = new TreeMap<>();
        for (IndicatorValue v : stored) {
            byYear.put(v.id.fiscalYear(), copy(v, derived.get(v.id.fiscalYear())));
        }
        derived.forEach((fy, actual) -> byYear.computeIfAbsent(fy, y -> {
            IndicatorValue v = new IndicatorValue();
            v.id = new IndicatorValue.Key(indicator.id, y);
            v.actual = actual;
            return v;
        }));
        return new ArrayList<>(byYear.values());
    }

    private Scope scope(Indicator indicator) {
        Set<EventKind> kinds = indicator.computedKinds == null ? Set.of()
                : Arrays.stream(indicator.computedKinds).map(EventKind::valueOf).collect(Collectors.toSet());
        Set<UUID> areaIds = new LinkedHashSet<>();
        if (indicator.computedAreaIds != null) {
            for (UUID area : indicator.computedAreaIds) {
                // An area removed since is left out rather than failing the read.
                if (Area.findById(area) != null) {
                    areaIds.addAll(areas.subtree(indicator.municipalityCode, area));
                }
            }
        }
        return new Scope(null, kinds, areaIds, ParticipationFunnel.DEFAULT_MONTHS);
    }

    private static IndicatorValue copy(IndicatorValue stored, BigDecimal actual) {
        IndicatorValue v = new IndicatorValue();
        v.id = stored.id;
        v.baseline = stored.baseline;
        v.target = stored.target;
        v.actual = actual;
        v.note = stored.note;
        v.sourceDate = stored.sourceDate;
        v.updatedBy = stored.updatedBy;
        v.updatedAt = stored.updatedAt;
        return v;
    }
}
