package jp.kyoso.indicator;

import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.csv.CsvErrors;
import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Language;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An indicator's figures as CSV, one row per fiscal year:
 *
 * <pre>
 * 年度,年度表示,基準値,目標値,実績値,備考,出典日
 * 2019,令和元年度,28.4,,28.4,市民アンケート,2020-03-31
 * 2025,令和7年度,,40.0,,,
 * </pre>
 *
 * The year may be written in any form {@link FiscalYear#parse} reads; the label column is for
 * people and ignored on import. Numbers may carry thousands separators, full-width digits and
 * the Japanese minus ▲/△. Dates are 2024-03-31, 2024/3/31 or 2024年3月31日.
 *
 * <p>Pure functions only, so that what a file means is tested without a database: {@link #parse}
 * names every bad row and column, {@link #reconcile} says what the file does to each fiscal year
 * of the current figures; {@link IndicatorImport} writes that.
 */
final class IndicatorCsv {

    static final String FISCAL_YEAR = "fiscalYear";
    static final String LABEL = "label";
    static final String BASELINE = "baseline";
    static final String TARGET = "target";
    static final String ACTUAL = "actual";
    static final String NOTE = "note";
    static final String SOURCE_DATE = "sourceDate";
    static final BigDecimal LIMIT = new BigDecimal("1E12");

    private static final Map<String, String> HEADERS = new HashMap<>();
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");

    static {
        alias(FISCAL_YEAR, "fiscal_year", "fiscalyear", "year", "年度");
        alias(LABEL, "label", "年度表示", "和暦");
        alias(BASELINE, "baseline", "基準値");
        alias(TARGET, "target", "目標値", "目標");
        alias(ACTUAL, "actual", "実績値", "実績");
        alias(NOTE, "note", "備考", "メモ");
        alias(SOURCE_DATE, "source_date", "sourcedate", "出典日", "調査日", "時点");
    }

    private IndicatorCsv() {
    }

    /** One data row: the year and the value of each column the file has (null where the cell is blank). */
    record Row(int number, int fiscalYear, Map<String, Object> fields) {
    }

    /** The figures of one fiscal year, as a file and the stored values are compared. */
    record Figures(int fiscalYear, BigDecimal baseline, BigDecimal target, BigDecimal actual, String note,
                   LocalDate sourceDate) {

        static Figures none(int fiscalYear) {
            return new Figures(fiscalYear, null, null, null, null, null);
        }

        /** Nothing left to keep: the year is not stored at all. */
        boolean isEmpty() {
            return baseline == null && target == null && actual == null && note == null && sourceDate == null;
        }

        /** A row's cells over these figures: a column the file lacks keeps its field, a blank cell clears it. */
        Figures with(Map<String, Object> fields) {
            return new Figures(fiscalYear,
                    fields.containsKey(BASELINE) ? (BigDecimal) fields.get(BASELINE) : baseline,
                    fields.containsKey(TARGET) ? (BigDecimal) fields.get(TARGET) : target,
                    fields.containsKey(ACTUAL) ? (BigDecimal) fields.get(ACTUAL) : actual,
                    fields.containsKey(NOTE) ? (String) fields.get(NOTE) : note,
                    fields.containsKey(SOURCE_DATE) ? (LocalDate) fields.get(SOURCE_DATE) : sourceDate);
        }

        /** The same as the API shows them: 28.4 and 28.40 are one figure. */
        boolean sameAs(Figures other) {
            return fiscalYear == other.fiscalYear && same(baseline, other.baseline) && same(target, other.target)
                    && same(actual, other.actual) && Objects.equals(note, other.note)
                    && Objects.equals(sourceDate, other.sourceDate);
        }

        private static boolean same(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }
    }

    enum Outcome { CREATED, CHANGED, UNCHANGED, DELETED }

    /** What a file does to one fiscal year: the figures before (null if new) and after (null if deleted). */
    record YearChange(int fiscalYear, Outcome outcome, Figures before, Figures after) {

        /** The year held the baseline and no longer does. */
        boolean dropsBaseline() {
            return before != null && before.baseline() != null && (after == null || after.baseline() == null);
        }
    }

    /** What an uploaded file means against the current figures, year by year. */
    record Reconciliation(List<YearChange> years) {

        int count(Outcome outcome) {
            return (int) years.stream().filter(y -> y.outcome() == outcome).count();
        }

        boolean changesAnything() {
            return years.stream().anyMatch(y -> y.outcome() != Outcome.UNCHANGED);
        }
    }

    /**
     * Compares a file's rows (as {@link #parse} read them: one per fiscal year) with the current
     * figures: a year in the file is set from its cells and removed when nothing is left of it; a
     * year missing from the file is removed; a new year the file leaves empty is no change at all.
     */
    static Reconciliation reconcile(List<Row> rows, List<Figures> current) {
        Map<Integer, Figures> byYear = new LinkedHashMap<>();
        current.forEach(f -> byYear.put(f.fiscalYear(), f));
        Set<Integer> inFile = new HashSet<>();
        rows.forEach(r -> inFile.add(r.fiscalYear()));
        List<YearChange> years = new ArrayList<>();
        for (Figures f : current) {
            if (!inFile.contains(f.fiscalYear())) {
                years.add(new YearChange(f.fiscalYear(), Outcome.DELETED, f, null));
            }
        }
        for (Row r : rows) {
            Figures before = byYear.get(r.fiscalYear());
            Figures after = (before == null ? Figures.none(r.fiscalYear()) : before).with(r.fields());
            if (after.isEmpty()) {
                if (before != null) {
                    years.add(new YearChange(r.fiscalYear(), Outcome.DELETED, before, null));
                }
            } else if (before == null) {
                years.add(new YearChange(r.fiscalYear(), Outcome.CREATED, null, after));
            } else {
                years.add(new YearChange(r.fiscalYear(), before.sameAs(after) ? Outcome.UNCHANGED : Outcome.CHANGED,
                        before, after));
            }
        }
        return new Reconciliation(List.copyOf(years));
    }

    static List<List<String>> export(List<IndicatorValue> values, int decimals, Language language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(language == Language.EN
                ? List.of("fiscal_year", "label", "baseline", "target", "actual", "note", "source_date")
                : List.of("年度", "年度表示", "基準値", "目標値", "実績値", "備考", "出典日"));
        for (IndicatorValue v : values) {
            rows.add(List.of(Integer.toString(v.id.fiscalYear()), FiscalYear.label(v.id.fiscalYear(), language),
                    number(v.baseline, decimals), number(v.target, decimals), number(v.actual, decimals),
                    Csv.text(v.note), v.sourceDate == null ? "" : v.sourceDate.toString()));
        }
        return rows;
    }

    static List<Row> parse(Csv.Sheet sheet, int decimals) {
        CsvErrors errors = new CsvErrors();
        List<String> header = sheet.header().cells();
        Map<String, Integer> columns = errors.columns(header, text -> HEADERS.get(normalize(text)),
                Label.of("知らない見出しです（年度, 基準値, 目標値, 実績値, 備考, 出典日）",
                        "Unknown header (fiscal_year, baseline, target, actual, note, source_date)"));
        if (!columns.containsKey(FISCAL_YEAR)) {
            errors.cell(1, header.size(), FISCAL_YEAR, Label.of("この列が必要です", "This column is required"));
        }
        errors.throwIfAny();

        List<Row> rows = new ArrayList<>();
        Map<Integer, Integer> rowOfYear = new HashMap<>();
        Integer baselineRow = null;
        for (Csv.Record r : sheet.rows()) {
            int yearCol = columns.get(FISCAL_YEAR);
            String yearText = r.cell(yearCol).strip();
            OptionalInt year = FiscalYear.parse(yearText);
            int fy = 0;
            if (yearText.isEmpty()) {
                errors.cell(r.number(), yearCol, FISCAL_YEAR, Label.of("入力してください", "Required"));
            } else if (year.isEmpty() || year.getAsInt() < 1900 || year.getAsInt() > 2200) {
                errors.cell(r.number(), yearCol, FISCAL_YEAR, Label.of("2024 や 令和6年度 の形で入力してください",
                        "A fiscal year such as 2024 or FY2024"));
            } else if (rowOfYear.containsKey(year.getAsInt())) {
                errors.cell(r.number(), yearCol, FISCAL_YEAR, Label.of(rowOfYear.get(year.getAsInt()) + "行目と同じ年度です",
                        "The same fiscal year as row " + rowOfYear.get(year.getAsInt())));
            } else {
                fy = year.getAsInt();
                rowOfYear.put(fy, r.number());
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> column : columns.entrySet()) {
                String key = column.getKey();
                int c = column.getValue();
                String text = r.cell(c).strip();
                switch (key) {
                    case BASELINE, TARGET, ACTUAL -> {
                        BigDecimal value = text.isEmpty() ? null : number(text);
                        if (!text.isEmpty() && value == null) {
                            errors.cell(r.number(), c, key, Label.of("数値ではありません", "Not a number"));
                        } else if (value != null && value.abs().compareTo(LIMIT) >= 0) {
                            errors.cell(r.number(), c, key, Label.of("大きすぎます", "Too large"));
                        } else if (value != null && Math.max(0, value.stripTrailingZeros().scale()) > decimals) {
                            errors.cell(r.number(), c, key, Label.of("小数点以下は " + decimals + " 桁までです",
                                    "At most " + decimals + " decimals"));
                        } else if (value != null && key.equals(BASELINE) && baselineRow != null) {
                            errors.cell(r.number(), c, key, Label.of("基準値は " + baselineRow + "行目にもあります。基準値は一つの年度だけです",
                                    "Row " + baselineRow + " has a baseline too; only one fiscal year holds it"));
                        } else if (value != null && key.equals(BASELINE)) {
                            baselineRow = r.number();
                        }
                        fields.put(key, value);
                    }
                    case NOTE -> {
                        String note = Csv.untext(text);
                        if (note.length() > 2000) {
                            errors.cell(r.number(), c, key, Label.of("2000 文字以内にしてください", "At most 2000 characters"));
                        }
                        fields.put(key, note.isEmpty() ? null : note);
                    }
                    case SOURCE_DATE -> {
                        LocalDate date = text.isEmpty() ? null : date(text);
                        if (!text.isEmpty() && date == null) {
                            errors.cell(r.number(), c, key, Label.of("2024-03-31 の形で入力してください",
                                    "A date such as 2024-03-31"));
                        }
                        fields.put(key, date);
                    }
                    default -> {
                        // the fiscal year (read above) and its label (for people only)
                    }
                }
            }
            if (r.cells().size() > header.size()
                    && r.cells().subList(header.size(), r.cells().size()).stream().anyMatch(s -> !s.isBlank())) {
                errors.row(r.number(), Label.of("見出しより列が多くあります", "The row has more cells than the header"));
            }
            rows.add(new Row(r.number(), fy, fields));
        }
        errors.throwIfAny();
        return rows;
    }

    /** A number as people type it in Excel: 1,234.5 / １２３４．５ / ▲5 / 45.2%; null if it is none. */
    static BigDecimal number(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replace(",", "").replace(" ", "");
        if (s.startsWith("▲") || s.startsWith("△")) {
            s = "-" + s.substring(1);
        }
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        if (!s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return null;
        }
        return new BigDecimal(s);
    }

    static LocalDate date(String text) {
        Matcher m = DATE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String number(BigDecimal value, int decimals) {
        return value == null ? "" : IndicatorMath.scaled(value, decimals).toPlainString();
    }

    private static void alias(String key, String... names) {
        for (String name : names) {
            HEADERS.put(normalize(name), key);
        }
    }

    private static String normalize(String header) {
        return Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-]", "");
    }
}
