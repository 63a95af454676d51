package jp.kyoso.core.search;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals for binding a set of values as one parameter
 * ({@code cast(?1 as text[])}): every element quoted and escaped, so any text is safe.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static String literal(Collection<?> values) {
        return values.stream()
                .map(v -> "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
