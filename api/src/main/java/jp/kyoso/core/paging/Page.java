package jp.kyoso.core.paging;

import java.util.List;
import java.util.function.Function;

/** The envelope of every list: {@code {"items": [...], "page": 0, "size": 20, "total": 123}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> of(List<T> items, PageParams params, long total) {
        return new Page<>(items, params.page, params.size, total);
    }

    /** A whole, small list in one page (a fixed vocabulary, say). */
    public static <T> Page<T> all(List<T> items) {
        return new Page<>(items, 0, Math.max(items.size(), 1), items.size());
    }

    /** Pages an in-memory list that is already in its display order. */
    public static <T> Page<T> slice(List<T> all, PageParams params) {
        int from = Math.min(params.offset(), all.size());
        int to = Math.min(from + params.size, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), params.page, params.size, all.size());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
