package jp.kyoso.core.problem;

import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While PostgreSQL restarts, clients get 503 with Retry-After (nothing was changed, a retry
 * works), not 500. scripts/crash-test.sh shows it against a killed server; this pins down which
 * failures count as "database unavailable".
 */
class DatabaseUnavailableTest {

    @Test
    void lostOrRefusedConnectionsAndServerShutdownsAreUnavailable() {
        assertTrue(ProblemMappers.databaseUnavailable(new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
        assertTrue(ProblemMappers.databaseUnavailable(new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE)));
        assertTrue(ProblemMappers.databaseUnavailable(new RuntimeException("wrapped",
                new GenericJDBCException("Unable to acquire JDBC Connection",
                        new SQLException("FATAL: the database system is starting up", "57P03")))));
        assertTrue(ProblemMappers.databaseUnavailable(new SQLException("terminating connection", "57P01")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ProblemMappers.databaseUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(ProblemMappers.databaseUnavailable(new SQLException("canceled by statement timeout", "57014")));
        assertFalse(ProblemMappers.databaseUnavailable(new IllegalStateException("bug")));
    }
}
