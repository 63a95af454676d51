package jp.kyoso.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.text.Texts;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.csv.CsvImportReport;
import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.core.web.Etags;
import jp.kyoso.plan.PlanDtos.PlanItemView;
import jp.kyoso.plan.PlanDtos.PlanItemWrite;
import jp.kyoso.plan.PlanDtos.PlanItemsView;
import jp.kyoso.plan.PlanDtos.ProgressFigures;
import jp.kyoso.plan.PlanDtos.ProgressNode;
import jp.kyoso.plan.PlanDtos.ProgressNodeOfYear;
import jp.kyoso.plan.PlanDtos.ProgressView;
import jp.kyoso.plan.PlanDtos.ProgressYear;
import jp.kyoso.plan.PlanDtos.StatusChange;
import jp.kyoso.plan.PlanDtos.StatusCounts;
import jp.kyoso.plan.PlanDtos.StatusLegend;
import jp.kyoso.plan.PlanDtos.StatusPercents;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A plan's item tree, the statuses of its leaves per fiscal year, the progress table and the
 * CSV form of the tree. Every change of the draft bumps the plan's version, which is the ETag
 * item, status and import writes check.
 */
@ApplicationScoped
public class PlanItemService {

    @Inject
    Plans plans;

    @Inject
    PlanContents contents;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    @Inject
    FiscalYears fiscalYears;

    @Inject
    RequestLanguage language;

    // ---- reads ----

    public WithVersion<PlanItemsView> items(UUID planId, Integer version) {
        Plan plan = plans.requireVisible(planId);
        return new WithVersion<>(PlanItemViews.items(contents.content(plan, version), fiscalYears, language), plan.version);
    }

    public WithVersion<PlanItemView> item(UUID planId, UUID itemId) {
        Plan plan = plans.requireVisible(planId);
        PlanContent content = contents.content(plan, null);
        PlanTree.Node node = content.tree().node(itemId).orElseThrow(PlanItemService::noSuchItem);
        return new WithVersion<>(PlanItemViews.item(content, node, fiscalYears, language), plan.version);
    }

    private WithVersion<PlanItemView> draftItem(Plan plan, UUID itemId) {
        PlanContent content = contents.draft(plan);
        return new WithVersion<>(PlanItemViews.item(content, content.tree().node(itemId).orElseThrow(PlanItemService::noSuchItem),
                fiscalYears, language), plan.version);
    }

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
        PlanTree tree = content.tree();
        List<PlanProgress.Year> series = PlanProgress.series(tree, content.startFiscalYear(), content.endFiscalYear());
        PlanProgress.Year year = series.stream().filter(y -> y.fiscalYear() == fy).findFirst().orElseThrow();
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
        return new ProgressView(plan.id, content.versionNumber(), fy, fiscalYears.label(fy), figures(year.overall()),
                nodes, trend, legend);
    }

    private static ProgressFigures figures(PlanProgress.Figures f) {
        return new ProgressFigures(f.total(), StatusCounts.of(f), StatusPercents.of(f));
    }

    // ---- item writes ----

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
        return draftItem(plan, item.id);
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
            int own = tree.node(item.id).map(PlanTree.Node::depth).orElse(0);
            int deepest = tree.nodes().stream().filter(n -> tree.ancestors(n.id()).contains(item.id))
                    .mapToInt(PlanTree.Node::depth).max().orElse(own);
            if (parent.depth() + 1 + (deepest - own) >= PlanCsv.MAX_DEPTH) {
                throw Problems.invalidField("parentItemId", Label.of("階層は " + PlanCsv.MAX_DEPTH + " 段までです",
                        "At most " + PlanCsv.MAX_DEPTH + " levels"));
            }
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
        return draftItem(plan, item.id);
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

    // ---- statuses ----

    /** Sets (or, with a null status, clears) many statuses in one transaction; any bad entry rejects all. */
    /** The most errors one refused bulk change reports. */
    static final int MAX_ERRORS = 100;
    private static final Label REQUIRED = Label.of("必須です", "Required");

    @Transactional
    public WithVersion<PlanItemsView> setStatuses(UUID planId, String ifMatch, List<StatusChange> changes) {
        Plan plan = plans.requireEditable(planId);
        Etags.lockAndCheck(ifMatch, plan, plan.version);
        PlanTree tree = contents.workingTree(plan.id);
        Map<String, Label> errors = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        // At most MAX_ERRORS are reported: a 5,000-entry body of bad entries is refused as fast as a good one.
        for (int i = 0; i < changes.size() && errors.size() < MAX_ERRORS; i++) {
            StatusChange c = changes.get(i);
            String at = "statuses[" + i + "]";
            if (c.itemId() == null || c.fiscalYear() == null) {
                if (c.itemId() == null) {
                    errors.put(at + ".itemId", REQUIRED);
                }
                if (c.fiscalYear() == null) {
                    errors.put(at + ".fiscalYear", REQUIRED);
                }
                continue;
            }
            PlanTree.Node node = tree.node(c.itemId()).orElse(null);
            if (node == null) {
                errors.put(at + ".itemId", Label.of("この計画の項目ではありません", "Not an item of this plan"));
            } else if (!node.leaf()) {
                errors.put(at + ".itemId", Label.of("下位項目がある項目には進捗を記録できません（" + node.item().code() + "）",
                        "An item with sub-items carries no status (" + node.item().code() + ")"));
            }
            if (!plan.covers(c.fiscalYear())) {
                errors.put(at + ".fiscalYear", Label.of("計画期間の年度を指定してください（" + plan.startFiscalYear + "〜"
                        + plan.endFiscalYear + "）", "Must be a fiscal year of the plan (" + plan.startFiscalYear
                        + "–" + plan.endFiscalYear + ")"));
            }
            if (!seen.add(c.itemId() + "/" + c.fiscalYear())) {
                errors.put(at, Label.of("同じ項目・年度が二度指定されています", "The same item and year appear twice"));
            }
        }
        if (errors.size() >= MAX_ERRORS) {
            throw Problems.invalidFields(Label.of(MAX_ERRORS + " 件以上の誤りがあるため、何も変更していません（最初の "
                    + MAX_ERRORS + " 件を示します）", "At least " + MAX_ERRORS + " errors, so nothing was changed (the first "
                    + MAX_ERRORS + " are listed)"), errors);
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(Label.of(errors.size() + " 件の誤りがあるため、何も変更していません",
                    errors.size() + " errors, so nothing was changed"), errors);
        }
        Map<ItemStatusRecord.Key, ItemStatusRecord> existing = new HashMap<>();
        ItemStatusRecord.ofPlan(plan.id).forEach(s -> existing.put(s.id, s));
        List<Map<String, Object>> before = new ArrayList<>();
        List<Map<String, Object>> after = new ArrayList<>();
        for (StatusChange c : changes) {
            ItemStatusRecord.Key key = new ItemStatusRecord.Key(c.itemId(), c.fiscalYear());
            ItemStatusRecord record = existing.get(key);
            ItemStatus old = record == null ? null : record.status;
            if (old == c.status()) {
                continue;
            }
            before.add(statusState(c.itemId(), c.fiscalYear(), old));
            after.add(statusState(c.itemId(), c.fiscalYear(), c.status()));
            setStatus(plan, record, key, c.status());
        }
        if (!after.isEmpty()) {
            plan.touch();
            plan.persistAndFlush();
            audit.record(plan.municipalityCode, "plan.statuses.set", "plan", plan.id, before, after);
        }
        return new WithVersion<>(PlanItemViews.items(contents.draft(plan), fiscalYears, language), plan.version);
    }

    private void setStatus(Plan plan, ItemStatusRecord record, ItemStatusRecord.Key key, ItemStatus status) {
        if (status == null) {
            if (record != null) {
                record.delete();
            }
            return;
        }
        ItemStatusRecord r = record;
        if (r == null) {
            r = new ItemStatusRecord();
            r.id = key;
            r.planId = plan.id;
        }
        r.status = status;
        r.updatedBy = currentUser.id().orElse(null);
        r.updatedAt = OffsetDateTime.now();
        r.persist();
    }

    private static Map<String, Object> statusState(UUID itemId, int fiscalYear, ItemStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemId", itemId);
        m.put("fiscalYear", fiscalYear);
        m.put("status", status);
        return m;
    }

    // ---- CSV ----

    public record Export(byte[] body, String fileName) {
    }

    public Export exportCsv(UUID planId, Integer version) {
        Plan plan = plans.requireVisible(planId);
        PlanContent content = contents.content(plan, version);
        byte[] body = Csv.write(PlanCsv.export(content.tree(), content.startFiscalYear(), content.endFiscalYear(),
                language.get()));
        String name = content.title() + (content.versionNumber() == null ? "" : "_v" + content.versionNumber()) + ".csv";
        return new Export(body, name);
    }

    /**
     * Replaces the draft's item tree with a file's: rows are matched to items by code (an item
     * keeps its id, its links and the statuses of years the file has no column for), new codes
     * become new items and items whose code the file lacks are deleted. All or nothing.
     */
    @Transactional
    public WithVersion<CsvImportReport> importCsv(UUID planId, String ifMatch, byte[] body) {
        Plan plan = plans.requireEditable(planId);
        Etags.lockAndCheck(ifMatch, plan, plan.version);
        Csv.Sheet sheet = Csv.read(body);
        PlanCsv.Parsed parsed = PlanCsv.parse(sheet, plan.startFiscalYear, plan.endFiscalYear);
        PlanTree beforeTree = contents.workingTree(plan.id);

        Map<String, PlanItem> byCode = new HashMap<>();
        PlanItem.ofPlan(plan.id).forEach(i -> byCode.put(i.code, i));
        Map<UUID, List<ItemStatusRecord>> statusesByItem = new HashMap<>();
        ItemStatusRecord.ofPlan(plan.id).forEach(s -> statusesByItem.computeIfAbsent(s.id.itemId(), k -> new ArrayList<>()).add(s));

        Map<String, UUID> idOf = new HashMap<>();
        for (PlanCsv.Row row : parsed.rows()) {
            PlanItem existing = byCode.get(row.code());
            idOf.put(row.code(), existing == null ? UUID.randomUUID() : existing.id);
        }
        Map<String, Integer> nextPosition = new HashMap<>();
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        // Parents before children, so that every new item's parent row exists when it is inserted.
        List<PlanCsv.Row> byDepth = new ArrayList<>(parsed.rows());
        byDepth.sort(Comparator.comparingInt(PlanCsv.Row::depth));
        Map<PlanCsv.Row, Integer> positions = new HashMap<>();
        for (PlanCsv.Row row : parsed.rows()) {
            String parentKey = row.parentCode() == null ? "" : "/" + row.parentCode();
            positions.put(row, nextPosition.merge(parentKey, 1, Integer::sum) - 1);
        }
        for (PlanCsv.Row row : byDepth) {
            UUID parentId = row.parentCode() == null ? null : idOf.get(row.parentCode());
            int position = positions.get(row);
            PlanItem item = byCode.get(row.code());
            boolean isNew = item == null;
            boolean differs = false;
            if (isNew) {
                item = new PlanItem();
                item.id = idOf.get(row.code());
                item.planId = plan.id;
                item.code = row.code();
            } else {
                differs = !Objects.equals(item.parentId, parentId) || !Objects.equals(item.title, row.title())
                        || !Objects.equals(item.description, row.description()) || item.sortOrder != position;
            }
            item.parentId = parentId;
            item.title = row.title();
            item.description = row.description();
            item.sortOrder = position;
            if (isNew) {
                item.persist();
            }
            Map<Integer, ItemStatusRecord> current = new HashMap<>();
            statusesByItem.getOrDefault(item.id, List.of()).forEach(s -> current.put(s.id.fiscalYear(), s));
            if (!row.leaf()) {
                differs |= !current.isEmpty();
                current.values().forEach(ItemStatusRecord::delete);
            } else {
                for (Map.Entry<Integer, ItemStatus> s : row.statuses().entrySet()) {
                    ItemStatusRecord record = current.get(s.getKey());
                    if ((record == null ? null : record.status) != s.getValue()) {
                        differs = true;
                        setStatus(plan, record, new ItemStatusRecord.Key(item.id, s.getKey()), s.getValue());
                    }
                }
            }
            if (isNew) {
                created++;
            } else if (differs) {
                changed++;
            } else {
                unchanged++;
            }
        }
        Set<String> kept = parsed.rows().stream().map(PlanCsv.Row::code).collect(Collectors.toSet());
        List<PlanTree.Node> removed = new ArrayList<>(beforeTree.nodes().stream()
                .filter(n -> !kept.contains(n.item().code())).toList());
        removed.sort(Comparator.comparingInt(PlanTree.Node::depth).reversed());
        for (PlanTree.Node n : removed) {
            statusesByItem.getOrDefault(n.id(), List.of()).forEach(ItemStatusRecord::delete);
        }
        for (PlanTree.Node n : removed) {
            PlanItem.<PlanItem>findById(n.id()).delete();
        }
        CsvImportReport report = new CsvImportReport(parsed.rows().size(), created, changed, removed.size(), unchanged,
                sheet.charsetName());
        if (created + changed + removed.size() > 0) {
            plan.touch();
            plan.persistAndFlush();
            PlanTree afterTree = contents.workingTree(plan.id);
            audit.record(plan.municipalityCode, "plan.items.import", "plan", plan.id,
                    Map.of("items", beforeTree.items(), "statuses", beforeTree.statuses()),
                    Map.of("items", afterTree.items(), "statuses", afterTree.statuses(), "report", report));
        }
        return new WithVersion<>(report, plan.version);
    }

    // ---- helpers ----

    private PlanItem requireItem(Plan plan, UUID itemId) {
        PlanItem item = itemId == null ? null : PlanItem.findById(itemId);
        if (item == null || !item.planId.equals(plan.id)) {
            throw noSuchItem();
        }
        return item;
    }

    static jp.kyoso.core.problem.ProblemException noSuchItem() {
        return Problems.notFound(Label.of("項目が見つかりません", "No such item in this plan"));
    }

    /** The new parent: an item of the plan, not the item itself or below it, and not carrying statuses. */
    private PlanTree.Node parentOf(PlanTree tree, UUID parentId, UUID itemId) {
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
            throw Problems.invalidField("parentItemId", Label.of("階層は " + PlanCsv.MAX_DEPTH + " 段までです",
                    "At most " + PlanCsv.MAX_DEPTH + " levels"));
        }
        boolean alreadyChild = itemId != null && tree.node(itemId).map(n -> parentId.equals(n.parentId())).orElse(false);
        if (!alreadyChild && tree.hasStatuses(parentId)) {
            throw Problems.conflict(Label.of("「" + parent.item().code() + "」には進捗が記録されているため、下位項目を置けません。先に進捗を消してください",
                    "\"" + parent.item().code() + "\" has statuses recorded; clear them before giving it sub-items"));
        }
        return parent;
    }

    /** The code to use: the given one (unique in the plan) or a generated one. */
    private String code(PlanTree tree, String requested, PlanTree.Node parent, int n, UUID itemId) {
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
