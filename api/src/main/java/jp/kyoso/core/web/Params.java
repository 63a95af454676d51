package jp.kyoso.core.web;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;

import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one parser of values clients send in paths and query strings, naming the parameter when
 * one is malformed (JAX-RS itself would answer 404 for an unconvertible value). Numbers are
 * ASCII digits only ({@code １２} is not 12) and ids are UUIDs in their canonical form, so every
 * operation reads a parameter the same way.
 */
public final class Params {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INTEGER_TEXT = Pattern.compile("-?[0-9]{1,9}");
    static final Label NOT_A_UUID = Label.of("UUID の形式ではありません", "Not a UUID");
    static final Label NOT_AN_INTEGER = Label.of("半角数字の整数を指定してください", "Must be an integer in ASCII digits");
    static final Label BLANK = Label.of("値を指定してください", "A value is required");

    private Params() {
    }

    /** An optional UUID: null when absent or blank. */
    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return requireUuid(field, value.strip());
    }

    static UUID requireUuid(String field, String value) {
        if (!UUID_TEXT.matcher(value).matches()) {
            throw Problems.invalidField(field, NOT_A_UUID);
        }
        return UUID.fromString(value);
    }

    static void requireInteger(String field, String value) {
        if (!INTEGER_TEXT.matcher(value).matches()) {
            throw Problems.invalidField(field, NOT_AN_INTEGER);
        }
    }

    /** An optional whole number of at least {@code min}: null when absent or blank. */
    public static Integer integer(String field, String value, int min, Label expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (INTEGER_TEXT.matcher(text).matches()) {
            int n = Integer.parseInt(text);
            if (n >= min) {
                return n;
            }
        }
        throw Problems.invalidField(field, expected);
    }

    /** An optional flag, {@code true} or {@code false}: null when absent or blank. */
    public static Boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Problems.invalidField(field, Label.of("true か false を指定してください", "Must be true or false"));
        };
    }

    /** An optional enum constant by its exact name: null when absent or blank. */
    public static <E extends Enum<E>> E enumValue(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw Problems.invalidField(field, Label.of("次のいずれかを指定してください: " + allowed,
                "Must be one of: " + allowed));
    }
}
