package jp.kyoso.core.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way a statement whose best plan depends on its values is run: searches and match candidates.
 * A search term may match 25 % of a city's listings or 0.01 %; the generic plan PostgreSQL switches a
 * prepared statement to after five runs guesses 0.5 % for every term (seconds instead of milliseconds at a
 * million listings, docs/benchmarks.md, scale). Sent unnamed ({@code prepareThreshold} 0), the statement
 * is planned for its values every time; every other statement (reads by key, a page's related rows) keeps
 * its cached plan, which planning anew would cost several times its execution.
 */
public final class PlannedForValues {

    private PlannedForValues() {
    }

    /** {@code sql} with its {@code ?} placeholders bound to {@code params} in order, never server-prepared. */
    public static PreparedStatement prepare(Connection connection, String sql, List<?> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i) instanceof String text) {
                // Untyped: PostgreSQL reads it once as the type its place asks for. Sent as text, an array literal
                // in cast(? as uuid[]) is parsed again for every row a filter tests (array_in is only stable):
                // 95,000 times in a walk of the directory, 130 ms instead of 14 (docs/benchmarks.md, scale).
                statement.setObject(i + 1, text, Types.OTHER);
            } else {
                statement.setObject(i + 1, params.get(i));
            }
        }
        return statement;
    }

    /** One row of a result, read from the result set's current row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * Every row, each read by {@code row}, on the session's connection; in a transaction, the session's pending
     * changes are written first, as Hibernate does before its own native queries, so a search sees them.
     */
    public static <T> List<T> rows(EntityManager em, String sql, List<?> params, Row<T> row) {
        Session session = em.unwrap(Session.class);
        if (session.isJoinedToTransaction() && session.isDirty()) {
            session.flush();
        }
        return session.doReturningWork(connection -> {
            List<T> out = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, sql, params); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(row.read(rows));
                }
            }
            return out;
        });
    }
}
