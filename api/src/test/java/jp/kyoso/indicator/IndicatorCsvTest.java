package jp.kyoso.indicator;

import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.problem.ProblemException;
import jp.kyoso.indicator.IndicatorCsv.Figures;
import jp.kyoso.indicator.IndicatorCsv.Outcome;
import jp.kyoso.indicator.IndicatorCsv.Reconciliation;
import jp.kyoso.indicator.IndicatorCsv.Row;
import jp.kyoso.indicator.IndicatorCsv.YearChange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading an indicator's CSV and what a file means against the current figures, without a database. */
class IndicatorCsvTest {

    private static List<Row> parse(String csv, int decimals) {
        return IndicatorCsv.parse(Csv.read(csv.getBytes(StandardCharsets.UTF_8)), decimals);
    }

    private static Map<String, String> errors(String csv, int decimals) {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(csv, decimals));
        assertEquals(400, e.status());
        Map<String, String> english = new LinkedHashMap<>();
        e.errors().forEach((field, message) -> english.put(field, message.en()));
        return english;
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Figures figures(int fy, String baseline, String target, String actual) {
        return new Figures(fy, baseline == null ? null : d(baseline), target == null ? null : d(target),
                actual == null ? null : d(actual), null, null);
    }

    private static YearChange year(Reconciliation r, int fy) {
        return r.years().stream().filter(y -> y.fiscalYear() == fy).findFirst().orElse(null);
    }

    // ---- reading ----

    @Test
    void readsJapaneseHeadersYearsInAnyFormAndNumbersAsPeopleTypeThem() {
        List<Row> rows = parse("""
                年度,年度表示,基準値,目標値,実績値,備考,出典日
                令和元年度,,"1,234.5",,▲3,市民アンケート,2020年3月31日
                FY2025,令和7年度,,４０,,,
                """, 1);
        assertEquals(2, rows.size());
        Row first = rows.get(0);
        assertEquals(2, first.number());
        assertEquals(2019, first.fiscalYear());
        assertEquals(0, d("1234.5").compareTo((BigDecimal) first.fields().get(IndicatorCsv.BASELINE)));
        assertEquals(0, d("-3").compareTo((BigDecimal) first.fields().get(IndicatorCsv.ACTUAL)));
        assertNull(first.fields().get(IndicatorCsv.TARGET));
        assertTrue(first.fields().containsKey(IndicatorCsv.TARGET));
        assertEquals("市民アンケート", first.fields().get(IndicatorCsv.NOTE));
        assertEquals(LocalDate.of(2020, 3, 31), first.fields().get(IndicatorCsv.SOURCE_DATE));
        assertEquals(2025, rows.get(1).fiscalYear());
        assertEquals(0, d("40").compareTo((BigDecimal) rows.get(1).fields().get(IndicatorCsv.TARGET)));
    }

    @Test
    void aColumnTheFileLacksIsNotAFieldOfItsRows() {
        Row row = parse("fiscal_year,actual\n2024,5\n", 0).get(0);
        assertEquals(List.of(IndicatorCsv.ACTUAL), List.copyOf(row.fields().keySet()));
    }

    @Test
    void namesEveryBadCellByRowAndColumn() {
        Map<String, String> errors = errors("""
                年度,基準値,目標値,備考,出典日
                2020,1.25,x,,2024-02-30
                2020,3,,,
                ,,1,,
                2021,,,,
                2022,5,,,
                """, 1);
        assertEquals(List.of("rows[2].baseline", "rows[2].target", "rows[2].sourceDate", "rows[3].fiscalYear",
                "rows[4].fiscalYear", "rows[6].baseline"), List.copyOf(errors.keySet()));
        assertTrue(errors.get("rows[2].baseline").contains("At most 1 decimals"), errors.toString());
        assertTrue(errors.get("rows[2].target").contains("Not a number"));
        assertTrue(errors.get("rows[3].fiscalYear").contains("same fiscal year as row 2"));
        assertTrue(errors.get("rows[4].fiscalYear").contains("Required"));
        assertTrue(errors.get("rows[6].baseline").contains("Row 3 has a baseline too"), errors.toString());
    }

    @Test
    void rejectsUnknownAndRepeatedHeadersAndAFileWithoutYears() {
        Map<String, String> errors = errors("目標,目標値,weight\n1,2,3\n", 0);
        assertEquals(List.of("rows[1].target", "rows[1].weight", "rows[1].fiscalYear"), List.copyOf(errors.keySet()));
        assertTrue(errors.get("rows[1].target").contains("appears twice"));
        assertTrue(errors.get("rows[1].fiscalYear").contains("required"));
    }

    @Test
    void refusesFiguresTooLargeAndCellsBeyondTheHeader() {
        Map<String, String> errors = errors("fiscal_year,actual\n2024,1000000000000\n2025,1,extra\n", 0);
        assertTrue(errors.get("rows[2].actual").contains("Too large"));
        assertTrue(errors.get("rows[3]").contains("more cells than the header"));
    }

    // ---- reconciling ----

    @Test
    void aFileSetsItsYearsAndRemovesTheYearsItLacks() {
        List<Figures> current = List.of(figures(2019, "28.4", null, "28.4"), figures(2020, null, null, "30"),
                figures(2021, null, null, "31"));
        Reconciliation r = IndicatorCsv.reconcile(parse("""
                年度,基準値,目標値,実績値
                2019,28.40,,28.4
                2020,,,32
                2025,,40,
                """, 1), current);
        assertEquals(Outcome.UNCHANGED, year(r, 2019).outcome());
        assertEquals(Outcome.CHANGED, year(r, 2020).outcome());
        assertEquals(0, d("32").compareTo(year(r, 2020).after().actual()));
        assertEquals(Outcome.DELETED, year(r, 2021).outcome());
        assertNull(year(r, 2021).after());
        assertEquals(Outcome.CREATED, year(r, 2025).outcome());
        assertEquals(List.of(1, 1, 1, 1), List.of(r.count(Outcome.CREATED), r.count(Outcome.CHANGED),
                r.count(Outcome.DELETED), r.count(Outcome.UNCHANGED)));
        assertTrue(r.changesAnything());
    }

    @Test
    void theSameFiguresAgainChangeNothing() {
        List<Figures> current = List.of(figures(2019, "28.4", null, null), figures(2025, null, "40", null));
        Reconciliation r = IndicatorCsv.reconcile(parse("年度,基準値,目標値\n2019,28.4,\n2025,,40.0\n", 1), current);
        assertEquals(2, r.count(Outcome.UNCHANGED));
        assertFalse(r.changesAnything());
    }

    @Test
    void aColumnTheFileLacksKeepsThatFieldAndABlankCellClearsIt() {
        Figures stored = new Figures(2024, null, d("40"), d("35"), "survey", LocalDate.of(2025, 3, 31));
        Figures kept = IndicatorCsv.reconcile(parse("fiscal_year,actual\n2024,36\n", 0), List.of(stored))
                .years().get(0).after();
        assertEquals(new Figures(2024, null, d("40"), d("36"), "survey", LocalDate.of(2025, 3, 31)), kept);

        Figures cleared = IndicatorCsv.reconcile(parse("fiscal_year,note\n2024,\n", 0), List.of(stored))
                .years().get(0).after();
        assertNull(cleared.note());
        assertEquals(d("35"), cleared.actual());
    }

    @Test
    void aYearLeftWithNothingIsRemovedAndANewEmptyYearIsNoChange() {
        Reconciliation r = IndicatorCsv.reconcile(parse("fiscal_year,actual\n2024,\n2030,\n", 0),
                List.of(figures(2024, null, null, "5")));
        assertEquals(1, r.years().size());
        assertEquals(Outcome.DELETED, year(r, 2024).outcome());
        assertNull(year(r, 2030));
    }

    @Test
    void movingTheBaselineDropsItFromTheOldYear() {
        List<Figures> current = List.of(figures(2019, "28", null, "28"), figures(2020, null, null, "30"));
        Reconciliation r = IndicatorCsv.reconcile(parse("年度,基準値,実績値\n2019,,28\n2020,30,30\n", 0), current);
        assertTrue(year(r, 2019).dropsBaseline());
        assertFalse(year(r, 2020).dropsBaseline());
        assertEquals(Outcome.CHANGED, year(r, 2019).outcome());

        Reconciliation keeps = IndicatorCsv.reconcile(parse("年度,実績値\n2019,29\n", 0), current);
        assertFalse(year(keeps, 2019).dropsBaseline());
        assertEquals(Outcome.DELETED, year(keeps, 2020).outcome());
    }
}
