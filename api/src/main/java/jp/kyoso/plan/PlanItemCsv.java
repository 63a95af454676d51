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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A plan's item tree with its statuses as a CSV file, for Excel: exported from the draft or a
 * published version, imported into the draft as a whole. The file's format is {@link PlanCsv};
 * what an import changes is {@link PlanCsvReconciliation}; this applies it.
 */
@ApplicationScoped
public class PlanItemCsv {

    public record Export(byte[] body, String fileName) {
    }

    @Inject Plans plans;
    @Inject PlanContents contents;
    @Inject PlanStatuses statuses;
    @Inject AuditLog audit;
    @Inject RequestLanguage language;

    public Export exportCsv(UUID planId, Integer version) {
        Plan plan = plans.requireVisible(planId);
        PlanContent content = contents.content(plan, version);
        byte[] body = Csv.write(PlanCsv.export(content.tree(), content.startFiscalYear(), content.endFiscalYear(),
                language.get()));
        String name = content.title() + (content.versionNumber() == null ? "" : "_v" + content.versionNumber()) + ".csv";
        return new Export(body, name);
    }

    /**
     * Replaces the draft's item tree with a file's (see {@link PlanCsvReconciliation}). All or
     * nothing: a file with any bad cell changes nothing. Checked against the plan's ETag, which
     * covers the whole tree.
     */
    @Transactional
    public WithVersion<CsvImportReport> importCsv(UUID planId, String ifMatch, byte[] body) {
        Plan plan = plans.requireEditable(planId);
        Etags.lockAndCheck(ifMatch, plan, plan.version);
        Csv.Sheet sheet = Csv.read(body);
        PlanCsv.Parsed parsed = PlanCsv.parse(sheet, plan.startFiscalYear, plan.endFiscalYear);

        Map<UUID, PlanItem> items = new HashMap<>();
        List<PlanTree.Item> itemData = new ArrayList<>();
        for (PlanItem item : PlanItem.ofPlan(plan.id)) {
            items.put(item.id, item);
            itemData.add(item.data());
        }
        Map<ItemStatusRecord.Key, ItemStatusRecord> records = new HashMap<>();
        Map<UUID, List<ItemStatusRecord>> recordsByItem = new HashMap<>();
        List<PlanTree.Status> recorded = new ArrayList<>();
        for (ItemStatusRecord record : ItemStatusRecord.ofPlan(plan.id)) {
            records.put(record.id, record);
            recordsByItem.computeIfAbsent(record.id.itemId(), k -> new ArrayList<>()).add(record);
            recorded.add(record.data());
        }
        PlanTree before = PlanTree.of(itemData, recorded);
        PlanCsvReconciliation reconciliation = PlanCsvReconciliation.of(itemData, recorded, parsed.rows(),
                UUID::randomUUID);

        for (PlanCsvReconciliation.Write write : reconciliation.writes()) {
            PlanTree.Item data = write.item();
            boolean isNew = write.outcome() == PlanCsvReconciliation.Outcome.CREATED;
            PlanItem item = isNew ? new PlanItem() : items.get(data.id());
            if (isNew) {
                item.id = data.id();
                item.planId = plan.id;
                item.code = data.code();
            }
            item.parentId = data.parentId();
            item.title = data.title();
            item.description = data.description();
            item.sortOrder = data.sortOrder();
            if (isNew) {
                item.persist();
            }
            write.statuses().forEach((fy, status) -> {
                ItemStatusRecord.Key key = new ItemStatusRecord.Key(data.id(), fy);
                statuses.write(plan, records.get(key), key, status);
            });
        }
        for (UUID id : reconciliation.removed()) {
            recordsByItem.getOrDefault(id, List.of()).forEach(ItemStatusRecord::delete);
        }
        for (UUID id : reconciliation.removed()) {
            items.get(id).delete();
        }
        CsvImportReport report = new CsvImportReport(parsed.rows().size(),
                (int) reconciliation.count(PlanCsvReconciliation.Outcome.CREATED),
                (int) reconciliation.count(PlanCsvReconciliation.Outcome.CHANGED), reconciliation.removed().size(),
                (int) reconciliation.count(PlanCsvReconciliation.Outcome.UNCHANGED), sheet.charsetName());
        if (reconciliation.changesAnything()) {
            plan.touch();
            plan.persistAndFlush();
            PlanTree after = contents.workingTree(plan.id);
            audit.record(plan.municipalityCode, "plan.items.import", "plan", plan.id,
                    Map.of("items", before.items(), "statuses", before.statuses()),
                    Map.of("items", after.items(), "statuses", after.statuses(), "report", report));
        }
        return new WithVersion<>(report, plan.version);
    }
}
