package jp.kyoso.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of indicators, kept apart from storage so that it is tested on its own and
 * defined in one place (docs/indicators.md has worked examples).
 *
 * <ul>
 * <li><b>Achievement</b> of an actual A against a target T, from the baseline B:
 * (A − B) / (T − B) × 100, one decimal, rounded half-up; negative when the indicator moved away
 * from the target. When T = B (a target of holding the baseline) it is 100.0 when the actual
 * meets the target (INCREASE: A ≥ T, DECREASE: A ≤ T, MAINTAIN: |A − T| ≤ tolerance) and 0.0
 * otherwise. Without a baseline or an actual there is none.</li>
 * <li><b>Status</b> from the latest actual after the baseline year (year L, value A):
 * <ul>
 * <li>NO_DATA: no baseline, no actual after the baseline year, or (INCREASE/DECREASE) no target
 * after the baseline year.</li>
 * <li>INCREASE / DECREASE: the next target is the first target in or after year L (the last
 * target when all lie before L). The straight line from the baseline (year b, B) to that target
 * (year t, T) expects E = B + (T − B) × (L − b) / (t − b) in year L (T from year t on), rounded
 * to the indicator's decimals. ACHIEVED when A has reached T (A ≥ T; for DECREASE A ≤ T);
 * ON_TRACK when A is on or beyond the line (A ≥ E; for DECREASE A ≤ E); BEHIND otherwise.</li>
 * <li>MAINTAIN: BEHIND when |A − B| exceeds the tolerance; otherwise ACHIEVED when year L is in
 * or after the last target year, else ON_TRACK.</li>
 * </ul></li>
 * </ul>
 */
public final class IndicatorMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private IndicatorMath() {
    }

    /** One fiscal year's figures (any may be null). */
    public record Value(int fiscalYear, BigDecimal baseline, BigDecimal target, BigDecimal actual) {
    }

    public record Point(int fiscalYear, BigDecimal value) {
    }

    /** The status and what it was judged on: the latest actual, the next target and the line's value then. */
    public record Assessment(IndicatorStatus status, Point latestActual, Point nextTarget, BigDecimal expected) {
    }

    public static Optional<Point> baseline(List<Value> values) {
        return values.stream().filter(v -> v.baseline() != null).findFirst()
                .map(v -> new Point(v.fiscalYear(), v.baseline()));
    }

    public static List<Point> targets(List<Value> values) {
        return values.stream().filter(v -> v.target() != null).sorted(Comparator.comparingInt(Value::fiscalYear))
                .map(v -> new Point(v.fiscalYear(), v.target())).toList();
    }

    public static List<Point> actuals(List<Value> values) {
        return values.stream().filter(v -> v.actual() != null).sorted(Comparator.comparingInt(Value::fiscalYear))
                .map(v -> new Point(v.fiscalYear(), v.actual())).toList();
    }

    /** The latest actual of all, or empty. */
    public static Optional<Point> latestActual(List<Value> values) {
        List<Point> actuals = actuals(values);
        return actuals.isEmpty() ? Optional.empty() : Optional.of(actuals.get(actuals.size() - 1));
    }

    /** (A − B) / (T − B) × 100, one decimal, half-up; see the class comment for T = B. Null without B or A. */
    public static BigDecimal achievement(Direction direction, BigDecimal tolerance, BigDecimal baseline,
                                         BigDecimal actual, BigDecimal target) {
        if (baseline == null || actual == null || target == null) {
            return null;
        }
        BigDecimal span = target.subtract(baseline);
        if (span.signum() == 0) {
            return (meets(direction, tolerance, actual, target) ? HUNDRED : BigDecimal.ZERO).setScale(1);
        }
        return actual.subtract(baseline).multiply(HUNDRED).divide(span, 1, RoundingMode.HALF_UP);
    }

    public static Assessment assess(Direction direction, int decimals, BigDecimal tolerance, List<Value> values) {
        Optional<Point> base = baseline(values);
        if (base.isEmpty()) {
            return new Assessment(IndicatorStatus.NO_DATA, null, null, null);
        }
        Point b = base.get();
        List<Point> after = actuals(values).stream().filter(a -> a.fiscalYear() > b.fiscalYear()).toList();
        List<Point> targets = targets(values).stream().filter(t -> t.fiscalYear() > b.fiscalYear()).toList();
        if (after.isEmpty()) {
            return new Assessment(IndicatorStatus.NO_DATA, null, null, null);
        }
        Point latest = after.get(after.size() - 1);
        if (direction == Direction.MAINTAIN) {
            BigDecimal tol = tolerance == null ? BigDecimal.ZERO : tolerance;
            Point last = targets.isEmpty() ? null : targets.get(targets.size() - 1);
            IndicatorStatus status = latest.value().subtract(b.value()).abs().compareTo(tol) > 0
                    ? IndicatorStatus.BEHIND
                    : last != null && latest.fiscalYear() >= last.fiscalYear() ? IndicatorStatus.ACHIEVED
                    : IndicatorStatus.ON_TRACK;
            return new Assessment(status, latest, nextTarget(targets, latest.fiscalYear()), scaled(b.value(), decimals));
        }
        if (targets.isEmpty()) {
            return new Assessment(IndicatorStatus.NO_DATA, latest, null, null);
        }
        Point next = nextTarget(targets, latest.fiscalYear());
        BigDecimal expected = line(b, next, latest.fiscalYear(), decimals);
        int sign = direction == Direction.INCREASE ? 1 : -1;
        IndicatorStatus status = latest.value().compareTo(next.value()) * sign >= 0 ? IndicatorStatus.ACHIEVED
                : latest.value().compareTo(expected) * sign >= 0 ? IndicatorStatus.ON_TRACK
                : IndicatorStatus.BEHIND;
        return new Assessment(status, latest, next, expected);
    }

    /**
     * The value the straight line from the baseline to the next target expects in a fiscal year
     * (MAINTAIN: the baseline), rounded to the indicator's decimals; null before the baseline
     * year and after the last target.
     */
    public static BigDecimal expected(Direction direction, int decimals, List<Value> values, int fiscalYear) {
        Optional<Point> base = baseline(values);
        if (base.isEmpty() || fiscalYear < base.get().fiscalYear()) {
            return null;
        }
        Point b = base.get();
        List<Point> targets = targets(values).stream().filter(t -> t.fiscalYear() > b.fiscalYear()).toList();
        if (direction == Direction.MAINTAIN) {
            boolean within = targets.isEmpty() || fiscalYear <= targets.get(targets.size() - 1).fiscalYear();
            return within ? scaled(b.value(), decimals) : null;
        }
        if (targets.isEmpty() || fiscalYear > targets.get(targets.size() - 1).fiscalYear()) {
            return null;
        }
        return line(b, nextTarget(targets, fiscalYear), fiscalYear, decimals);
    }

    /** The first target in or after the year; the last target when all lie before it; null without targets. */
    static Point nextTarget(List<Point> targets, int fiscalYear) {
        if (targets.isEmpty()) {
            return null;
        }
        return targets.stream().filter(t -> t.fiscalYear() >= fiscalYear).findFirst()
                .orElse(targets.get(targets.size() - 1));
    }

    private static BigDecimal line(Point baseline, Point target, int fiscalYear, int decimals) {
        if (fiscalYear >= target.fiscalYear()) {
            return scaled(target.value(), decimals);
        }
        BigDecimal share = BigDecimal.valueOf(fiscalYear - baseline.fiscalYear())
                .divide(BigDecimal.valueOf(target.fiscalYear() - baseline.fiscalYear()), MathContext.DECIMAL64);
        BigDecimal value = baseline.value().add(target.value().subtract(baseline.value()).multiply(share));
        return scaled(value, decimals);
    }

    private static boolean meets(Direction direction, BigDecimal tolerance, BigDecimal actual, BigDecimal target) {
        return switch (direction) {
            case INCREASE -> actual.compareTo(target) >= 0;
            case DECREASE -> actual.compareTo(target) <= 0;
            case MAINTAIN -> actual.subtract(target).abs().compareTo(tolerance == null ? BigDecimal.ZERO : tolerance) <= 0;
        };
    }

    /** A value at the indicator's decimals, half-up. */
    public static BigDecimal scaled(BigDecimal value, int decimals) {
        return value == null ? null : value.setScale(decimals, RoundingMode.HALF_UP);
    }
}
