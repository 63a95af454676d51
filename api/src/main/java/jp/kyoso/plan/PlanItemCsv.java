package jp.kyoso.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.csv.CsvImportReport;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.web.Etags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A plan's item tree with its statuses as a CSV file, for Excel: exported from the draft or a
 * published version, imported into the draft as a whole. The file's format is {@link PlanCsv}.
 */
@ApplicationScoped
public class PlanItemCsv {

    public record Export(byte[] body, String fileName) {
    }

    @Inject
    Plans plans;

    @Inject
    PlanContents contents;

    @Inject
    PlanStatuses statuses;

    @Inject
    AuditLog audit;

    @Inject
    RequestLanguage language;

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
                        statuses.write(plan, record, new ItemStatusRecord.Key(item.id, s.getKey()), s.getValue());
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
}
