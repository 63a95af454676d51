package jp.kyoso.support;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** An md5 of every row of every table: what a test compares to show that nothing changed. */
public final class TableChecksums {

    private TableChecksums() {
    }

    /**
     * md5 over each table's rows in a fixed order. Reads change nothing once each user has been seen
     * (app_user.last_seen_at is refreshed at most hourly, after the warm-up). One table is left out:
     * the rate-limit buckets, which count every request, refused ones included, by design.
     */
    public static Map<String, String> of(AgroalDataSource dataSource) throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables "
                    + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') "
                    + "and table_name <> 'rate_limit_bucket'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                        + "order by t::text)), '') from " + table + " t")) {
                    rs.next();
                    sums.put(table, rs.getString(1));
                }
            }
        }
        assertTrue(sums.size() > 10, "checksummed tables: " + sums.keySet());
        return sums;
    }
}
