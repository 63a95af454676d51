package jp.kyoso.indicator;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static jp.kyoso.indicator.Direction.DECREASE;
import static jp.kyoso.indicator.Direction.INCREASE;
import static jp.kyoso.indicator.Direction.MAINTAIN;
import static jp.kyoso.indicator.IndicatorStatus.ACHIEVED;
import static jp.kyoso.indicator.IndicatorStatus.BEHIND;
import static jp.kyoso.indicator.IndicatorStatus.NO_DATA;
import static jp.kyoso.indicator.IndicatorStatus.ON_TRACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IndicatorMathTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static final class Values {
        final List<IndicatorMath.Value> list = new ArrayList<>();

        Values baseline(int fy, String v) {
            list.add(new IndicatorMath.Value(fy, d(v), null, null));
            return this;
        }

        Values target(int fy, String v) {
            list.add(new IndicatorMath.Value(fy, null, d(v), null));
            return this;
        }

        Values actual(int fy, String v) {
            list.add(new IndicatorMath.Value(fy, null, null, d(v)));
            return this;
        }
    }

    @Test
    void achievementIsTheShareOfTheWayFromBaselineToTarget() {
        // Baseline 30.0 %, target 40.0 %, actual 34.5 %: (34.5 − 30) / (40 − 30) × 100 = 45.0
        assertEquals(d("45.0"), IndicatorMath.achievement(INCREASE, null, d("30.0"), d("34.5"), d("40.0")));
        // Rounded half-up to one decimal: (31 − 30) / (33 − 30) × 100 = 33.33… → 33.3; 2/3 → 66.7
        assertEquals(d("33.3"), IndicatorMath.achievement(INCREASE, null, d("30"), d("31"), d("33")));
        assertEquals(d("66.7"), IndicatorMath.achievement(INCREASE, null, d("30"), d("32"), d("33")));
        // 1/16 = 6.25 → 6.3
        assertEquals(d("6.3"), IndicatorMath.achievement(INCREASE, null, d("0"), d("1"), d("16")));
        // Beyond the target: over 100
        assertEquals(d("120.0"), IndicatorMath.achievement(INCREASE, null, d("100"), d("112"), d("110")));
        // Moving away: negative
        assertEquals(d("-20.0"), IndicatorMath.achievement(INCREASE, null, d("30"), d("28"), d("40")));
        // DECREASE: baseline 50 件, target 30 件, actual 45 件 → (45 − 50) / (30 − 50) × 100 = 25.0
        assertEquals(d("25.0"), IndicatorMath.achievement(DECREASE, null, d("50"), d("45"), d("30")));
        assertEquals(d("-10.0"), IndicatorMath.achievement(DECREASE, null, d("50"), d("52"), d("30")));
        // A target equal to the baseline: met or not
        assertEquals(d("100.0"), IndicatorMath.achievement(MAINTAIN, d("1.0"), d("70.0"), d("69.2"), d("70.0")));
        assertEquals(d("0.0"), IndicatorMath.achievement(MAINTAIN, d("1.0"), d("70.0"), d("68.5"), d("70.0")));
        assertEquals(d("100.0"), IndicatorMath.achievement(INCREASE, null, d("70"), d("71"), d("70")));
        // Nothing to compare
        assertNull(IndicatorMath.achievement(INCREASE, null, null, d("1"), d("2")));
        assertNull(IndicatorMath.achievement(INCREASE, null, d("1"), null, d("2")));
    }

    @Test
    void increaseIsJudgedAgainstTheLineToTheNextTarget() {
        // Baseline FY2020 30.0, target FY2025 40.0: the line expects 2 points a year.
        Values v = new Values().baseline(2020, "30.0").target(2025, "40.0").actual(2023, "36.0");
        IndicatorMath.Assessment a = IndicatorMath.assess(INCREASE, 1, null, v.list);
        assertEquals(ON_TRACK, a.status()); // expected 36.0 in 2023: on the line
        assertEquals(d("36.0"), a.expected());
        assertEquals(2025, a.nextTarget().fiscalYear());
        assertEquals(2023, a.latestActual().fiscalYear());

        v.actual(2024, "37.5"); // expected 38.0
        assertEquals(BEHIND, IndicatorMath.assess(INCREASE, 1, null, v.list).status());
        assertEquals(d("38.0"), IndicatorMath.assess(INCREASE, 1, null, v.list).expected());

        v.actual(2025, "40.2");
        assertEquals(ACHIEVED, IndicatorMath.assess(INCREASE, 1, null, v.list).status());
    }

    @Test
    void anIntermediateTargetIsTheNextOneUntilItsYearHasPassed() {
        // Baseline 2019: 100; targets 2021: 130, 2025: 200.
        Values v = new Values().baseline(2019, "100").target(2021, "130").target(2025, "200").actual(2021, "131");
        IndicatorMath.Assessment a = IndicatorMath.assess(INCREASE, 0, null, v.list);
        assertEquals(ACHIEVED, a.status());
        assertEquals(2021, a.nextTarget().fiscalYear());
        // In 2022 the next target is 2025's, and the line runs from the baseline: 100 + 100 × 3/6 = 150.
        v.actual(2022, "149");
        a = IndicatorMath.assess(INCREASE, 0, null, v.list);
        assertEquals(BEHIND, a.status());
        assertEquals(d("150"), a.expected());
        v.actual(2023, "170"); // expected 166.67 → 167
        a = IndicatorMath.assess(INCREASE, 0, null, v.list);
        assertEquals(ON_TRACK, a.status());
        assertEquals(d("167"), a.expected());
        // After the last target year, the last target is the measure.
        v.actual(2026, "199");
        assertEquals(BEHIND, IndicatorMath.assess(INCREASE, 0, null, v.list).status());
    }

    @Test
    void decreaseMirrorsIncrease() {
        Values v = new Values().baseline(2020, "50").target(2024, "30").actual(2022, "40");
        assertEquals(ON_TRACK, IndicatorMath.assess(DECREASE, 0, null, v.list).status()); // expected 40
        v.actual(2023, "36"); // expected 35
        assertEquals(BEHIND, IndicatorMath.assess(DECREASE, 0, null, v.list).status());
        v.actual(2024, "29");
        assertEquals(ACHIEVED, IndicatorMath.assess(DECREASE, 0, null, v.list).status());
    }

    @Test
    void maintainStaysWithinTheTolerance() {
        Values v = new Values().baseline(2020, "70.0").target(2025, "70.0").actual(2022, "69.2");
        assertEquals(ON_TRACK, IndicatorMath.assess(MAINTAIN, 1, d("1.0"), v.list).status());
        assertEquals(BEHIND, IndicatorMath.assess(MAINTAIN, 1, d("0.5"), v.list).status());
        // Without a tolerance, any difference is behind.
        assertEquals(BEHIND, IndicatorMath.assess(MAINTAIN, 1, null, v.list).status());
        v.actual(2023, "71.0"); // exactly at the tolerance: still within
        assertEquals(ON_TRACK, IndicatorMath.assess(MAINTAIN, 1, d("1.0"), v.list).status());
        v.actual(2025, "70.4");
        assertEquals(ACHIEVED, IndicatorMath.assess(MAINTAIN, 1, d("1.0"), v.list).status());
        // No target: never achieved, on track while within.
        Values open = new Values().baseline(2020, "70.0").actual(2030, "70.0");
        assertEquals(ON_TRACK, IndicatorMath.assess(MAINTAIN, 1, d("1.0"), open.list).status());
    }

    @Test
    void withoutBaselineActualOrTargetThereIsNoData() {
        assertEquals(NO_DATA, IndicatorMath.assess(INCREASE, 0, null, new Values().target(2025, "10").actual(2024, "5").list).status());
        assertEquals(NO_DATA, IndicatorMath.assess(INCREASE, 0, null, new Values().baseline(2020, "1").target(2025, "10").list).status());
        // An actual only in the baseline year is no progress yet.
        assertEquals(NO_DATA, IndicatorMath.assess(INCREASE, 0, null,
                new Values().baseline(2020, "1").target(2025, "10").actual(2020, "1").list).status());
        assertEquals(NO_DATA, IndicatorMath.assess(INCREASE, 0, null, new Values().baseline(2020, "1").actual(2022, "3").list).status());
        assertEquals(NO_DATA, IndicatorMath.assess(MAINTAIN, 0, null, new Values().target(2025, "10").actual(2024, "5").list).status());
        assertEquals(NO_DATA, IndicatorMath.assess(INCREASE, 0, null, List.of()).status());
    }

    @Test
    void theExpectedLineForCharts() {
        Values v = new Values().baseline(2020, "30.0").target(2022, "34.0").target(2025, "40.0");
        assertNull(IndicatorMath.expected(INCREASE, 1, v.list, 2019));
        assertEquals(d("30.0"), IndicatorMath.expected(INCREASE, 1, v.list, 2020));
        assertEquals(d("32.0"), IndicatorMath.expected(INCREASE, 1, v.list, 2021));
        assertEquals(d("34.0"), IndicatorMath.expected(INCREASE, 1, v.list, 2022));
        // towards 2025 from the baseline: 30 + 10 × 3/5
        assertEquals(d("36.0"), IndicatorMath.expected(INCREASE, 1, v.list, 2023));
        assertEquals(d("40.0"), IndicatorMath.expected(INCREASE, 1, v.list, 2025));
        assertNull(IndicatorMath.expected(INCREASE, 1, v.list, 2026));
        Values m = new Values().baseline(2020, "70").target(2024, "70");
        assertEquals(d("70.0"), IndicatorMath.expected(MAINTAIN, 1, m.list, 2023));
        assertNull(IndicatorMath.expected(MAINTAIN, 1, m.list, 2025));
    }
}
