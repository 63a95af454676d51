package jp.kyoso.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The progress table: for every node and for the whole plan, the number of leaf items under it
 * and, for each status, the count and the share in percent (one decimal, rounded half-up). A
 * leaf counts itself; a leaf without a status for the year counts as NOT_STARTED.
 */
public final class PlanProgress {

    private PlanProgress() {
    }

    /** Counts and shares of the leaf items under one node (or the whole plan). */
    public record Figures(int total, Map<ItemStatus, Integer> counts, Map<ItemStatus, BigDecimal> percents) {

        public int count(ItemStatus status) {
            return counts.get(status);
        }

        public BigDecimal percent(ItemStatus status) {
            return percents.get(status);
        }
    }

    /** The figures of one fiscal year: the whole plan and every node in tree order. */
    public record Year(int fiscalYear, Figures overall, Map<UUID, Figures> nodes) {
    }

    /** {@code count} of {@code total} in percent, one decimal, half-up; 0.0 when there is nothing to count. */
    public static BigDecimal percent(int count, int total) {
        if (total == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }

    public static Year of(PlanTree tree, int fiscalYear) {
        Map<UUID, EnumMap<ItemStatus, Integer>> perNode = new LinkedHashMap<>();
        tree.nodes().forEach(n -> perNode.put(n.id(), zero()));
        EnumMap<ItemStatus, Integer> overall = zero();
        for (PlanTree.Node leaf : tree.leaves()) {
            ItemStatus status = tree.status(leaf.id(), fiscalYear);
            ItemStatus counted = status == null ? ItemStatus.NOT_STARTED : status;
            perNode.get(leaf.id()).merge(counted, 1, Integer::sum);
            for (UUID ancestor : tree.ancestors(leaf.id())) {
                perNode.get(ancestor).merge(counted, 1, Integer::sum);
            }
            overall.merge(counted, 1, Integer::sum);
        }
        Map<UUID, Figures> nodes = new LinkedHashMap<>();
        perNode.forEach((id, counts) -> nodes.put(id, figures(counts)));
        return new Year(fiscalYear, figures(overall), nodes);
    }

    /** The figures of every fiscal year of a span, for the trend. */
    public static List<Year> series(PlanTree tree, int firstYear, int lastYear) {
        return java.util.stream.IntStream.rangeClosed(firstYear, lastYear).mapToObj(fy -> of(tree, fy)).toList();
    }

    private static EnumMap<ItemStatus, Integer> zero() {
        EnumMap<ItemStatus, Integer> counts = new EnumMap<>(ItemStatus.class);
        for (ItemStatus s : ItemStatus.values()) {
            counts.put(s, 0);
        }
        return counts;
    }

    private static Figures figures(EnumMap<ItemStatus, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        EnumMap<ItemStatus, BigDecimal> percents = new EnumMap<>(ItemStatus.class);
        counts.forEach((s, c) -> percents.put(s, percent(c, total)));
        return new Figures(total, counts, percents);
    }
}
