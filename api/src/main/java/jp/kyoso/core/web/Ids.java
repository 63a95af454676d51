package jp.kyoso.core.web;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses values clients send in query strings, naming the parameter when one is malformed
 * (JAX-RS itself would answer 404 for an unconvertible query parameter).
 */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(field, Label.of("UUID の形式ではありません", "Not a UUID"));
        }
    }

    public static <E extends Enum<E>> E parseEnum(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw Problems.invalidField(field, Label.of("次のいずれかを指定してください: " + allowed,
                    "Must be one of: " + allowed));
        }
    }
}
