package jp.kyoso.plan;

import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.i18n.Language;
import jp.kyoso.plan.PlanCsvReconciliation.Outcome;
import jp.kyoso.plan.PlanCsvReconciliation.Write;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an uploaded item tree means against the draft's current one, without a database. */
class PlanCsvReconciliationTest {

    private static final String HEADER = "コード,親コード,項目名,説明,令和6年度,令和7年度\n";

    private final UUID policy = UUID.randomUUID();
    private final UUID measure = UUID.randomUUID();
    private final UUID forum = UUID.randomUUID();
    private final UUID visits = UUID.randomUUID();
    private final UUID place = UUID.randomUUID();

    private final List<PlanTree.Item> items = List.of(
            new PlanTree.Item(policy, null, "I", "関心を高める", null, 0),
            new PlanTree.Item(measure, policy, "I-(1)", "きっかけづくり", null, 0),
            new PlanTree.Item(forum, measure, "I-(1)-①", "協創フォーラム", "年1回", 0),
            new PlanTree.Item(visits, measure, "I-(1)-②", "出前講座", null, 1),
            new PlanTree.Item(place, null, "II", "場をつくる", null, 1));

    private final List<PlanTree.Status> recorded = new ArrayList<>(List.of(
            new PlanTree.Status(forum, 2024, ItemStatus.DONE),
            new PlanTree.Status(forum, 2025, ItemStatus.ONGOING),
            new PlanTree.Status(place, 2024, ItemStatus.UNDER_STUDY)));

    /** Ids for new items in the order they are asked for. */
    private final List<UUID> fresh = Stream.generate(UUID::randomUUID).limit(10).toList();

    private PlanCsvReconciliation upload(String csv) {
        List<PlanCsv.Row> rows = PlanCsv.parse(Csv.read(csv.getBytes(StandardCharsets.UTF_8)), 2024, 2025).rows();
        Iterator<UUID> ids = fresh.iterator();
        return PlanCsvReconciliation.of(items, recorded, rows, ids::next);
    }

    private static Map<String, Write> byCode(PlanCsvReconciliation r) {
        return r.writes().stream().collect(Collectors.toMap(w -> w.item().code(), w -> w));
    }

    private static Map<Integer, ItemStatus> statuses(Object... yearAndStatus) {
        Map<Integer, ItemStatus> m = new HashMap<>();
        for (int i = 0; i < yearAndStatus.length; i += 2) {
            m.put((Integer) yearAndStatus[i], (ItemStatus) yearAndStatus[i + 1]);
        }
        return m;
    }

    @Test
    void theExportedFileChangesNothing() {
        PlanTree tree = PlanTree.of(items, recorded);
        byte[] file = Csv.write(PlanCsv.export(tree, 2024, 2025, Language.JA));
        List<PlanCsv.Row> rows = PlanCsv.parse(Csv.read(file), 2024, 2025).rows();

        PlanCsvReconciliation r = PlanCsvReconciliation.of(items, recorded, rows, () -> {
            throw new AssertionError("no item is new");
        });

        assertEquals(5, r.count(Outcome.UNCHANGED));
        assertTrue(r.removed().isEmpty());
        assertFalse(r.changesAnything());
        assertTrue(r.writes().stream().allMatch(w -> w.statuses().isEmpty()));
    }

    @Test
    void newCodesBecomeNewItemsUnderTheirParents() {
        PlanCsvReconciliation r = upload(HEADER + """
                I,,関心を高める,,,
                I-(1),I,きっかけづくり,,,
                I-(1)-①,I-(1),協創フォーラム,年1回,実施済,継続推進
                I-(1)-②,I-(1),出前講座,,,
                II,,場をつくる,,検討中,
                III,,担い手を育てる,,,
                III-(1),III,講座を開く,,一部実施,
                """);

        Map<String, Write> w = byCode(r);
        assertEquals(2, r.count(Outcome.CREATED));
        assertEquals(5, r.count(Outcome.UNCHANGED));
        PlanTree.Item top = w.get("III").item();
        PlanTree.Item child = w.get("III-(1)").item();
        assertEquals(Outcome.CREATED, w.get("III").outcome());
        assertEquals(fresh.get(0), top.id());
        assertNull(top.parentId());
        assertEquals(2, top.sortOrder(), "third at the top level");
        assertEquals(top.id(), child.parentId());
        assertEquals(0, child.sortOrder());
        // A new leaf gets the statuses the file gives it; empty cells record nothing.
        assertEquals(statuses(2024, ItemStatus.PARTLY_DONE), w.get("III-(1)").statuses());
        assertTrue(w.get("III").statuses().isEmpty());
        // Parents are written before their children.
        List<String> order = r.writes().stream().map(x -> x.item().code()).toList();
        assertTrue(order.indexOf("III") < order.indexOf("III-(1)"), order.toString());
        assertTrue(r.changesAnything());
    }

    @Test
    void matchedItemsKeepTheirIdsAndReportWhatChanged() {
        PlanCsvReconciliation r = upload(HEADER + """
                I,,関心を高める,,,
                I-(1),I,きっかけをつくる,,,
                I-(1)-②,I-(1),出前講座,,,
                I-(1)-①,I-(1),協創フォーラム,年1回,実施済,
                II,,場をつくる,,検討中,
                """);

        Map<String, Write> w = byCode(r);
        assertEquals(measure, w.get("I-(1)").item().id());
        assertEquals(Outcome.CHANGED, w.get("I-(1)").outcome(), "retitled");
        // Swapped: both moved, so both changed.
        assertEquals(Outcome.CHANGED, w.get("I-(1)-②").outcome());
        assertEquals(0, w.get("I-(1)-②").item().sortOrder());
        assertEquals(Outcome.CHANGED, w.get("I-(1)-①").outcome());
        assertEquals(1, w.get("I-(1)-①").item().sortOrder());
        // The empty 令和7年度 cell clears that year; the unchanged 令和6年度 is not written.
        assertEquals(statuses(2025, null), w.get("I-(1)-①").statuses());
        assertEquals(Outcome.UNCHANGED, w.get("I").outcome());
        assertEquals(Outcome.UNCHANGED, w.get("II").outcome());
        assertEquals(0, r.count(Outcome.CREATED));
        assertTrue(r.removed().isEmpty());
    }

    @Test
    void aStatusChangeAloneChangesAnItem() {
        PlanCsvReconciliation r = upload(HEADER + """
                I,,関心を高める,,,
                I-(1),I,きっかけづくり,,,
                I-(1)-①,I-(1),協創フォーラム,年1回,実施済,実施済
                I-(1)-②,I-(1),出前講座,,,
                II,,場をつくる,,検討中,
                """);

        Write forumRow = byCode(r).get("I-(1)-①");
        assertEquals(Outcome.CHANGED, forumRow.outcome());
        assertEquals(statuses(2025, ItemStatus.DONE), forumRow.statuses());
        assertEquals(1, r.count(Outcome.CHANGED));
    }

    @Test
    void yearsWithoutAColumnKeepTheirStatuses() {
        PlanCsvReconciliation r = upload("""
                コード,親コード,項目名,説明,令和7年度
                I,,関心を高める,,
                I-(1),I,きっかけづくり,,
                I-(1)-①,I-(1),協創フォーラム,年1回,継続推進
                I-(1)-②,I-(1),出前講座,,
                II,,場をつくる,,
                """);

        assertFalse(r.changesAnything(), "令和6年度 has no column, so its statuses stay as they are");
    }

    @Test
    void codesTheFileLacksAreRemovedDeepestFirst() {
        PlanCsvReconciliation r = upload(HEADER + """
                II,,場をつくる,,検討中,
                """);

        assertEquals(List.of(forum, visits, measure, policy), r.removed());
        Write placeRow = byCode(r).get("II");
        assertEquals(0, placeRow.item().sortOrder());
        assertEquals(Outcome.CHANGED, placeRow.outcome(), "now first at the top level");
        assertTrue(placeRow.statuses().isEmpty());
        assertTrue(r.changesAnything());
    }

    @Test
    void aLeafThatGetsSubItemsLosesItsStatuses() {
        PlanCsvReconciliation r = upload(HEADER + """
                I,,関心を高める,,,
                I-(1),I,きっかけづくり,,,
                I-(1)-①,I-(1),協創フォーラム,年1回,実施済,継続推進
                I-(1)-②,I-(1),出前講座,,,
                II,,場をつくる,,,
                II-(1),II,拠点を探す,,,
                """);

        Write placeRow = byCode(r).get("II");
        assertEquals(Outcome.CHANGED, placeRow.outcome());
        assertEquals(statuses(2024, null), placeRow.statuses());
    }

    @Test
    void statusesLeftOnAParentAreClearedToo() {
        // The tree ignores a status on an item that has sub-items; the import clears it.
        recorded.add(new PlanTree.Status(measure, 2024, ItemStatus.DONE));
        PlanCsvReconciliation r = upload(HEADER + """
                I,,関心を高める,,,
                I-(1),I,きっかけづくり,,,
                I-(1)-①,I-(1),協創フォーラム,年1回,実施済,継続推進
                I-(1)-②,I-(1),出前講座,,,
                II,,場をつくる,,検討中,
                """);

        Write measureRow = byCode(r).get("I-(1)");
        assertEquals(Outcome.CHANGED, measureRow.outcome());
        assertEquals(statuses(2024, null), measureRow.statuses());
        assertEquals(1, r.count(Outcome.CHANGED));
    }
}
