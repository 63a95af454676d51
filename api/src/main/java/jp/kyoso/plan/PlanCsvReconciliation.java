package jp.kyoso.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What an accepted CSV file means for the draft's current tree. Rows are matched to items by
 * code: a matched item keeps its id (and with it its links and history), new codes become new
 * items, and items whose code the file lacks are removed with everything they carry. A leaf keeps
 * the statuses of years the file has no column for; an item that has sub-items in the file
 * loses any statuses it still had.
 *
 * @param writes  each row as the item it will be, parents before children so that a new item's
 *                parent exists when it is inserted
 * @param removed the items the file drops, deepest first so that none is gone by cascade before
 *                its own delete
 */
record PlanCsvReconciliation(List<Write> writes, List<UUID> removed) {

    enum Outcome { CREATED, CHANGED, UNCHANGED }

    /**
     * One row applied to its item.
     *
     * @param statuses the years whose recorded status changes, to the new status (null: cleared)
     */
    record Write(PlanTree.Item item, Outcome outcome, Map<Integer, ItemStatus> statuses) {
    }

    /**
     * @param items    the draft's items as stored
     * @param recorded every status record of the draft, including any left on an item that has
     *                 since got sub-items (which the tree ignores, and the import clears)
     * @param rows     the rows of a file {@link PlanCsv#parse} accepted, in file order
     * @param newId    ids for the items the file adds
     */
    static PlanCsvReconciliation of(Collection<PlanTree.Item> items, Collection<PlanTree.Status> recorded,
                                    List<PlanCsv.Row> rows, Supplier<UUID> newId) {
        Map<String, PlanTree.Item> byCode = new HashMap<>();
        items.forEach(i -> byCode.put(i.code(), i));
        Map<UUID, Map<Integer, ItemStatus>> statusesByItem = new HashMap<>();
        recorded.forEach(s -> statusesByItem.computeIfAbsent(s.itemId(), k -> new LinkedHashMap<>())
                .put(s.fiscalYear(), s.status()));

        Map<String, UUID> idOf = new HashMap<>();
        for (PlanCsv.Row row : rows) {
            PlanTree.Item existing = byCode.get(row.code());
            idOf.put(row.code(), existing == null ? newId.get() : existing.id());
        }
        // A row's position is its place among the rows with the same parent, in file order.
        Map<String, Integer> nextPosition = new HashMap<>();
        Map<PlanCsv.Row, Integer> positions = new HashMap<>();
        for (PlanCsv.Row row : rows) {
            String parentKey = row.parentCode() == null ? "" : "/" + row.parentCode();
            positions.put(row, nextPosition.merge(parentKey, 1, Integer::sum) - 1);
        }
        List<PlanCsv.Row> byDepth = new ArrayList<>(rows);
        byDepth.sort(Comparator.comparingInt(PlanCsv.Row::depth));

        List<Write> writes = new ArrayList<>();
        for (PlanCsv.Row row : byDepth) {
            PlanTree.Item existing = byCode.get(row.code());
            PlanTree.Item item = new PlanTree.Item(idOf.get(row.code()),
                    row.parentCode() == null ? null : idOf.get(row.parentCode()), row.code(), row.title(),
                    row.description(), positions.get(row));
            Map<Integer, ItemStatus> current = statusesByItem.getOrDefault(item.id(), Map.of());
            Map<Integer, ItemStatus> statuses = new LinkedHashMap<>();
            if (!row.leaf()) {
                current.keySet().forEach(fy -> statuses.put(fy, null));
            } else {
                row.statuses().forEach((fy, status) -> {
                    if (current.get(fy) != status) {
                        statuses.put(fy, status);
                    }
                });
            }
            Outcome outcome = existing == null ? Outcome.CREATED
                    : !sameFields(existing, item) || !statuses.isEmpty() ? Outcome.CHANGED : Outcome.UNCHANGED;
            writes.add(new Write(item, outcome, statuses));
        }

        Set<String> kept = rows.stream().map(PlanCsv.Row::code).collect(Collectors.toSet());
        List<PlanTree.Node> dropped = new ArrayList<>(PlanTree.of(items, recorded).nodes().stream()
                .filter(n -> !kept.contains(n.item().code())).toList());
        dropped.sort(Comparator.comparingInt(PlanTree.Node::depth).reversed());
        return new PlanCsvReconciliation(List.copyOf(writes), dropped.stream().map(PlanTree.Node::id).toList());
    }

    private static boolean sameFields(PlanTree.Item a, PlanTree.Item b) {
        return Objects.equals(a.parentId(), b.parentId()) && Objects.equals(a.title(), b.title())
                && Objects.equals(a.description(), b.description()) && a.sortOrder() == b.sortOrder();
    }

    long count(Outcome outcome) {
        return writes.stream().filter(w -> w.outcome() == outcome).count();
    }

    /** Whether applying it changes the draft at all. */
    boolean changesAnything() {
        return !removed.isEmpty() || writes.stream().anyMatch(w -> w.outcome() != Outcome.UNCHANGED);
    }
}
