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
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jp.kyoso.statistics.StatisticsCsv.AREA_CODE;
import static jp.kyoso.statistics.StatisticsCsv.AREA_NAME;
import static jp.kyoso.statistics.StatisticsCsv.CODE;
import static jp.kyoso.statistics.StatisticsCsv.DATE;
import static jp.kyoso.statistics.StatisticsCsv.FEMALE;
import static jp.kyoso.statistics.StatisticsCsv.HOUSEHOLDS;
import static jp.kyoso.statistics.StatisticsCsv.LIMIT;
import static jp.kyoso.statistics.StatisticsCsv.MALE;
import static jp.kyoso.statistics.StatisticsCsv.NOTE;
import static jp.kyoso.statistics.StatisticsCsv.POPULATION;
import static jp.kyoso.statistics.StatisticsCsv.bandKey;

/**
 * Reads a {@link StatisticsCsv 地域・年齢別人口} file. Columns are found by their header (any order;
 * the prefecture and municipality names are for people and not read). A row names its area by
 * 地域コード (one an earlier import gave it) or by 地域名; a row with neither, or with the
 * municipality's own name, is the municipality as a whole. Totals must add up: 男性 + 女性 = 総人口
 * and each sex's bands sum to its total.
 *
 * <p>A pure function: {@link #parse} names every bad row and column.
 */
final class StatisticsCsvReader {

    private static final Pattern DATE_FORM = Pattern.compile("(\\d{4})[-/.年]?(\\d{1,2})[-/.月]?(\\d{1,2})日?");
    private static final Set<String> WHOLE = Set.of("", "総数", "合計", "全域", "市全体", "町全体", "村全体", "区全体");

    private StatisticsCsvReader() {
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
        Map<String, Integer> columns = errors.columns(header, text -> StatisticsCsv.key(text),
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

    private static String name(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }
}
