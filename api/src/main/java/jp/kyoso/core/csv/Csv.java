package jp.kyoso.core.csv;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV implementation (RFC 4180) for every import and export, made for Excel users:
 * exports are UTF-8 with a byte order mark (so Excel opens them as UTF-8) and CRLF line ends;
 * imports are UTF-8 with or without the mark, or Shift_JIS (Windows code page 932, what Excel
 * writes by default on Japanese Windows), detected from the bytes.
 *
 * <p>Text cells that Excel would run as a formula ({@code = + - @} first) are written with a
 * leading apostrophe, which imports remove again ({@link #text} / {@link #untext}).
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    /** Media types an upload of a .csv file arrives with (Windows browsers say vnd.ms-excel). */
    public static final String[] UPLOAD_TYPES = {"text/csv", "application/vnd.ms-excel", "text/plain",
            "application/octet-stream"};
    public static final int MAX_ROWS = 5000;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Charset CP932 = Charset.forName("windows-31j");

    private Csv() {
    }

    /** One record of a file: its row number as a spreadsheet shows it (the header is row 1) and its cells. */
    public record Record(int number, List<String> cells) {

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** The character set of an uploaded file: UTF-8 (with or without BOM), else Shift_JIS/CP932. */
    public static Charset detect(byte[] bytes) {
        if (startsWithBom(bytes) || decodes(bytes, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(bytes, CP932)) {
            return CP932;
        }
        return null;
    }

    /** The text of an uploaded file; 400 when it is neither UTF-8 nor Shift_JIS. */
    public static String decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw Problems.badRequest(Label.of("CSV ファイルが空です", "The CSV file is empty"));
        }
        Charset charset = detect(bytes);
        if (charset == null) {
            throw Problems.badRequest(Label.of("文字コードを判別できません。UTF-8 または Shift_JIS で保存してください",
                    "The file is neither UTF-8 nor Shift_JIS; save it as UTF-8 or Shift_JIS"));
        }
        int skip = startsWithBom(bytes) ? BOM.length : 0;
        return new String(bytes, skip, bytes.length - skip, charset);
    }

    /**
     * Splits CSV text into records. Quoted cells may hold commas, quotes ("") and line breaks;
     * lines end with CRLF, LF or CR. 400 when a quote is never closed.
     */
    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        int quoteRow = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && cell.isEmpty() && !cellStarted) {
                quoted = true;
                cellStarted = true;
                quoteRow = records.size() + 1;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
            } else if (c == '\r' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
                records.add(new Record(records.size() + 1, List.copyOf(cells)));
                cells.clear();
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (records.size() > MAX_ROWS + 1) {
                    throw Problems.badRequest(Label.of("CSV の行数は " + MAX_ROWS + " 行までです",
                            "A CSV file may have at most " + MAX_ROWS + " rows"));
                }
            } else {
                cell.append(c);
                cellStarted = true;
            }
            i++;
        }
        if (quoted) {
            throw Problems.invalidFields(Label.of("CSV として読み取れません", "The file is not valid CSV"),
                    java.util.Map.of("rows[" + quoteRow + "]", Label.of(
                            quoteRow + "行目: 引用符（\"）が閉じられていません",
                            "Row " + quoteRow + ": a quote (\") is never closed")));
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            records.add(new Record(records.size() + 1, List.copyOf(cells)));
        }
        return records;
    }

    /** An uploaded file: the character set it was read in, its header and its data records. */
    public record Sheet(Charset charset, Record header, List<Record> rows) {

        public String charsetName() {
            return charset == StandardCharsets.UTF_8 ? "UTF-8" : "Shift_JIS";
        }
    }

    /** Decodes and parses an upload: the header first, then the data records (blank ones left out). */
    public static Sheet read(byte[] bytes) {
        String text = decode(bytes);
        List<Record> records = parse(text);
        if (records.isEmpty() || records.get(0).isBlank()) {
            throw Problems.badRequest(Label.of("1 行目に見出しが必要です", "The first row must be the header"));
        }
        return new Sheet(detect(bytes), records.get(0),
                records.stream().skip(1).filter(r -> !r.isBlank()).toList());
    }

    /** Writes records as UTF-8 with BOM and CRLF line ends, quoting cells that need it. */
    public static byte[] write(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(quote(row.get(i)));
            }
            sb.append("\r\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A text cell as written: an apostrophe before what Excel would take for a formula. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    /** A text cell as read: the apostrophe {@link #text} added is removed. */
    public static String untext(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\'') {
            char second = value.charAt(1);
            if (second == '=' || second == '+' || second == '-' || second == '@' || second == '\t' || second == '\r') {
                return value.substring(1);
            }
        }
        return value;
    }

    /** Excel's column name of a 0-based column index: A, B, …, Z, AA, AB, … */
    public static String columnName(int index) {
        StringBuilder sb = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            sb.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return sb.toString();
    }

    /** A download: UTF-8 CSV with BOM, offered under a file name (kept in Japanese for browsers that can). */
    public static Response download(byte[] body, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body, MEDIA_TYPE + "; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .build();
    }

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || (!value.isEmpty() && (value.charAt(0) == ' '
                || value.charAt(value.length() - 1) == ' '))) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer ignored = decoder.decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
