package jp.kyoso.plan;

import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.csv.CsvErrors;
import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Language;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A plan's item tree as CSV: one row per item in tree order, with its code, its parent's code,
 * title, description and one column per fiscal year holding the leaf's status.
 *
 * <pre>
 * コード,親コード,項目名,説明,令和4年度,令和5年度
 * I,,「協創」への関心を高める,,,
 * I-(1),I,きっかけづくり,,,
 * I-(1)-①,I-(1),協創フォーラムの開催,,検討中,実施済
 * </pre>
 *
 * Headers are read in Japanese or English ({@code code, parent_code, title, description, FY2024});
 * year columns in any form {@link FiscalYear#parse} reads; statuses as codes ({@code DONE}) or
 * labels (実施済, Done). An empty status cell clears that year; a year the file has no column
 * for is left as it is.
 */
final class PlanCsv {

    static final int MAX_ITEMS = 2000;
    static final int MAX_DEPTH = 20;

    static final String CODE = "code";
    static final String PARENT = "parentCode";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";

    private static final Map<String, String> HEADERS = new HashMap<>();

    static {
        alias(CODE, "code", "コード", "番号", "項目コード");
        alias(PARENT, "parent_code", "parentcode", "parent", "親コード", "親");
        alias(TITLE, "title", "項目名", "タイトル", "名称", "項目");
        alias(DESCRIPTION, "description", "説明", "内容", "概要");
    }

    private PlanCsv() {
    }

    /** One data row of an accepted file. {@code statuses} holds a key for each year column; a null value clears. */
    record Row(int number, String code, String parentCode, String title, String description,
               Map<Integer, ItemStatus> statuses, int depth, boolean leaf) {
    }

    record Parsed(List<Row> rows, Set<Integer> years) {
    }

    static List<List<String>> export(PlanTree tree, int firstYear, int lastYear, Language language) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(language == Language.EN
                ? List.of("code", "parent_code", "title", "description")
                : List.of("コード", "親コード", "項目名", "説明"));
        for (int fy = firstYear; fy <= lastYear; fy++) {
            header.add(FiscalYear.label(fy, language));
        }
        rows.add(header);
        for (PlanTree.Node n : tree.nodes()) {
            List<String> row = new ArrayList<>();
            row.add(Csv.text(n.item().code()));
            row.add(n.parentId() == null ? "" : Csv.text(tree.node(n.parentId()).orElseThrow().item().code()));
            row.add(Csv.text(n.item().title()));
            row.add(Csv.text(n.item().description()));
            for (int fy = firstYear; fy <= lastYear; fy++) {
                ItemStatus s = n.leaf() ? tree.status(n.id(), fy) : null;
                row.add(s == null ? "" : language == Language.EN ? s.name() : s.label().ja());
            }
            rows.add(row);
        }
        return rows;
    }

    /** Reads and checks a whole file; any error rejects it (see {@link CsvErrors}). */
    static Parsed parse(Csv.Sheet sheet, int firstYear, int lastYear) {
        CsvErrors errors = new CsvErrors();
        List<String> header = sheet.header().cells();
        Map<String, Integer> columns = new HashMap<>();
        Map<Integer, Integer> yearColumns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String text = header.get(c).strip();
            int column = c;
            if (text.isEmpty()) {
                if (sheet.rows().stream().anyMatch(r -> !r.cell(column).isBlank())) {
                    errors.cell(1, c, "header", Label.of("見出しがありません", "The column has no header"));
                }
                continue;
            }
            String key = HEADERS.get(normalize(text));
            OptionalInt year = FiscalYear.parse(text);
            if (key != null) {
                if (columns.putIfAbsent(key, c) != null) {
                    errors.cell(1, c, key, Label.of("同じ列が二つあります", "The column appears twice"));
                }
            } else if (year.isPresent()) {
                int fy = year.getAsInt();
                if (fy < firstYear || fy > lastYear) {
                    errors.cell(1, c, Integer.toString(fy), Label.of("計画期間（" + FiscalYear.japanese(firstYear)
                                    + "〜" + FiscalYear.japanese(lastYear) + "）外の年度です",
                            "Outside the plan's span (FY" + firstYear + "–FY" + lastYear + ")"));
                } else if (yearColumns.putIfAbsent(fy, c) != null) {
                    errors.cell(1, c, Integer.toString(fy), Label.of("同じ年度の列が二つあります",
                            "The fiscal year appears twice"));
                }
            } else {
                errors.cell(1, c, text, Label.of("知らない見出しです（コード, 親コード, 項目名, 説明, 年度）",
                        "Unknown header (code, parent_code, title, description, a fiscal year)"));
            }
        }
        for (String required : List.of(CODE, TITLE)) {
            if (!columns.containsKey(required)) {
                errors.cell(1, header.size(), required, Label.of("この列が必要です", "This column is required"));
            }
        }
        if (sheet.rows().size() > MAX_ITEMS) {
            errors.row(sheet.rows().get(MAX_ITEMS).number(), Label.of("項目は " + MAX_ITEMS + " 件までです",
                    "A plan has at most " + MAX_ITEMS + " items"));
        }
        errors.throwIfAny();

        int codeCol = columns.get(CODE);
        int titleCol = columns.get(TITLE);
        Integer parentCol = columns.get(PARENT);
        Integer descriptionCol = columns.get(DESCRIPTION);
        Map<String, Integer> rowOfCode = new HashMap<>();
        List<String[]> cells = new ArrayList<>();
        for (Csv.Record r : sheet.rows()) {
            if (r.cells().size() > header.size()
                    && r.cells().subList(header.size(), r.cells().size()).stream().anyMatch(s -> !s.isBlank())) {
                errors.row(r.number(), Label.of("見出しより列が多くあります", "The row has more cells than the header"));
            }
            String code = Csv.untext(r.cell(codeCol)).strip();
            String parent = parentCol == null ? "" : Csv.untext(r.cell(parentCol)).strip();
            String title = Csv.untext(r.cell(titleCol)).strip();
            String description = descriptionCol == null ? "" : Csv.untext(r.cell(descriptionCol)).strip();
            if (code.isEmpty()) {
                errors.cell(r.number(), codeCol, CODE, Label.of("入力してください", "Required"));
            } else if (code.length() > 40 || hasControl(code)) {
                errors.cell(r.number(), codeCol, CODE, Label.of("40 文字以内（改行なし）で入力してください",
                        "At most 40 characters, without line breaks"));
            } else if (rowOfCode.containsKey(code)) {
                errors.cell(r.number(), codeCol, CODE, Label.of(rowOfCode.get(code) + "行目と同じコードです",
                        "The same code as row " + rowOfCode.get(code)));
            } else {
                rowOfCode.put(code, r.number());
            }
            if (title.isEmpty()) {
                errors.cell(r.number(), titleCol, TITLE, Label.of("入力してください", "Required"));
            } else if (title.length() > 500) {
                errors.cell(r.number(), titleCol, TITLE, Label.of("500 文字以内にしてください", "At most 500 characters"));
            }
            if (description.length() > 4000) {
                errors.cell(r.number(), descriptionCol, DESCRIPTION, Label.of("4000 文字以内にしてください",
                        "At most 4000 characters"));
            }
            cells.add(new String[]{code, parent, title, description});
        }
        // Parents: present in the file, no cycles, not too deep; leaves are rows nobody names as parent.
        Map<String, String> parentOf = new HashMap<>();
        for (String[] c : cells) {
            parentOf.putIfAbsent(c[0], c[1]);
        }
        Set<String> parents = cells.stream().map(c -> c[1]).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
        Map<String, Integer> depthOf = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String[] c = cells.get(i);
            Csv.Record r = sheet.rows().get(i);
            if (c[1].isEmpty()) {
                depthOf.put(c[0], 0);
                continue;
            }
            if (c[1].equals(c[0])) {
                errors.cell(r.number(), parentCol, PARENT, Label.of("自分自身は親にできません", "An item cannot be its own parent"));
            } else if (!rowOfCode.containsKey(c[1])) {
                errors.cell(r.number(), parentCol, PARENT, Label.of("このコードの行がありません",
                        "No row has this code"));
            } else {
                Set<String> seen = new HashSet<>();
                String at = c[0];
                int depth = 0;
                while (at != null && !at.isEmpty() && seen.add(at) && depth <= MAX_DEPTH) {
                    at = parentOf.get(at);
                    depth++;
                }
                if (at != null && !at.isEmpty() && depth <= MAX_DEPTH) {
                    errors.cell(r.number(), parentCol, PARENT, Label.of("親子関係が循環しています",
                            "The parents form a cycle"));
                } else if (depth > MAX_DEPTH) {
                    errors.cell(r.number(), parentCol, PARENT, Label.of("階層は " + MAX_DEPTH + " 段までです",
                            "At most " + MAX_DEPTH + " levels"));
                } else {
                    depthOf.put(c[0], depth - 1);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String[] c = cells.get(i);
            Csv.Record r = sheet.rows().get(i);
            boolean leaf = !parents.contains(c[0]);
            Map<Integer, ItemStatus> statuses = new LinkedHashMap<>();
            for (Map.Entry<Integer, Integer> year : yearColumns.entrySet()) {
                String value = r.cell(year.getValue()).strip();
                String key = Integer.toString(year.getKey());
                if (value.isEmpty()) {
                    statuses.put(year.getKey(), null);
                } else if (!leaf) {
                    errors.cell(r.number(), year.getValue(), key, Label.of("下位項目がある項目には進捗を入力できません",
                            "An item with sub-items carries no status"));
                } else {
                    ItemStatus status = status(value);
                    if (status == null) {
                        errors.cell(r.number(), year.getValue(), key, Label.of("次のいずれかを入力してください: "
                                        + Arrays.stream(ItemStatus.values()).map(s -> s.label().ja()).collect(Collectors.joining(", ")),
                                "Must be one of: " + Arrays.stream(ItemStatus.values()).map(Enum::name)
                                        .collect(Collectors.joining(", "))));
                    }
                    statuses.put(year.getKey(), status);
                }
            }
            rows.add(new Row(r.number(), c[0], c[1].isEmpty() ? null : c[1], c[2], c[3].isEmpty() ? null : c[3],
                    statuses, depthOf.getOrDefault(c[0], 0), leaf));
        }
        errors.throwIfAny();
        return new Parsed(rows, yearColumns.keySet());
    }

    /** A status from its code (DONE), Japanese label (実施済) or English label (Done). */
    static ItemStatus status(String text) {
        String value = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        for (ItemStatus s : ItemStatus.values()) {
            if (s.name().equalsIgnoreCase(value.replace(' ', '_')) || s.label().ja().equals(value)
                    || s.label().en().equalsIgnoreCase(value)) {
                return s;
            }
        }
        return null;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
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
