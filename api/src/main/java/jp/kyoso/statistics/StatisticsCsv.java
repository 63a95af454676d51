package jp.kyoso.statistics;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * <p>The format alone: {@link StatisticsCsvReader} reads a file, {@link StatisticsCsvWriter} writes one.
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

    /** The column key a header names (any width, case or spacing), or null. */
    static String key(String header) {
        return KEYS.get(normalize(header));
    }

    private static String normalize(String header) {
        return Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-~〜]", "");
    }
}
