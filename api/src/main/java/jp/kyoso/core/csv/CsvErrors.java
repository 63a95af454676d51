package jp.kyoso.core.csv;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects what is wrong with an uploaded file, cell by cell, so that one answer lists every bad
 * row and column. An import checks the whole file first and changes nothing unless it is
 * clean: {@link #throwIfAny()} rejects it with a problem+json whose {@code errors} name each
 * cell as {@code rows[<row>].<column>} (the row as a spreadsheet numbers it, the header being
 * row 1) with a message that names the row and the column letter too.
 */
public final class CsvErrors {

    /** At most this many errors are listed; the detail says when there were more. */
    public static final int LIMIT = 200;

    private final Map<String, Label> errors = new LinkedHashMap<>();
    private int count;

    /** A bad cell: row number, 0-based column index and the column's key. */
    public void cell(int row, int column, String key, Label message) {
        String where = "rows[" + row + "]." + key;
        add(where, Label.of(row + "行目 " + Csv.columnName(column) + "列（" + key + "）: " + message.ja(),
                "Row " + row + ", column " + Csv.columnName(column) + " (" + key + "): " + message.en()));
    }

    /** A bad row as a whole. */
    public void row(int row, Label message) {
        add("rows[" + row + "]", Label.of(row + "行目: " + message.ja(), "Row " + row + ": " + message.en()));
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public int size() {
        return count;
    }

    /** Rejects the file, changing nothing, when anything was wrong with it. */
    public void throwIfAny() {
        if (count == 0) {
            return;
        }
        String more = count > errors.size() ? "（先頭の " + errors.size() + " 件を表示）" : "";
        String moreEn = count > errors.size() ? " (the first " + errors.size() + " are listed)" : "";
        throw Problems.invalidFields(Label.of(
                        "CSV に " + count + " 件の誤りがあるため、何も取り込んでいません" + more,
                        "The CSV has " + count + " errors, so nothing was imported" + moreEn),
                errors);
    }

    private void add(String key, Label message) {
        count++;
        if (errors.size() < LIMIT && !errors.containsKey(key)) {
            errors.put(key, message);
        }
    }
}
