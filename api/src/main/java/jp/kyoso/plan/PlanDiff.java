package jp.kyoso.plan;

import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.plan.PlanDtos.DiffView;
import jp.kyoso.plan.PlanDtos.FieldChange;
import jp.kyoso.plan.PlanDtos.ItemChange;
import jp.kyoso.plan.PlanDtos.ItemRef;
import jp.kyoso.plan.PlanDtos.StatusDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What changed between two versions of a plan: its fields, items added, removed and changed
 * (matched by id, which an item keeps through edits and CSV imports), and statuses. An item's
 * position counts as changed only when its order among the siblings both versions share differs,
 * so inserting one item does not report all its younger siblings as moved.
 */
final class PlanDiff {

    private PlanDiff() {
    }

    static DiffView between(UUID planId, PlanContent from, PlanContent to, FiscalYears fiscalYears) {
        List<FieldChange> fields = new ArrayList<>();
        field(fields, "title", from.title(), to.title());
        field(fields, "vision", from.vision(), to.vision());
        field(fields, "description", from.description(), to.description());
        field(fields, "areaId", from.areaId(), to.areaId());
        field(fields, "startFiscalYear", from.startFiscalYear(), to.startFiscalYear());
        field(fields, "endFiscalYear", from.endFiscalYear(), to.endFiscalYear());

        PlanTree a = from.tree();
        PlanTree b = to.tree();
        List<ItemRef> added = b.nodes().stream().filter(n -> a.node(n.id()).isEmpty()).map(PlanDiff::ref).toList();
        List<ItemRef> removed = a.nodes().stream().filter(n -> b.node(n.id()).isEmpty()).map(PlanDiff::ref).toList();
        List<ItemChange> changed = new ArrayList<>();
        for (PlanTree.Node after : b.nodes()) {
            a.node(after.id()).ifPresent(before -> {
                List<FieldChange> changes = new ArrayList<>();
                field(changes, "code", before.item().code(), after.item().code());
                field(changes, "title", before.item().title(), after.item().title());
                field(changes, "description", before.item().description(), after.item().description());
                field(changes, "parentItemId", before.parentId(), after.parentId());
                if (Objects.equals(before.parentId(), after.parentId())) {
                    field(changes, "position", sharedRank(a, b, before), sharedRank(b, a, after));
                }
                if (!changes.isEmpty()) {
                    changed.add(new ItemChange(after.id(), after.item().code(), after.item().title(), changes));
                }
            });
        }

        List<StatusDiff> statuses = new ArrayList<>();
        for (PlanTree.Node node : b.nodes()) {
            Map<Integer, ItemStatus> before = a.node(node.id()).isPresent() ? a.statusesOf(node.id()) : Map.of();
            Map<Integer, ItemStatus> after = b.statusesOf(node.id());
            Set<Integer> years = new TreeSet<>(before.keySet());
            years.addAll(after.keySet());
            for (int fy : years) {
                if (before.get(fy) != after.get(fy)) {
                    statuses.add(new StatusDiff(node.id(), node.item().code(), fy, fiscalYears.label(fy),
                            before.get(fy), after.get(fy)));
                }
            }
        }
        return new DiffView(planId, from.versionNumber(), to.versionNumber(), fields, added, removed, changed, statuses);
    }

    /** The node's index among its siblings that also exist in the other tree. */
    private static int sharedRank(PlanTree self, PlanTree other, PlanTree.Node node) {
        List<UUID> shared = self.children(node.parentId()).stream().map(PlanTree.Node::id)
                .filter(id -> other.node(id).map(o -> Objects.equals(o.parentId(), node.parentId())).orElse(false))
                .collect(Collectors.toList());
        return shared.indexOf(node.id());
    }

    private static ItemRef ref(PlanTree.Node n) {
        return new ItemRef(n.id(), n.parentId(), n.item().code(), n.item().title());
    }

    private static void field(List<FieldChange> changes, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(name, before == null ? null : before.toString(),
                    after == null ? null : after.toString()));
        }
    }
}
