package jp.kyoso.core.csv;

import jp.kyoso.core.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTest {

    private static final Charset CP932 = Charset.forName("windows-31j");

    @Test
    void exportsUtf8WithBomAndCrlf() {
        byte[] bytes = Csv.write(List.of(List.of("コード", "タイトル"), List.of("I", "きっかけ")));
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertEquals("コード,タイトル\r\nI,きっかけ\r\n",
                new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void quotesWhatNeedsQuoting() {
        byte[] bytes = Csv.write(List.of(List.of("a,b", "say \"hi\"", "two\nlines", " padded", "plain")));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",plain\r\n", text);
        List<Csv.Record> back = Csv.parse(text);
        assertEquals(List.of("a,b", "say \"hi\"", "two\nlines", " padded", "plain"), back.get(0).cells());
    }

    @Test
    void readsUtf8WithAndWithoutBomAndShiftJis() {
        String text = "年度,実績値\r\n令和6年度,45.2\r\n";
        byte[] withBom = Csv.write(List.of(List.of("年度", "実績値"), List.of("令和6年度", "45.2")));
        byte[] withoutBom = text.getBytes(StandardCharsets.UTF_8);
        byte[] sjis = text.getBytes(CP932);
        for (byte[] bytes : List.of(withBom, withoutBom, sjis)) {
            Csv.Sheet sheet = Csv.read(bytes);
            assertEquals(List.of("年度", "実績値"), sheet.header().cells());
            assertEquals(List.of("令和6年度", "45.2"), sheet.rows().get(0).cells());
            assertEquals(2, sheet.rows().get(0).number());
        }
        assertEquals(StandardCharsets.UTF_8, Csv.detect(withBom));
        assertEquals(StandardCharsets.UTF_8, Csv.detect(withoutBom));
        assertEquals(CP932, Csv.detect(sjis));
        assertEquals("Shift_JIS", Csv.read(sjis).charsetName());
    }

    @Test
    void cp932OnlyCharactersAreRead() {
        // ① and 髙 exist in Windows' CP932 but not in strict Shift_JIS.
        byte[] bytes = "code,title\nI-(1)-①,髙泊の見守り\n".getBytes(CP932);
        Csv.Sheet sheet = Csv.read(bytes);
        assertEquals(List.of("I-(1)-①", "髙泊の見守り"), sheet.rows().get(0).cells());
    }

    @Test
    void bytesThatAreNeitherAreRefused() {
        byte[] garbage = {(byte) 0x81, (byte) 0x20, (byte) 0xFF, (byte) 0xFE, (byte) 0x80};
        assertNull(Csv.detect(garbage));
        ProblemException e = assertThrows(ProblemException.class, () -> Csv.decode(garbage));
        assertEquals(400, e.status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Csv.decode(new byte[0])).status());
    }

    @Test
    void rowsAreNumberedAsASpreadsheetShowsThemAndBlankOnesAreSkipped() {
        Csv.Sheet sheet = Csv.read("a,b\n1,2\n,\n\"multi\nline\",3\n4,5".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(2, 4, 5), sheet.rows().stream().map(Csv.Record::number).toList());
        assertEquals("multi\nline", sheet.rows().get(1).cell(0));
        assertEquals("", sheet.rows().get(0).cell(7));
    }

    @Test
    void handlesEveryLineEnding() {
        assertEquals(3, Csv.parse("a\r\nb\nc\r").size());
        assertEquals(List.of("x", ""), Csv.parse("x,\n").get(0).cells());
    }

    @Test
    void anUnclosedQuoteNamesItsRow() {
        ProblemException e = assertThrows(ProblemException.class, () -> Csv.parse("a,b\n1,\"open\n2,3\n"));
        assertTrue(e.errors().containsKey("rows[2]"), e.errors().toString());
    }

    @Test
    void formulasAreDefusedAndRestored() {
        assertEquals("'=SUM(A1)", Csv.text("=SUM(A1)"));
        assertEquals("'-5", Csv.text("-5"));
        assertEquals("通常", Csv.text("通常"));
        assertEquals("=SUM(A1)", Csv.untext("'=SUM(A1)"));
        assertEquals("'quoted", Csv.untext("'quoted"));
    }

    @Test
    void columnNamesAreExcels() {
        assertEquals("A", Csv.columnName(0));
        assertEquals("Z", Csv.columnName(25));
        assertEquals("AA", Csv.columnName(26));
        assertEquals("AZ", Csv.columnName(51));
        assertEquals("BA", Csv.columnName(52));
    }

    @Test
    void errorsListEveryCellAndRejectTheFile() {
        CsvErrors errors = new CsvErrors();
        assertTrue(errors.isEmpty());
        errors.throwIfAny();
        errors.cell(3, 2, "title", jp.kyoso.core.i18n.Label.of("入力してください", "Required"));
        errors.row(5, jp.kyoso.core.i18n.Label.of("列が多すぎます", "Too many cells"));
        ProblemException e = assertThrows(ProblemException.class, errors::throwIfAny);
        assertEquals(400, e.status());
        assertEquals(List.of("rows[3].title", "rows[5]"), List.copyOf(e.errors().keySet()));
        assertEquals("Row 3, column C (title): Required", e.errors().get("rows[3].title").en());
    }
}
