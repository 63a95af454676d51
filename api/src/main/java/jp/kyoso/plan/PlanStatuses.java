package jp.kyoso.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.core.web.Etags;
import jp.kyoso.plan.PlanDtos.PlanItemsView;
import jp.kyoso.plan.PlanDtos.StatusChange;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The statuses of a plan's leaf items per fiscal year, set many at once. Like every change of the
 * draft it is checked against the plan's ETag and bumps the plan's version.
 */
@ApplicationScoped
public class PlanStatuses {

    /** The most errors one refused bulk change reports. */
    static final int MAX_ERRORS = 100;

    private static final Label REQUIRED = Label.of("必須です", "Required");

    @Inject Plans plans;
    @Inject PlanContents contents;
    @Inject PlanItemQueries queries;
    @Inject CurrentUser currentUser;
    @Inject AuditLog audit;

    /** Sets (or, with a null status, clears) many statuses in one transaction; any bad entry rejects all. */
    @Transactional
    public WithVersion<PlanItemsView> set(UUID planId, String ifMatch, List<StatusChange> changes) {
        Plan plan = plans.requireEditable(planId);
        Etags.lockAndCheck(ifMatch, plan, plan.version);
        check(contents.workingTree(plan.id), plan.startFiscalYear, plan.endFiscalYear, changes);
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
            before.add(state(c.itemId(), c.fiscalYear(), old));
            after.add(state(c.itemId(), c.fiscalYear(), c.status()));
            write(plan, record, key, c.status());
        }
        if (!after.isEmpty()) {
            plan.touch();
            plan.persistAndFlush();
            audit.record(plan.municipalityCode, "plan.statuses.set", "plan", plan.id, before, after);
        }
        return queries.draftItems(plan);
    }

    /**
     * Refuses the whole change (400 naming each bad entry, {@code statuses[3].itemId}) unless every
     * entry names a leaf of the tree and a year of the span {@code firstYear}–{@code lastYear}, once.
     */
    static void check(PlanTree tree, int firstYear, int lastYear, List<StatusChange> changes) {
        Map<String, Label> errors = errors(tree, firstYear, lastYear, changes);
        if (errors.size() >= MAX_ERRORS) {
            throw Problems.invalidFields(Label.of(MAX_ERRORS + " 件以上の誤りがあるため、何も変更していません（最初の "
                    + MAX_ERRORS + " 件を示します）", "At least " + MAX_ERRORS + " errors, so nothing was changed (the first "
                    + MAX_ERRORS + " are listed)"), errors);
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(Label.of(errors.size() + " 件の誤りがあるため、何も変更していません",
                    errors.size() + " errors, so nothing was changed"), errors);
        }
    }

    /** What is wrong with each entry, by its place in the body; at most {@link #MAX_ERRORS}. */
    static Map<String, Label> errors(PlanTree tree, int firstYear, int lastYear, List<StatusChange> changes) {
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
            if (c.fiscalYear() < firstYear || c.fiscalYear() > lastYear) {
                errors.put(at + ".fiscalYear", Label.of("計画期間の年度を指定してください（" + firstYear + "〜"
                        + lastYear + "）", "Must be a fiscal year of the plan (" + firstYear + "–" + lastYear + ")"));
            }
            if (!seen.add(c.itemId() + "/" + c.fiscalYear())) {
                errors.put(at, Label.of("同じ項目・年度が二度指定されています", "The same item and year appear twice"));
            }
        }
        return errors;
    }

    /** Records one status: sets it, or with null clears it (a year without a record is NOT_STARTED). */
    void write(Plan plan, ItemStatusRecord record, ItemStatusRecord.Key key, ItemStatus status) {
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

    private static Map<String, Object> state(UUID itemId, int fiscalYear, ItemStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemId", itemId);
        m.put("fiscalYear", fiscalYear);
        m.put("status", status);
        return m;
    }
}
