package jp.kyoso.plan;

import jp.kyoso.core.problem.ProblemException;
import jp.kyoso.plan.PlanDtos.StatusChange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checking a bulk change of statuses against the draft's tree and span, before anything changes. */
class PlanStatusesTest {

    private final UUID policy = UUID.randomUUID();
    private final UUID leaf = UUID.randomUUID();
    private final PlanTree tree = PlanTree.of(List.of(
            new PlanTree.Item(policy, null, "I", "関心を高める", null, 0),
            new PlanTree.Item(leaf, policy, "I-(1)", "きっかけづくり", null, 0)), List.of());

    private static StatusChange change(UUID item, Integer year, ItemStatus status) {
        return new StatusChange(item, year, status);
    }

    @Test
    void leavesInTheSpanAreAccepted() {
        assertDoesNotThrow(() -> PlanStatuses.check(tree, 2024, 2026, List.of(
                change(leaf, 2024, ItemStatus.DONE), change(leaf, 2026, null))));
    }

    @Test
    void eachBadEntryIsNamedByItsPlace() {
        List<StatusChange> changes = new ArrayList<>(List.of(
                change(null, null, ItemStatus.DONE),
                change(UUID.randomUUID(), 2024, ItemStatus.DONE),
                change(policy, 2024, ItemStatus.DONE),
                change(leaf, 2030, ItemStatus.DONE),
                change(leaf, 2025, ItemStatus.DONE),
                change(leaf, 2025, null)));

        ProblemException e = assertThrows(ProblemException.class, () -> PlanStatuses.check(tree, 2024, 2026, changes));

        assertEquals(400, e.status());
        assertEquals(List.of("statuses[0].itemId", "statuses[0].fiscalYear", "statuses[1].itemId",
                "statuses[2].itemId", "statuses[3].fiscalYear", "statuses[5]"), List.copyOf(e.errors().keySet()));
        assertEquals("An item with sub-items carries no status (I)", e.errors().get("statuses[2].itemId").en());
        assertEquals("6 errors, so nothing was changed", e.detail().en());
    }

    @Test
    void aFloodOfBadEntriesIsCutShort() {
        List<StatusChange> changes = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            changes.add(change(UUID.randomUUID(), 2024, ItemStatus.DONE));
        }

        assertEquals(PlanStatuses.MAX_ERRORS, PlanStatuses.errors(tree, 2024, 2026, changes).size());
        ProblemException e = assertThrows(ProblemException.class, () -> PlanStatuses.check(tree, 2024, 2026, changes));
        assertTrue(e.detail().en().startsWith("At least " + PlanStatuses.MAX_ERRORS + " errors"), e.detail().en());
    }
}
