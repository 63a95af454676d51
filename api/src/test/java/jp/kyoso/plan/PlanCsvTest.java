package jp.kyoso.plan;

import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading an uploaded item tree: the rows it means, or every bad row and column at once. */
class PlanCsvTest {

    private static PlanCsv.Parsed parse(String csv) {
        return PlanCsv.parse(Csv.read(csv.getBytes(StandardCharsets.UTF_8)), 2024, 2026);
    }

    /** The error keys of a refused file, in row and column order. */
    private static List<String> errors(String csv) {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(csv));
        assertEquals(400, e.status());
        return List.copyOf(e.errors().keySet());
    }

    @Test
    void rowsCarryTheirParentsDepthAndStatuses() {
        PlanCsv.Parsed parsed = parse("""
                code,parent_code,title,description,FY2024,令和7年度
                I,,関心を高める,,,
                I-(1),I,きっかけづくり,,,
                I-(1)-①,I-(1),協創フォーラム,年1回,DONE,継続推進
                """);

        assertEquals(java.util.Set.of(2024, 2025), parsed.years());
        PlanCsv.Row top = parsed.rows().get(0);
        PlanCsv.Row leaf = parsed.rows().get(2);
        assertNull(top.parentCode());
        assertEquals(0, top.depth());
        assertFalse(top.leaf());
        assertEquals("I-(1)", leaf.parentCode());
        assertEquals(2, leaf.depth());
        assertTrue(leaf.leaf());
        assertEquals("年1回", leaf.description());
        assertEquals(Map.of(2024, ItemStatus.DONE, 2025, ItemStatus.ONGOING), leaf.statuses());
        assertEquals(4, leaf.number(), "rows are numbered as a spreadsheet does, the header being row 1");
    }

    @Test
    void statusesAreReadAsCodesOrLabels() {
        assertEquals(ItemStatus.PARTLY_DONE, PlanCsv.status("PARTLY_DONE"));
        assertEquals(ItemStatus.PARTLY_DONE, PlanCsv.status("partly done"));
        assertEquals(ItemStatus.PARTLY_DONE, PlanCsv.status("一部実施"));
        assertEquals(ItemStatus.DONE, PlanCsv.status("Done"));
        assertNull(PlanCsv.status("おおむね"));
    }

    @Test
    void badHeadersAreNamedByTheirColumn() {
        assertEquals(List.of("rows[1].見出し", "rows[1].2020", "rows[1].title"), errors("""
                code,見出し,令和2年度
                I,x,
                """));
        assertEquals(List.of("rows[1].code"), errors("""
                コード,項目名,コード
                I,関心を高める,I
                """));
    }

    @Test
    void badCellsAreNamedByRowAndColumn() {
        List<String> errors = errors("""
                コード,親コード,項目名,令和6年度
                I,,関心を高める,
                I,,同じコード,
                II,III,親がない,
                ,,コードがない,
                IV,IV,自分が親,
                V,,,
                VI,,未知の進捗,おおむね
                """);
        assertEquals(List.of("rows[3].code", "rows[4].parentCode", "rows[5].code", "rows[6].parentCode",
                "rows[7].title", "rows[8].2024"), errors);
    }

    @Test
    void parentsMustNotCycleAndParentsCarryNoStatus() {
        assertEquals(List.of("rows[2].parentCode", "rows[3].parentCode"), errors("""
                code,parent_code,title
                A,B,a
                B,A,b
                """));
        assertEquals(List.of("rows[2].2024"), errors("""
                code,parent_code,title,FY2024
                I,,関心を高める,DONE
                I-(1),I,きっかけづくり,DONE
                """));
    }

    @Test
    void aTreeDeeperThanTheLimitIsRefused() {
        StringBuilder csv = new StringBuilder("code,parent_code,title\nL0,,level 0\n");
        for (int depth = 1; depth <= PlanCsv.MAX_DEPTH; depth++) {
            csv.append("L").append(depth).append(",L").append(depth - 1).append(",level ").append(depth).append('\n');
        }
        List<String> errors = errors(csv.toString());
        assertEquals("rows[" + (PlanCsv.MAX_DEPTH + 2) + "].parentCode", errors.get(0));
    }
}
