package jp.kyoso.core.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers due outbox messages, on every instance every few seconds ({@code kyoso.outbox.every}).
 * A round claims due rows in a short transaction ({@code FOR UPDATE SKIP LOCKED}: two instances
 * never claim the same row) and marks them IN_FLIGHT with a lease (the channel's timeout plus
 * {@code kyoso.outbox.lease-margin}); each is delivered on its own virtual thread, cut off at the
 * channel's timeout, and its outcome written in another short transaction: SENT, or PENDING again
 * after an exponential backoff with jitter, or FAILED once the channel's give-up window has passed.
 * A row whose instance was killed mid-delivery is due again when its lease ends.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);
    private static final int ERROR_LENGTH = 1000;

    @ConfigProperty(name = "kyoso.outbox.batch-size", defaultValue = "50")
    int batchSize;
    @ConfigProperty(name = "kyoso.outbox.lease-margin", defaultValue = "60s")
    Duration leaseMargin;
    @ConfigProperty(name = "kyoso.outbox.backoff-base", defaultValue = "10s")
    Duration backoffBase;
    @ConfigProperty(name = "kyoso.outbox.backoff-max", defaultValue = "1h")
    Duration backoffMax;

    @Inject AgroalDataSource dataSource;
    @Inject Instance<OutboxChannel> channels;
    @Inject GaveUp gaveUpHandler;

    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    @Scheduled(every = "${kyoso.outbox.every:5s}", delayed = "${kyoso.outbox.delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            dispatchDue();
        } catch (SQLException e) {
            LOG.warnf("Outbox round skipped: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }

    /**
     * One round: claims and delivers due messages until none is due (at most ten batches);
     * answers how many were SENT. Tests call it directly (their scheduler is off).
     */
    public int dispatchDue() throws SQLException {
        Map<String, OutboxChannel> byName = new HashMap<>();
        for (OutboxChannel c : channels) {
            byName.put(c.name(), c);
        }
        if (byName.isEmpty()) {
            return 0;
        }
        int sent = 0;
        for (int round = 0; round < 10; round++) {
            List<OutboxMessage> claimed = new ArrayList<>();
            for (OutboxChannel c : byName.values()) {
                claimed.addAll(claim(c, batchSize));
            }
            if (claimed.isEmpty()) {
                break;
            }
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (OutboxMessage m : claimed) {
                OutboxChannel c = byName.get(m.channel());
                running.add(workers.submit(() -> {
                    c.deliver(m);
                    return null;
                }));
            }
            for (int i = 0; i < claimed.size(); i++) {
                OutboxMessage m = claimed.get(i);
                OutboxChannel c = byName.get(m.channel());
                Throwable failure = await(running.get(i), c.timeout().minusNanos(System.nanoTime() - started));
                if (failure == null) {
                    markSent(m);
                    sent++;
                } else {
                    markFailed(c, m, failure);
                }
            }
        }
        return sent;
    }

    /**
     * Claims up to {@code limit} due messages of a channel: IN_FLIGHT, attempts counted, leased
     * until the channel's timeout plus the margin. Public so a test can play an instance that
     * claims and dies.
     */
    public List<OutboxMessage> claim(OutboxChannel channel, int limit) throws SQLException {
        Duration lease = channel.timeout().plus(leaseMargin);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement claim = c.prepareStatement("""
                    update outbox_message set status = 'IN_FLIGHT', attempts = attempts + 1,
                           next_attempt_at = now() + make_interval(secs => ?)
                    where id in (select id from outbox_message
                                 where status in ('PENDING', 'IN_FLIGHT') and next_attempt_at <= now() and channel = ?
                                 order by next_attempt_at limit ? for update skip locked)
                    returning id, channel, dedupe_key, payload::text, municipality_code, reference, attempts, created_at""")) {
                claim.setDouble(1, lease.toMillis() / 1000.0);
                claim.setString(2, channel.name());
                claim.setInt(3, limit);
                List<OutboxMessage> claimed = new ArrayList<>();
                try (ResultSet r = claim.executeQuery()) {
                    while (r.next()) {
                        claimed.add(new OutboxMessage(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
                                r.getString(4), r.getString(5), r.getString(6), r.getInt(7),
                                r.getObject(8, OffsetDateTime.class)));
                    }
                }
                c.commit();
                return claimed;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Throwable await(Future<?> delivery, Duration timeout) {
        try {
            delivery.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            delivery.cancel(true);
            return new TimeoutException("Cut off at the channel's timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    private void markSent(OutboxMessage m) {
        update("update outbox_message set status = 'SENT', sent_at = now(), last_error = null where id = ? and status <> 'SENT'",
                m.id());
    }

    private void markFailed(OutboxChannel channel, OutboxMessage m, Throwable failure) {
        String error = describe(failure);
        boolean giveUp = failure instanceof OutboxChannel.Permanent
                || m.createdAt().plus(channel.giveUpAfter()).isBefore(OffsetDateTime.now());
        if (giveUp) {
            if (update("update outbox_message set status = 'FAILED', last_error = ? where id = ? and attempts = ? "
                    + "and status = 'IN_FLIGHT'", error, m.id(), m.attempts())) {
                LOG.warnf("Outbox message %s (%s) failed for good after %d attempts: %s", m.id(), m.channel(),
                        m.attempts(), error);
                gaveUp(channel, m);
            }
            return;
        }
        Duration backoff = backoff(m.attempts());
        update("update outbox_message set status = 'PENDING', last_error = ?, next_attempt_at = now() + make_interval(secs => ?) "
                + "where id = ? and attempts = ? and status = 'IN_FLIGHT'", error, backoff.toMillis() / 1000.0, m.id(), m.attempts());
        LOG.infof("Outbox message %s (%s) attempt %d failed, retried in %d s: %s", m.id(), m.channel(), m.attempts(),
                backoff.toSeconds(), error);
    }

    /** Exponential backoff with jitter: base × 2^(attempts−1), capped, then a random 50–100 % of it. */
    Duration backoff(int attempts) {
        long base = backoffBase.toMillis();
        long exp = attempts >= 30 ? Long.MAX_VALUE : base << Math.max(0, attempts - 1);
        long capped = Math.min(exp < 0 ? Long.MAX_VALUE : exp, backoffMax.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private void gaveUp(OutboxChannel channel, OutboxMessage m) {
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            gaveUpHandler.call(channel, m);
        } catch (RuntimeException e) {
            LOG.warnf(e, "The %s channel's give-up handler failed for %s", m.channel(), m.id());
        } finally {
            requests.terminate();
        }
    }

    /** Runs a channel's give-up handler in a transaction of its own. */
    @ApplicationScoped
    public static class GaveUp {
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        void call(OutboxChannel channel, OutboxMessage m) {
            channel.gaveUp(m);
        }
    }

    private boolean update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            // The lease runs out and the row is delivered again: at least once, never lost.
            LOG.warnf("Could not record an outbox outcome: %s", e.getMessage());
            return false;
        }
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < ERROR_LENGTH; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" ← ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text.toString();
    }
}
