package jp.kyoso.core.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * The envelope of every list: {@code {"items": [...], "page": 0, "size": 20, "total": 123, "totalExact": true}}.
 * A search stops counting at {@link Total#LIMIT} matches (counting a million rows for a page of 20 would
 * cost more than the page): {@code total} is then a lower bound and {@code totalExact} false.
 */
public record Page<T>(List<T> items, int page, int size, long total,
                      @Schema(description = "false when a search stopped counting at 1,000 matches: "
                              + "total is then a lower bound and more pages may follow") boolean totalExact) {

    /** How many items a list holds: exactly, or at least {@code count} when counting stopped at the limit. */
    public record Total(long count, boolean exact) {

        /** Where a search stops counting. */
        public static final int LIMIT = 1_000;

        /** From a count of at most {@code LIMIT + 1} rows. */
        public static Total ofCounted(long counted) {
            return counted > LIMIT ? new Total(LIMIT, false) : new Total(counted, true);
        }
    }

    public static <T> Page<T> of(List<T> items, PageParams params, long total) {
        return new Page<>(items, params.page, params.size, total, true);
    }

    public static <T> Page<T> of(List<T> items, PageParams params, Total total) {
        return new Page<>(items, params.page, params.size, total.count(), total.exact());
    }

    /**
     * One page of a query's rows with their total. The page is read first: when it is not full (and
     * not past the end) it tells the total itself, so most short lists — the municipalities, an
     * event's registrations — cost one statement instead of two; only a full or empty later page counts.
     */
    public static <E> Page<E> load(PanacheQuery<E> query, PageParams params) {
        List<E> items = query.page(params.page, params.size).list();
        boolean told = items.size() < params.size && (!items.isEmpty() || params.page == 0);
        return of(items, params, told ? (long) params.offset() + items.size() : query.count());
    }

    /** This page's envelope around other items: the views of its rows, made in one go. */
    public <R> Page<R> with(List<R> views) {
        return new Page<>(views, page, size, total, totalExact);
    }

    /** A whole, small list in one page (a fixed vocabulary, say). */
    public static <T> Page<T> all(List<T> items) {
        return new Page<>(items, 0, Math.max(items.size(), 1), items.size(), true);
    }

    /** Pages an in-memory list that is already in its display order. */
    public static <T> Page<T> slice(List<T> all, PageParams params) {
        int from = Math.min(params.offset(), all.size());
        int to = Math.min(from + params.size, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), params.page, params.size, all.size(), true);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total, totalExact);
    }
}
