package jp.kyoso.core.fiscal;

import jp.kyoso.core.i18n.Language;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiscalYearTest {

    @Test
    void aFiscalYearRunsFromAprilToMarch() {
        assertEquals(2024, FiscalYear.of(LocalDate.of(2024, 4, 1)));
        assertEquals(2023, FiscalYear.of(LocalDate.of(2024, 3, 31)));
        assertEquals(2024, FiscalYear.of(LocalDate.of(2025, 1, 15)));
        assertEquals(LocalDate.of(2024, 4, 1), FiscalYear.firstDay(2024));
        assertEquals(LocalDate.of(2025, 3, 31), FiscalYear.lastDay(2024));
    }

    @Test
    void eraLabelsAtTheBoundaries() {
        assertEquals("令和6年度", FiscalYear.japanese(2024));
        assertEquals("令和2年度", FiscalYear.japanese(2020));
        assertEquals("令和元年度", FiscalYear.japanese(2019));
        assertEquals("平成30年度", FiscalYear.japanese(2018));
        assertEquals("平成2年度", FiscalYear.japanese(1990));
        assertEquals("平成元年度", FiscalYear.japanese(1989));
        assertEquals("昭和63年度", FiscalYear.japanese(1988));
        assertEquals("昭和2年度", FiscalYear.japanese(1927));
        // Shōwa began on 25 December 1926: most of FY1926 was still Taishō.
        assertEquals("大正15年度", FiscalYear.japanese(1926));
        // Taishō began on 30 July 1912: most of FY1912 was Taishō.
        assertEquals("大正元年度", FiscalYear.japanese(1912));
        assertEquals("明治44年度", FiscalYear.japanese(1911));
        assertEquals("明治元年度", FiscalYear.japanese(1868));
        assertEquals("1867年度", FiscalYear.japanese(1867));
    }

    @Test
    void labelsFollowTheLanguage() {
        assertEquals("令和6年度", FiscalYear.label(2024, Language.JA));
        assertEquals("FY2024", FiscalYear.label(2024, Language.EN));
        assertEquals("FY2019", FiscalYear.label(2019, Language.EN));
    }

    @Test
    void readsTheWaysPeopleWriteAFiscalYear() {
        assertEquals(OptionalInt.of(2024), FiscalYear.parse("2024"));
        assertEquals(OptionalInt.of(2024), FiscalYear.parse("FY2024"));
        assertEquals(OptionalInt.of(2024), FiscalYear.parse(" fy 2024 "));
        assertEquals(OptionalInt.of(2024), FiscalYear.parse("2024年度"));
        assertEquals(OptionalInt.of(2024), FiscalYear.parse("２０２４年度"));
        assertEquals(OptionalInt.of(2024), FiscalYear.parse("令和6年度"));
        assertEquals(OptionalInt.of(2024), FiscalYear.parse("令和６年度"));
        assertEquals(OptionalInt.of(2024), FiscalYear.parse("R6"));
        assertEquals(OptionalInt.of(2019), FiscalYear.parse("令和元年度"));
        assertEquals(OptionalInt.of(2019), FiscalYear.parse("平成31年度"));
        assertEquals(OptionalInt.of(1989), FiscalYear.parse("平成元年度"));
        assertEquals(OptionalInt.of(1988), FiscalYear.parse("昭和63年度"));
        assertEquals(OptionalInt.of(1988), FiscalYear.parse("S63"));
        assertTrue(FiscalYear.parse("来年度").isEmpty());
        assertTrue(FiscalYear.parse("").isEmpty());
        assertTrue(FiscalYear.parse(null).isEmpty());
        assertTrue(FiscalYear.parse("令和0年度").isEmpty());
    }

    @Test
    void everyLabelReadsBackAsItsYear() {
        for (int fy = 1868; fy <= 2100; fy++) {
            assertEquals(OptionalInt.of(fy), FiscalYear.parse(FiscalYear.japanese(fy)), FiscalYear.japanese(fy));
            assertEquals(OptionalInt.of(fy), FiscalYear.parse(FiscalYear.english(fy)));
        }
    }
}
