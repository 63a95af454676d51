package jp.kyoso.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.ProblemException;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.text.Texts;
import jp.kyoso.core.web.Etags;
import jp.kyoso.plan.PlanDtos.PlanItemView;
import jp.kyoso.plan.PlanDtos.PlanItemWrite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Adds, changes, moves and deletes the items of a plan's draft. The ETag of an item is the
 * plan's: moving or removing one item renumbers its siblings, so every change of the tree bumps
 * the plan's version. That is why updates and deletes lock and check the plan and then change
 * items, rather than going through {@link jp.kyoso.core.persistence.Changes} on the item.
 */
@ApplicationScoped
public class PlanItemCommands {

    @Inject Plans plans;
    @Inject PlanContents contents;
    @Inject PlanItemQueries queries;
    @Inject AuditLog audit;

    @Transactional
    public WithVersion<PlanItemView> create(UUID planId, PlanItemWrite write) {
        Plan plan = plans.requireEditable(planId);
        PlanTree tree = contents.workingTree(plan.id);
        if (tree.size() >= PlanCsv.MAX_ITEMS) {
            throw Problems.conflict(Label.of("項目は " + PlanCsv.MAX_ITEMS + " 件までです",
                    "A plan has at most " + PlanCsv.MAX_ITEMS + " items"));
        }
        PlanTree.Node parent = parentOf(tree, write.parentItemId(), null);
        List<PlanItem> siblings = siblings(plan.id, write.parentItemId());
        PlanItem item = new PlanItem();
        item.id = UUID.randomUUID();
        item.planId = plan.id;
        item.parentId = write.parentItemId();
        item.code = code(tree, write.code(), parent, siblings.size() + 1, null);
        item.title = write.title().strip();
        item.description = Texts.blankToNull(write.description());
        int position = write.position() == null ? siblings.size() : Math.min(write.position(), siblings.size());
        siblings.add(position, item);
        renumber(siblings);
        item.persist();
        plan.touch();
        plan.persistAndFlush();
        audit.record(plan.municipalityCode, "plan.item.create", "plan_item", item.id, null, item.data());
        return queries.draftItem(plan, item.id);
    }

    @Transactional
    public WithVersion<PlanItemView> update(UUID planId, UUID itemId, String ifMatch, PlanItemWrite write) {
        Plan plan = plans.requireEditable(planId);
        Etags.lockAndCheck(ifMatch, plan, plan.version);
        PlanItem item = requireItem(plan, itemId);
        PlanTree tree = contents.workingTree(plan.id);
        PlanTree.Item before = item.data();
        PlanTree.Node parent = parentOf(tree, write.parentItemId(), item.id);
        if (parent != null && !Objects.equals(item.parentId, parent.id())) {
            checkDepthUnder(tree, parent, item.id);
        }
        if (write.code() != null && !write.code().isBlank()) {
            item.code = code(tree, write.code(), parent, 0, item.id);
        }
        item.title = write.title().strip();
        item.description = Texts.blankToNull(write.description());
        boolean moved = !Objects.equals(item.parentId, write.parentItemId());
        if (moved) {
            List<PlanItem> old = siblings(plan.id, item.parentId);
            old.removeIf(s -> s.id.equals(item.id));
            renumber(old);
            item.parentId = write.parentItemId();
        }
        List<PlanItem> siblings = siblings(plan.id, item.parentId);
        siblings.removeIf(s -> s.id.equals(item.id));
        int position = write.position() != null ? Math.min(write.position(), siblings.size())
                : moved ? siblings.size() : Math.min(before.sortOrder(), siblings.size());
        siblings.add(position, item);
        renumber(siblings);
        plan.touch();
        plan.persistAndFlush();
        audit.record(plan.municipalityCode, "plan.item.update", "plan_item", item.id, before, item.data());
        return queries.draftItem(plan, item.id);
    }

    /** Deletes an item with everything under it and their statuses. */
    @Transactional
    public void delete(UUID planId, UUID itemId, String ifMatch) {
        Plan plan = plans.requireEditable(planId);
        Etags.lockAndCheck(ifMatch, plan, plan.version);
        PlanItem item = requireItem(plan, itemId);
        PlanTree tree = contents.workingTree(plan.id);
        List<PlanTree.Node> subtree = tree.nodes().stream()
                .filter(n -> n.id().equals(item.id) || tree.ancestors(n.id()).contains(item.id)).toList();
        Map<String, Object> before = Map.of("items", subtree.stream().map(PlanTree.Node::item).toList(),
                "statuses", tree.statuses().stream().filter(s -> subtree.stream().anyMatch(n -> n.id().equals(s.itemId())))
                        .toList());
        List<PlanItem> siblings = siblings(plan.id, item.parentId);
        siblings.removeIf(s -> s.id.equals(item.id));
        renumber(siblings);
        Set<UUID> doomed = subtree.stream().map(PlanTree.Node::id).collect(Collectors.toSet());
        ItemStatusRecord.<ItemStatusRecord>list("planId", plan.id).stream()
                .filter(s -> doomed.contains(s.id.itemId())).forEach(ItemStatusRecord::delete);
        // Deepest first, so that no row is already gone by cascade when its own delete runs.
        List<PlanTree.Node> deepestFirst = new ArrayList<>(subtree);
        deepestFirst.sort(Comparator.comparingInt(PlanTree.Node::depth).reversed());
        for (PlanTree.Node n : deepestFirst) {
            PlanItem.<PlanItem>findById(n.id()).delete();
        }
        plan.touch();
        plan.persistAndFlush();
        audit.record(plan.municipalityCode, "plan.item.delete", "plan_item", item.id, before, null);
    }

    private PlanItem requireItem(Plan plan, UUID itemId) {
        PlanItem item = itemId == null ? null : PlanItem.findById(itemId);
        if (item == null || !item.planId.equals(plan.id)) {
            throw PlanItemQueries.noSuchItem();
        }
        return item;
    }

    /** The new parent: an item of the plan, not the item itself or below it, and not carrying statuses. */
    private static PlanTree.Node parentOf(PlanTree tree, UUID parentId, UUID itemId) {
        if (parentId == null) {
            return null;
        }
        PlanTree.Node parent = tree.node(parentId).orElseThrow(() -> Problems.invalidField("parentItemId",
                Label.of("この計画の項目ではありません", "Not an item of this plan")));
        if (itemId != null && (parentId.equals(itemId) || tree.ancestors(parentId).contains(itemId))) {
            throw Problems.invalidField("parentItemId", Label.of("項目を自分自身やその下位の項目の下へは移せません",
                    "An item cannot be moved under itself or one of its sub-items"));
        }
        if (parent.depth() + 1 >= PlanCsv.MAX_DEPTH) {
            throw tooDeep();
        }
        boolean alreadyChild = itemId != null && tree.node(itemId).map(n -> parentId.equals(n.parentId())).orElse(false);
        if (!alreadyChild && tree.hasStatuses(parentId)) {
            throw Problems.conflict(Label.of("「" + parent.item().code() + "」には進捗が記録されているため、下位項目を置けません。先に進捗を消してください",
                    "\"" + parent.item().code() + "\" has statuses recorded; clear them before giving it sub-items"));
        }
        return parent;
    }

    /** A moved item takes its sub-items along: the deepest of them must stay within the limit too. */
    private static void checkDepthUnder(PlanTree tree, PlanTree.Node parent, UUID itemId) {
        int own = tree.node(itemId).map(PlanTree.Node::depth).orElse(0);
        int deepest = tree.nodes().stream().filter(n -> tree.ancestors(n.id()).contains(itemId))
                .mapToInt(PlanTree.Node::depth).max().orElse(own);
        if (parent.depth() + 1 + (deepest - own) >= PlanCsv.MAX_DEPTH) {
            throw tooDeep();
        }
    }

    private static ProblemException tooDeep() {
        return Problems.invalidField("parentItemId", Label.of("階層は " + PlanCsv.MAX_DEPTH + " 段までです",
                "At most " + PlanCsv.MAX_DEPTH + " levels"));
    }

    /** The code to use: the given one (unique in the plan) or a generated one. */
    private static String code(PlanTree tree, String requested, PlanTree.Node parent, int n, UUID itemId) {
        Set<String> used = tree.nodes().stream().filter(x -> !x.id().equals(itemId)).map(x -> x.item().code())
                .collect(Collectors.toSet());
        if (requested == null || requested.isBlank()) {
            return ItemCodes.next(parent == null ? null : parent.item().code(), parent == null ? 0 : parent.depth() + 1,
                    n, used);
        }
        String code = requested.strip();
        if (code.chars().anyMatch(Character::isISOControl)) {
            throw Problems.invalidField("code", Label.of("改行や制御文字は使えません", "No line breaks or control characters"));
        }
        if (used.contains(code)) {
            throw Problems.invalidField("code", Label.of("このコードは計画の別の項目が使っています",
                    "Another item of the plan has this code"));
        }
        return code;
    }

    private static List<PlanItem> siblings(UUID planId, UUID parentId) {
        List<PlanItem> list = parentId == null
                ? PlanItem.list("planId = ?1 and parentId is null order by sortOrder, code", planId)
                : PlanItem.list("planId = ?1 and parentId = ?2 order by sortOrder, code", planId, parentId);
        return new ArrayList<>(list);
    }

    private static void renumber(List<PlanItem> siblings) {
        for (int i = 0; i < siblings.size(); i++) {
            siblings.get(i).sortOrder = i;
        }
    }
}
