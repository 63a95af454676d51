package jp.kyoso.core.fiscal;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Language;
import jp.kyoso.core.problem.Problems;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Japanese fiscal years (年度): 1 April – 31 March, identified by the calendar year they start
 * in (2024 = 1 April 2024 – 31 March 2025), and their labels: 令和6年度 in Japanese, FY2024 in
 * English. The one place where a fiscal year becomes text.
 *
 * <p>A fiscal year takes the era in effect for most of it, that is on 1 October of its first
 * calendar year. So FY2019 (Reiwa began on 1 May 2019) is 令和元年度, FY1989 (Heisei began on
 * 8 January 1989) is 平成元年度, FY1988 is 昭和63年度 and FY1926 (Shōwa began on 25 December
 * 1926) is 大正15年度, as Japanese public bodies write them. The first year of an era is 元年.
 */
public final class FiscalYear {

    /** The earliest fiscal year with an era label (明治元年度). */
    public static final int FIRST_ERA_YEAR = 1868;
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** The forms {@link #param} reads, as the contract describes them. */
    public static final String PARAM_FORMS = "the starting calendar year (2024), FY2024, 2024年度, 令和6年度 (元年 for the "
            + "first year of an era) or R6; full-width digits are read as digits";

    /** An era: its names and the day it began. */
    public record Era(String name, String english, char initial, LocalDate begins) {
    }

    /** Newest first, so the first era that has begun by a date is the one in effect. */
    public static final List<Era> ERAS = List.of(
            new Era("令和", "Reiwa", 'R', LocalDate.of(2019, 5, 1)),
            new Era("平成", "Heisei", 'H', LocalDate.of(1989, 1, 8)),
            new Era("昭和", "Showa", 'S', LocalDate.of(1926, 12, 25)),
            new Era("大正", "Taisho", 'T', LocalDate.of(1912, 7, 30)),
            new Era("明治", "Meiji", 'M', LocalDate.of(1868, 1, 25)));

    private static final Pattern WESTERN = Pattern.compile("(?:fy)?\\s*(\\d{4})\\s*(?:年度|年)?");
    private static final Pattern ERA_NAMED = Pattern.compile("(令和|平成|昭和|大正|明治)\\s*(元|\\d{1,2})\\s*(?:年度|年)?");
    private static final Pattern ERA_INITIAL = Pattern.compile("([rhstm])\\s*(\\d{1,2})(?:年度|年)?");

    private FiscalYear() {
    }

    /** The fiscal year a day falls in. */
    public static int of(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    /** The fiscal year of today in Japan. */
    public static int current() {
        return of(LocalDate.now(JAPAN));
    }

    public static LocalDate firstDay(int fiscalYear) {
        return LocalDate.of(fiscalYear, 4, 1);
    }

    public static LocalDate lastDay(int fiscalYear) {
        return LocalDate.of(fiscalYear + 1, 3, 31);
    }

    /** The era in effect for most of the fiscal year (on 1 October), or null before 明治. */
    public static Era eraOf(int fiscalYear) {
        LocalDate midYear = LocalDate.of(fiscalYear, 10, 1);
        for (Era era : ERAS) {
            if (!era.begins().isAfter(midYear)) {
                return era;
            }
        }
        return null;
    }

    /** The year of the era (1 for 元年), or 0 before 明治. */
    public static int eraYear(int fiscalYear) {
        Era era = eraOf(fiscalYear);
        return era == null ? 0 : fiscalYear - era.begins().getYear() + 1;
    }

    /** 令和6年度, 令和元年度; before 明治 the Western year (1867年度). */
    public static String japanese(int fiscalYear) {
        Era era = eraOf(fiscalYear);
        if (era == null) {
            return fiscalYear + "年度";
        }
        int year = eraYear(fiscalYear);
        return era.name() + (year == 1 ? "元" : Integer.toString(year)) + "年度";
    }

    /** FY2024. */
    public static String english(int fiscalYear) {
        return "FY" + fiscalYear;
    }

    /** The label in a language: 令和6年度 (ja) or FY2024 (en). */
    public static String label(int fiscalYear, Language language) {
        return language == Language.EN ? english(fiscalYear) : japanese(fiscalYear);
    }

    /**
     * Reads a fiscal year as people write it: {@code 2024}, {@code FY2024}, {@code 2024年度},
     * {@code 令和6年度}, {@code 令和元年度}, {@code R6}, in full- or half-width. Era years are read
     * leniently ({@code 平成31年度} is 2019), as documents written before an era change use them.
     */
    public static OptionalInt parse(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        Matcher m = WESTERN.matcher(s);
        if (m.matches()) {
            return OptionalInt.of(Integer.parseInt(m.group(1)));
        }
        m = ERA_NAMED.matcher(s);
        if (m.matches()) {
            String name = m.group(1);
            Era era = ERAS.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
            return eraYear(era, m.group(2));
        }
        m = ERA_INITIAL.matcher(s);
        if (m.matches()) {
            char initial = Character.toUpperCase(m.group(1).charAt(0));
            Era era = ERAS.stream().filter(e -> e.initial() == initial).findFirst().orElseThrow();
            return eraYear(era, m.group(2));
        }
        return OptionalInt.empty();
    }

    /**
     * A fiscal year a client sent as a query or path parameter, in any form {@link #parse} reads;
     * null when absent; 400 naming the parameter when unreadable.
     */
    public static Integer param(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OptionalInt year = parse(value);
        if (year.isEmpty() || year.getAsInt() < 1000 || year.getAsInt() > 9999) {
            throw Problems.invalidField(field, Label.of("年度を 2024 や 令和6年度 の形で指定してください",
                    "A fiscal year such as 2024 or FY2024"));
        }
        return year.getAsInt();
    }

    private static OptionalInt eraYear(Era era, String year) {
        int n = "元".equals(year) ? 1 : Integer.parseInt(year);
        return n < 1 ? OptionalInt.empty() : OptionalInt.of(era.begins().getYear() + n - 1);
    }
}
