package jp.kyoso.core.search;

import jakarta.persistence.EntityManager;
import jp.kyoso.core.persistence.PlannedForValues;

import java.sql.Array;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often the bigrams occur in a searched table, from PostgreSQL's own statistics of its
 * {@code search_grams} column (the most common elements ANALYZE keeps, autovacuum keeping them
 * current) and its row count: what decides how a text search is run ({@link SearchQuery}). Read once
 * per table and every {@value #REFRESH_MINUTES} minutes after; statistics a little old only make a
 * search a little slower, never wrong.
 */
final class GramFrequencies {

    private static final int REFRESH_MINUTES = 5;
    private static final long REFRESH_NANOS = Duration.ofMinutes(REFRESH_MINUTES).toNanos();
    private static final Map<String, GramFrequencies> BY_TABLE = new ConcurrentHashMap<>();
    private static final GramFrequencies UNKNOWN = new GramFrequencies(-1, Map.of(), 0, 0);

    private final double rows;
    private final Map<String, Float> frequencies;
    /** The least frequency listed: a bigram not listed is rarer than that. */
    private final float rarestListed;
    private final long readAt;

    private GramFrequencies(double rows, Map<String, Float> frequencies, float rarestListed, long readAt) {
        this.rows = rows;
        this.frequencies = frequencies;
        this.rarestListed = rarestListed;
        this.readAt = readAt;
    }

    /** The table's statistics, read anew when older than the refresh interval. */
    static GramFrequencies of(EntityManager em, String table) {
        GramFrequencies known = BY_TABLE.get(table);
        long now = System.nanoTime();
        if (known == null || now - known.readAt > REFRESH_NANOS) {
            known = read(em, table, now);
            BY_TABLE.put(table, known);
        }
        return known;
    }

    /** Statistics are read anew on the next search (a test that has just analysed a table). */
    static void forget() {
        BY_TABLE.clear();
    }

    /**
     * The bigrams of a term to look it up by: the least frequent one when the statistics list them all, those
     * they do not list (each rarer than any listed) otherwise, and all of them without statistics.
     */
    List<String> lookUp(List<String> grams) {
        if (!known()) {
            return grams;
        }
        List<String> unlisted = grams.stream().filter(gram -> !frequencies.containsKey(gram)).toList();
        if (!unlisted.isEmpty()) {
            return unlisted;
        }
        return List.of(grams.stream().min(Comparator.comparing(frequencies::get)).orElseThrow());
    }

    /**
     * At most how many of the table's rows hold all the bigrams (the rarest one's count, whatever the
     * municipality); negative without statistics.
     */
    double rowsHolding(List<String> grams) {
        if (!known() || grams.isEmpty()) {
            return -1;
        }
        float least = 1;
        for (String gram : grams) {
            least = Math.min(least, frequencies.getOrDefault(gram, rarestListed));
        }
        return least * rows;
    }

    private boolean known() {
        return rows >= 0 && !frequencies.isEmpty();
    }

    private static GramFrequencies read(EntityManager em, String table, long now) {
        // most_common_elem_freqs: one frequency per listed element, then their least and greatest and the nulls'.
        List<GramFrequencies> read = PlannedForValues.rows(em, """
                select c.reltuples, s.most_common_elems::text::text[], s.most_common_elem_freqs
                from pg_class c left join pg_stats s on s.schemaname = c.relnamespace::regnamespace::text
                  and s.tablename = c.relname and s.attname = 'search_grams'
                where c.oid = to_regclass(?)""", List.of(table), row -> {
                    Array elements = row.getArray(2);
                    Array freqs = row.getArray(3);
                    if (elements == null || freqs == null) {
                        return new GramFrequencies(row.getDouble(1), Map.of(), 0, now);
                    }
                    String[] grams = (String[]) elements.getArray();
                    Float[] frequency = (Float[]) freqs.getArray();
                    Map<String, Float> byGram = new HashMap<>(grams.length * 2);
                    for (int i = 0; i < grams.length; i++) {
                        byGram.put(grams[i], frequency[i]);
                    }
                    return new GramFrequencies(row.getDouble(1), byGram, frequency[grams.length], now);
                });
        return read.isEmpty() ? UNKNOWN : read.getFirst();
    }
}
