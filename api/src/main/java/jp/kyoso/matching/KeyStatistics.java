package jp.kyoso.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Which matching keys are too common to narrow the candidate search: those PostgreSQL's own column
 * statistics (pg_stats, kept by ANALYZE/autovacuum) estimate on more than {@link #COMMON_ROWS}
 * listings — in a big city 夏祭り or イベント in the description of one listing in eight. They still
 * count in scoring; they just do not bring candidates. Small databases never have such keys, so
 * their preselection is untouched. Read at most every {@link #REFRESH_MILLIS} ms.
 */
@ApplicationScoped
public class KeyStatistics {

    public static final long COMMON_ROWS = 2000;
    static final long REFRESH_MILLIS = 10 * 60 * 1000;

    public record Common(Set<String> inText, Set<String> inTitles) {
        static final Common NONE = new Common(Set.of(), Set.of());
    }

    @Inject EntityManager em;

    private volatile Common common = Common.NONE;
    private volatile long readAt;

    public Common common() {
        long now = System.currentTimeMillis();
        if (now - readAt > REFRESH_MILLIS) {
            readAt = now;
            common = new Common(read("match_keys"), read("title_keys"));
        }
        return common;
    }

    private Set<String> read(String column) {
        return em.unwrap(Session.class).doReturningWork(c -> read(c, column));
    }

    /** The keys of a column ({@code match_keys} or {@code title_keys}) estimated on more than COMMON_ROWS listings. */
    public static Set<String> read(Connection connection, String column) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement s = connection.prepareStatement("""
                select e.key
                from pg_stats s
                join pg_class c on c.relname = s.tablename
                join pg_namespace n on n.oid = c.relnamespace and n.nspname = s.schemaname
                cross join lateral unnest(cast(cast(s.most_common_elems as text) as text[])) with ordinality as e(key, i)
                join lateral unnest(s.most_common_elem_freqs) with ordinality as f(freq, j) on f.j = e.i
                where s.schemaname = current_schema() and s.tablename = 'listing' and s.attname = ?
                  and f.freq * c.reltuples > ?""")) {
            s.setString(1, column);
            s.setLong(2, COMMON_ROWS);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }
}
