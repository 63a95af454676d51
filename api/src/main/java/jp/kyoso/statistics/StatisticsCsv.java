package jp.kyoso.statistics;

import jp.kyoso.area.Area;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.csv.CsvErrors;
import jp.kyoso.core.i18n.Label;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 地域・年齢別人口 file of the national standard open datasets (自治体標準オープンデータセット),
 * one row per area and survey date:
 *
 * <pre>
 * 都道府県コード又は市区町村コード,地域コード,都道府県名,市区町村名,調査年月日,地域名,総人口,男性,女性,
 * 0-4歳の男性,0-4歳の女性, … ,80-84歳の男性,80-84歳の女性,85歳以上の男性,85歳以上の女性,世帯数,備考
 * </pre>
 *
 * Columns are found by their header (any order; the prefecture and municipality names are for
 * people and not read). A row names its area by 地域コード (one an earlier import gave it) or by
 * 地域名; a row with neither, or with the municipality's own name, is the municipality as a whole.
 * Totals must add up: 男性 + 女性 = 総人口 and each sex's bands sum to its total.
 *
 * <p>Pure functions: {@link #parse} names every bad row and column, {@link #export} writes the rows.
 */
final class StatisticsCsv {

    static final String CODE = "municipalityCode";
    static final String AREA_CODE = "areaCode";
    static final String PREFECTURE = "prefectureName";
    static final String MUNICIPALITY = "municipalityName";
    static final String DATE = "surveyDate";
    static final String AREA_NAME = "areaName";
    static final String POPULATION = "population";
    static final String MALE = "male";
    static final String FEMALE = "female";
    static final String HOUSEHOLDS = "households";
    static final String NOTE = "note";
    static final int LIMIT = 100_000_000;

    /** The standard's headers, in its order. */
    static final List<String> HEADER;
    private static final Map<String, String> KEYS = new HashMap<>();
    private static final Pattern DATE_FORM = Pattern.compile("(\\d{4})[-/.年]?(\\d{1,2})[-/.月]?(\\d{1,2})日?");
    private static final Set<String> WHOLE = Set.of("", "総数", "合計", "全域", "市全体", "町全体", "村全体", "区全体");

    static {
        List<String> header = new ArrayList<>(List.of("都道府県コード又は市区町村コード", "地域コード", "都道府県名",
                "市区町村名", "調査年月日", "地域名", "総人口", "男性", "女性"));
        List<String> keys = new ArrayList<>(List.of(CODE, AREA_CODE, PREFECTURE, MUNICIPALITY, DATE, AREA_NAME,
                POPULATION, MALE, FEMALE));
        for (int i = 0; i < AgeBands.COUNT; i++) {
            header.add(AgeBands.label(i) + "の男性");
            keys.add(bandKey(true, i));
            header.add(AgeBands.label(i) + "の女性");
            keys.add(bandKey(false, i));
        }
        header.addAll(List.of("世帯数", "備考"));
        keys.addAll(List.of(HOUSEHOLDS, NOTE));
        HEADER = List.copyOf(header);
        for (int i = 0; i < HEADER.size(); i++) {
            KEYS.put(normalize(HEADER.get(i)), keys.get(i));
        }
        KEYS.put(normalize("市区町村コード"), CODE);
        KEYS.put(normalize("都道府県コード"), CODE);
        KEYS.put(normalize("調査日"), DATE);
        KEYS.put(normalize("人口"), POPULATION);
    }

    private StatisticsCsv() {
    }

    /** A column key of a band: male0to4 … male85plus, female0to4 …. */
    static String bandKey(boolean male, int i) {
        return (male ? "male" : "female") + (i == AgeBands.COUNT - 1 ? "85plus" : (i * 5) + "to" + (i * 5 + 4));
    }

    /** One row as read: which area (null: the whole), its date and figures. */
    record Row(int number, UUID areaId, String areaCode, LocalDate surveyDate, int population, Integer male,
               Integer female, Integer[] maleBands, Integer[] femaleBands, Integer households, String note) {

        boolean sameAs(AreaStatistic s) {
            return Objects.equals(areaCode, s.areaCode) && population == s.population
                    && Objects.equals(male, s.male) && Objects.equals(female, s.female)
                    && Arrays.equals(maleBands, s.maleBands) && Arrays.equals(femaleBands, s.femaleBands)
                    && Objects.equals(households, s.households) && Objects.equals(note, s.note);
        }
    }

    /** The municipality a file is read for: its code, name and areas, and the area codes earlier imports gave. */
    record Target(String code, String name, List<Area> areas, Map<String, UUID> areaCodes) {
    }

    static List<Row> parse(Csv.Sheet sheet, Target target) {
        CsvErrors errors = new CsvErrors();
        List<String> header = sheet.header().cells();
        Map<String, Integer> columns = errors.columns(header, text -> KEYS.get(normalize(text)),
                Label.of("知らない見出しです（地域・年齢別人口の標準の列名を使ってください）",
                        "Unknown header (use the column names of the 地域・年齢別人口 standard)"));
        for (String required : List.of(DATE, POPULATION)) {
            if (!columns.containsKey(required)) {
                errors.cell(1, header.size(), required, Label.of("この列が必要です", "This column is required"));
            }
        }
        if (!columns.containsKey(AREA_CODE) && !columns.containsKey(AREA_NAME)) {
            errors.cell(1, header.size(), AREA_NAME, Label.of("地域コードか地域名の列が必要です",
                    "A column 地域コード or 地域名 is required"));
        }
        errors.throwIfAny();

        Map<String, List<Area>> byName = new HashMap<>();
        target.areas().forEach(a -> byName.computeIfAbsent(name(a.name), k -> new ArrayList<>()).add(a));
        Map<String, Integer> rowOfKey = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Csv.Record r : sheet.rows()) {
            int n = r.number();
            String code = text(r, columns, CODE);
            if (!code.isEmpty() && !sameMunicipality(code, target.code())) {
                errors.cell(n, columns.get(CODE), CODE, Label.of("この自治体のコード（" + target.code() + "）ではありません",
                        "Not this municipality's code (" + target.code() + ")"));
            }
            String dateText = text(r, columns, DATE);
            LocalDate date = dateText.isEmpty() ? null : date(dateText);
            if (date == null) {
                errors.cell(n, columns.get(DATE), DATE, dateText.isEmpty() ? Label.of("入力してください", "Required")
                        : Label.of("2024-04-01 の形で入力してください", "A date such as 2024-04-01"));
            }
            String areaCode = Csv.untext(text(r, columns, AREA_CODE));
            String areaName = Csv.untext(text(r, columns, AREA_NAME));
            UUID areaId = null;
            boolean areaKnown = true;
            if (areaCode.length() > 50) {
                errors.cell(n, columns.get(AREA_CODE), AREA_CODE, Label.of("50 文字以内にしてください", "At most 50 characters"));
                areaKnown = false;
            } else if (!areaCode.isEmpty() && target.areaCodes().containsKey(areaCode)) {
                areaId = target.areaCodes().get(areaCode);
            } else if (areaName.isEmpty() && !areaCode.isEmpty()) {
                areaKnown = false;
                errors.cell(n, columns.get(AREA_CODE), AREA_CODE, Label.of(
                        "この地域コードは登録されていません。地域名も入力してください",
                        "This area code is not known yet; give the area's name too"));
            } else if (!WHOLE.contains(name(areaName)) && !name(areaName).equals(name(target.name()))) {
                List<Area> matches = byName.getOrDefault(name(areaName), List.of());
                if (matches.size() == 1) {
                    areaId = matches.get(0).id;
                } else {
                    areaKnown = false;
                    errors.cell(n, columns.get(AREA_NAME), AREA_NAME, matches.isEmpty()
                            ? Label.of("この自治体にこの名前の地域がありません（先に地域を登録してください）",
                                    "No area of this municipality has this name (create the area first)")
                            : Label.of("同じ名前の地域が複数あります。地域コードで指定してください",
                                    "Several areas have this name; name the area by its code"));
                }
            }
            if (date != null && areaKnown) {
                String key = areaId + "|" + date;
                Integer earlier = rowOfKey.putIfAbsent(key, n);
                if (earlier != null) {
                    errors.row(n, Label.of(earlier + "行目と同じ地域・調査年月日です",
                            "The same area and survey date as row " + earlier));
                }
            }
            Integer population = count(r, columns, POPULATION, errors);
            if (population == null && columns.containsKey(POPULATION) && text(r, columns, POPULATION).isEmpty()) {
                errors.cell(n, columns.get(POPULATION), POPULATION, Label.of("入力してください", "Required"));
            }
            Integer male = count(r, columns, MALE, errors);
            Integer female = count(r, columns, FEMALE, errors);
            Integer[] maleBands = bands(r, columns, true, errors);
            Integer[] femaleBands = bands(r, columns, false, errors);
            Integer households = count(r, columns, HOUSEHOLDS, errors);
            String note = Csv.untext(text(r, columns, NOTE));
            if (note.length() > 2000) {
                errors.cell(n, columns.get(NOTE), NOTE, Label.of("2000 文字以内にしてください", "At most 2000 characters"));
            }
            totals(n, population, male, female, maleBands, femaleBands, errors);
            if (r.cells().size() > header.size()
                    && r.cells().subList(header.size(), r.cells().size()).stream().anyMatch(s -> !s.isBlank())) {
                errors.row(n, Label.of("見出しより列が多くあります", "The row has more cells than the header"));
            }
            rows.add(new Row(n, areaId, areaCode.isEmpty() ? null : areaCode, date, population == null ? 0 : population,
                    male, female, maleBands, femaleBands, households, note.isEmpty() ? null : note));
        }
        errors.throwIfAny();
        return rows;
    }

    /** Totals that do not add up are the row's error, never silently fixed. */
    private static void totals(int n, Integer population, Integer male, Integer female, Integer[] maleBands,
                               Integer[] femaleBands, CsvErrors errors) {
        if ((male == null) != (female == null)) {
            errors.row(n, Label.of("男性と女性は両方入力するか、両方空欄にしてください",
                    "Give both 男性 and 女性, or neither"));
        } else if (male != null && population != null && male + female != population) {
            errors.row(n, Label.of("男性と女性の和（" + (male + female) + "）が総人口（" + population + "）と合いません",
                    "男性 + 女性 (" + (male + female) + ") does not equal 総人口 (" + population + ")"));
        }
        bandTotal(n, "男性", male, maleBands, errors);
        bandTotal(n, "女性", female, femaleBands, errors);
    }

    private static void bandTotal(int n, String sex, Integer total, Integer[] bands, CsvErrors errors) {
        if (bands == null) {
            return;
        }
        int sum = AgeBands.sum(bands);
        if (total == null) {
            errors.row(n, Label.of("年齢別の" + sex + "があるのに" + sex + "の総数がありません",
                    "The bands of " + sex + " are given without its total"));
        } else if (sum != total) {
            errors.row(n, Label.of("年齢別の" + sex + "の和（" + sum + "）が" + sex + "（" + total + "）と合いません",
                    "The bands of " + sex + " sum to " + sum + ", not " + total));
        }
    }

    /** A sex's 18 bands: all given, or null when all are blank (or the file has no band columns). */
    private static Integer[] bands(Csv.Record r, Map<String, Integer> columns, boolean male, CsvErrors errors) {
        Integer[] bands = new Integer[AgeBands.COUNT];
        int given = 0;
        int bad = 0;
        for (int i = 0; i < AgeBands.COUNT; i++) {
            String key = bandKey(male, i);
            if (!text(r, columns, key).isEmpty()) {
                given++;
                bands[i] = count(r, columns, key, errors);
                bad += bands[i] == null ? 1 : 0;
            }
        }
        if (given == 0 || bad > 0) {
            return null;
        }
        if (given < AgeBands.COUNT) {
            for (int i = 0; i < AgeBands.COUNT; i++) {
                String key = bandKey(male, i);
                if (bands[i] == null && columns.containsKey(key)) {
                    errors.cell(r.number(), columns.get(key), key, Label.of(
                            "年齢別の人口は全区分を入力するか、すべて空欄にしてください",
                            "Give every age band, or none"));
                } else if (bands[i] == null) {
                    errors.row(r.number(), Label.of("年齢別の" + (male ? "男性" : "女性") + "の列が全区分そろっていません",
                            "Not every age band column of " + (male ? "男性" : "女性") + " is in the file"));
                }
            }
            return null;
        }
        return bands;
    }

    private static Integer count(Csv.Record r, Map<String, Integer> columns, String key, CsvErrors errors) {
        String text = text(r, columns, key);
        if (text.isEmpty()) {
            return null;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replace(",", "").strip();
        if (!s.matches("\\d{1,9}")) {
            errors.cell(r.number(), columns.get(key), key, Label.of("0 以上の整数で入力してください",
                    "A whole number, 0 or more"));
            return null;
        }
        int value = Integer.parseInt(s);
        if (value > LIMIT) {
            errors.cell(r.number(), columns.get(key), key, Label.of("大きすぎます", "Too large"));
            return null;
        }
        return value;
    }

    private static String text(Csv.Record r, Map<String, Integer> columns, String key) {
        Integer c = columns.get(key);
        return c == null ? "" : r.cell(c).strip();
    }

    /** 352161 (with its check digit), 35216 (without) or the prefecture's 350001 all count as this municipality's. */
    private static boolean sameMunicipality(String text, String code) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        return s.equals(code) || s.equals(code.substring(0, 5));
    }

    static LocalDate date(String text) {
        Matcher m = DATE_FORM.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return d.getYear() < 1900 || d.getYear() > 2200 ? null : d;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The file: the standard's header, then one row per stored figure. */
    static List<List<String>> export(String code, String prefecture, String municipality, List<AreaStatistic> stats,
                                     Map<UUID, String> areaNames) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (AreaStatistic s : stats) {
            List<String> row = new ArrayList<>(List.of(code, Csv.text(s.areaCode == null ? "" : s.areaCode),
                    prefecture, municipality, s.surveyDate.toString(),
                    Csv.text(s.areaId == null ? municipality : areaNames.get(s.areaId)),
                    Integer.toString(s.population), number(s.male), number(s.female)));
            for (int i = 0; i < AgeBands.COUNT; i++) {
                row.add(s.maleBands == null ? "" : number(s.maleBands[i]));
                row.add(s.femaleBands == null ? "" : number(s.femaleBands[i]));
            }
            row.add(number(s.households));
            row.add(Csv.text(s.note));
            rows.add(row);
        }
        return rows;
    }

    private static String number(Integer value) {
        return value == null ? "" : value.toString();
    }

    private static String name(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }

    private static String normalize(String header) {
        return Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-~〜]", "");
    }
}
