package jp.kyoso.core.csv;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Collects what is wrong with an uploaded file, cell by cell, so that one answer lists every bad
 * row and column. An import checks the whole file first and changes nothing unless it is
 * clean: {@link #throwIfAny()} rejects it with a problem+json whose {@code errors} name each
 * cell as {@code rows[<row>].<column>} (the row as a spreadsheet numbers it, the header being
 * row 1), in row and column order, with a message that names the row and the column letter too.
 */
public final class CsvErrors {

    /** At most this many errors are listed; the detail says when there were more. */
    public static final int LIMIT = 200;

    private record Entry(int row, int column, String field, Label message) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> fields = new HashSet<>();

    /**
     * Reads a header row: each named column's key (through {@code keyOf}, null for a name the
     * import does not know) and its index. An unknown name or a column given twice is a cell error
     * of row 1; blank header cells are skipped.
     */
    public Map<String, Integer> columns(List<String> header, Function<String, String> keyOf, Label unknown) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String text = header.get(c).strip();
            if (text.isEmpty()) {
                continue;
            }
            String key = keyOf.apply(text);
            if (key == null) {
                cell(1, c, text, unknown);
            } else if (columns.putIfAbsent(key, c) != null) {
                cell(1, c, key, Label.of("同じ列が二つあります", "The column appears twice"));
            }
        }
        return columns;
    }

    /** A bad cell: row number, 0-based column index and the column's key. */
    public void cell(int row, int column, String key, Label message) {
        add(new Entry(row, column, "rows[" + row + "]." + key,
                Label.of(row + "行目 " + Csv.columnName(column) + "列（" + key + "）: " + message.ja(),
                        "Row " + row + ", column " + Csv.columnName(column) + " (" + key + "): " + message.en())));
    }

    /** A bad row as a whole. */
    public void row(int row, Label message) {
        add(new Entry(row, -1, "rows[" + row + "]",
                Label.of(row + "行目: " + message.ja(), "Row " + row + ": " + message.en())));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** Rejects the file, changing nothing, when anything was wrong with it. */
    public void throwIfAny() {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, Label> listed = new LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparingInt(Entry::row).thenComparingInt(Entry::column))
                .limit(LIMIT).forEach(e -> listed.put(e.field(), e.message()));
        int count = entries.size();
        String more = count > listed.size() ? "（先頭の " + listed.size() + " 件を表示）" : "";
        String moreEn = count > listed.size() ? " (the first " + listed.size() + " are listed)" : "";
        throw Problems.invalidFields(Label.of(
                        "CSV に " + count + " 件の誤りがあるため、何も取り込んでいません" + more,
                        "The CSV has " + count + " errors, so nothing was imported" + moreEn),
                listed);
    }

    private void add(Entry entry) {
        if (fields.add(entry.field())) {
            entries.add(entry);
        }
    }
}
