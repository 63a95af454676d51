package jp.kyoso.plan;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static jp.kyoso.plan.ItemStatus.DONE;
import static jp.kyoso.plan.ItemStatus.NOT_STARTED;
import static jp.kyoso.plan.ItemStatus.ONGOING;
import static jp.kyoso.plan.ItemStatus.PARTLY_DONE;
import static jp.kyoso.plan.ItemStatus.UNDER_STUDY;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PlanProgressTest {

    private final List<PlanTree.Item> items = new ArrayList<>();
    private final List<PlanTree.Status> statuses = new ArrayList<>();

    private UUID item(UUID parent, String code, int order) {
        UUID id = UUID.randomUUID();
        items.add(new PlanTree.Item(id, parent, code, code + " title", null, order));
        return id;
    }

    private void status(UUID item, int year, ItemStatus status) {
        statuses.add(new PlanTree.Status(item, year, status));
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }

    @Test
    void sharesAreRoundedHalfUpToOneDecimal() {
        assertEquals(pct("33.3"), PlanProgress.percent(1, 3));
        assertEquals(pct("66.7"), PlanProgress.percent(2, 3));
        assertEquals(pct("12.5"), PlanProgress.percent(1, 8));
        assertEquals(pct("16.7"), PlanProgress.percent(1, 6));
        assertEquals(pct("100.0"), PlanProgress.percent(3, 3));
        assertEquals(pct("0.0"), PlanProgress.percent(0, 7));
        assertEquals(pct("0.0"), PlanProgress.percent(0, 0));
        // Exactly half at the second decimal rounds up: 1/16 = 6.25 → 6.3, 3/16 = 18.75 → 18.8.
        assertEquals(pct("6.3"), PlanProgress.percent(1, 16));
        assertEquals(pct("18.8"), PlanProgress.percent(3, 16));
        assertEquals(pct("0.1"), PlanProgress.percent(1, 1999));
        assertEquals("17.0", PlanProgress.percent(17, 100).toPlainString());
    }

    @Test
    void countsAtEveryLevelOfTheTree() {
        // I → I-(1) → I-(1)-①, ②, ③ ; I → I-(2) → I-(2)-① ; II (a leaf policy without measures)
        UUID i = item(null, "I", 0);
        UUID i1 = item(i, "I-(1)", 0);
        UUID a = item(i1, "I-(1)-①", 0);
        UUID b = item(i1, "I-(1)-②", 1);
        UUID c = item(i1, "I-(1)-③", 2);
        UUID i2 = item(i, "I-(2)", 1);
        UUID d = item(i2, "I-(2)-①", 0);
        UUID ii = item(null, "II", 1);
        status(a, 2024, DONE);
        status(b, 2024, ONGOING);
        // c has no status in 2024: NOT_STARTED
        status(c, 2023, DONE);
        status(d, 2024, DONE);
        status(ii, 2024, UNDER_STUDY);

        PlanTree tree = PlanTree.of(items, statuses);
        PlanProgress.Year year = PlanProgress.of(tree, 2024);

        assertEquals(List.of(i, i1, a, b, c, i2, d, ii), tree.nodes().stream().map(PlanTree.Node::id).toList());
        assertEquals(5, year.overall().total());
        assertEquals(2, year.overall().count(DONE));
        assertEquals(1, year.overall().count(ONGOING));
        assertEquals(1, year.overall().count(NOT_STARTED));
        assertEquals(1, year.overall().count(UNDER_STUDY));
        assertEquals(0, year.overall().count(PARTLY_DONE));
        assertEquals(pct("40.0"), year.overall().percent(DONE));
        assertEquals(pct("20.0"), year.overall().percent(NOT_STARTED));

        PlanProgress.Figures policy = year.nodes().get(i);
        assertEquals(4, policy.total());
        assertEquals(2, policy.count(DONE));
        assertEquals(pct("50.0"), policy.percent(DONE));
        assertEquals(pct("25.0"), policy.percent(ONGOING));

        PlanProgress.Figures measure = year.nodes().get(i1);
        assertEquals(3, measure.total());
        assertEquals(pct("33.3"), measure.percent(DONE));
        assertEquals(pct("33.3"), measure.percent(ONGOING));
        assertEquals(pct("33.3"), measure.percent(NOT_STARTED));

        assertEquals(1, year.nodes().get(c).total());
        assertEquals(1, year.nodes().get(c).count(NOT_STARTED));
        assertEquals(pct("100.0"), year.nodes().get(d).percent(DONE));
        assertEquals(1, year.nodes().get(ii).count(UNDER_STUDY));

        // In 2023 only c has a status: everything else counts as not started.
        PlanProgress.Year earlier = PlanProgress.of(tree, 2023);
        assertEquals(1, earlier.overall().count(DONE));
        assertEquals(4, earlier.overall().count(NOT_STARTED));
        assertEquals(pct("33.3"), earlier.nodes().get(i1).percent(DONE));
        assertEquals(pct("66.7"), earlier.nodes().get(i1).percent(NOT_STARTED));
    }

    @Test
    void anEmptyPlanHasNothingToCount() {
        PlanProgress.Year year = PlanProgress.of(PlanTree.of(List.of(), List.of()), 2024);
        assertEquals(0, year.overall().total());
        for (ItemStatus s : ItemStatus.values()) {
            assertEquals(0, year.overall().count(s));
            assertEquals(pct("0.0"), year.overall().percent(s));
        }
        assertEquals(0, year.nodes().size());
    }

    @Test
    void aSeriesHasEveryYearOfTheSpan() {
        UUID leaf = item(null, "I", 0);
        status(leaf, 2023, ONGOING);
        status(leaf, 2025, DONE);
        List<PlanProgress.Year> series = PlanProgress.series(PlanTree.of(items, statuses), 2022, 2025);
        assertEquals(List.of(2022, 2023, 2024, 2025), series.stream().map(PlanProgress.Year::fiscalYear).toList());
        assertEquals(List.of(NOT_STARTED, ONGOING, NOT_STARTED, DONE), series.stream()
                .map(y -> java.util.Arrays.stream(ItemStatus.values()).filter(s -> y.overall().count(s) == 1)
                        .findFirst().orElseThrow()).toList());
    }

    @Test
    void siblingsFollowTheirPositionsAndStatusesOfBranchesAreIgnored() {
        UUID top = item(null, "B", 1);
        UUID first = item(null, "A", 0);
        UUID child = item(top, "B-1", 0);
        status(top, 2024, DONE); // a branch carries no status: not counted
        status(child, 2024, PARTLY_DONE);
        PlanTree tree = PlanTree.of(items, statuses);
        assertEquals(List.of(first, top, child), tree.nodes().stream().map(PlanTree.Node::id).toList());
        PlanProgress.Year year = PlanProgress.of(tree, 2024);
        assertEquals(2, year.overall().total());
        assertEquals(1, year.overall().count(PARTLY_DONE));
        assertEquals(1, year.overall().count(NOT_STARTED));
        assertEquals(0, year.overall().count(DONE));
    }
}
