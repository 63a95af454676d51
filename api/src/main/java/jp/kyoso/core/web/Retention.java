package jp.kyoso.core.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Keeps the web layer's tables bounded, on one instance at a time: every few minutes each instance
 * tries PostgreSQL's transaction-scoped advisory lock {@link #LOCK}; the one that gets it deletes
 * idempotent answers older than {@code kyoso.idempotency.retention} (default 24 hours: a retry
 * after that creates anew) and rate-limit buckets idle for an hour (a full bucket is the same as
 * none); the others skip the round.
 */
@ApplicationScoped
public class Retention {

    /** The advisory lock key: "kyoso-retention" in spirit, any constant no other job uses. */
    static final long LOCK = 0x6b796f736f01L;
    private static final Logger LOG = Logger.getLogger(Retention.class);

    @ConfigProperty(name = "kyoso.idempotency.retention", defaultValue = "24h")
    Duration idempotencyRetention;

    @Inject AgroalDataSource dataSource;

    @Scheduled(every = "${kyoso.retention.every:5m}", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            purge();
        } catch (SQLException e) {
            LOG.warnf("Retention skipped this round: %s", e.getMessage());
        }
    }

    /** One round; answers whether this instance held the lock and how many rows it deleted. */
    public int purge() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOCK);
                    try (ResultSet r = lock.executeQuery()) {
                        r.next();
                        if (!r.getBoolean(1)) {
                            c.rollback();
                            return -1;
                        }
                    }
                }
                int deleted;
                try (PreparedStatement idem = c.prepareStatement(
                        "delete from idempotent_request where created_at < now() - make_interval(secs => ?)")) {
                    idem.setDouble(1, idempotencyRetention.toSeconds());
                    deleted = idem.executeUpdate();
                }
                try (PreparedStatement buckets = c.prepareStatement(
                        "delete from rate_limit_bucket where updated_at < now() - interval '1 hour'")) {
                    deleted += buckets.executeUpdate();
                }
                c.commit();
                return deleted;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
