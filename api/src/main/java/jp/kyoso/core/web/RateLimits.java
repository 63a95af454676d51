package jp.kyoso.core.web;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.problem.Problem;
import jp.kyoso.core.problem.ProblemMappers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Limits against exhaustion: anonymous reads and anonymous writes (a guest's event registration)
 * per client address, and writes per signed-in user.
 * Each is a token bucket in PostgreSQL (table rate_limit_bucket), so every API instance counts
 * against the same limit: a bucket holds up to the per-minute limit, refills at limit/60 per
 * second and each request takes one token, in one upsert — or from this instance's lease of
 * tokens taken from the bucket in one upsert (at most a second's refill, for a second). Past the limit the answer is 429
 * problem+json with Retry-After (counted in {@code kyoso_rate_limit_refused_total}). The client
 * address is the connection's, or X-Forwarded-For's only when the request comes from a
 * configured trusted proxy (quarkus.http.proxy.*, docs/configuration.md). Memory is bounded: the
 * retention job deletes buckets idle for an hour ({@link Retention}).
 */
public class RateLimits {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /**
     * Takes up to LEASE tokens if there is at least one; answers whether it did, how many are left
     * and how many it took (LIMIT, RATE — tokens per second — and LEASE are this instance's settings).
     */
    private static final String TAKE = """
            insert into rate_limit_bucket as b (bucket_key, tokens, allowed, granted, updated_at)
            values (?, LIMIT - LEASE, true, LEASE, clock_timestamp())
            on conflict (bucket_key) do update set
              allowed = least(LIMIT, b.tokens + extract(epoch from clock_timestamp() - b.updated_at) * RATE) >= 1,
              granted = case when least(LIMIT, b.tokens + extract(epoch from clock_timestamp() - b.updated_at) * RATE) >= 1
                             then least(LEASE, floor(least(LIMIT, b.tokens
                                  + extract(epoch from clock_timestamp() - b.updated_at) * RATE))) else 0 end,
              tokens = least(LIMIT, b.tokens + extract(epoch from clock_timestamp() - b.updated_at) * RATE)
                       - case when least(LIMIT, b.tokens + extract(epoch from clock_timestamp() - b.updated_at) * RATE) >= 1
                              then least(LEASE, floor(least(LIMIT, b.tokens
                                   + extract(epoch from clock_timestamp() - b.updated_at) * RATE))) else 0 end,
              updated_at = clock_timestamp()
            returning allowed, tokens, granted""";

    /**
     * Tokens this instance took from a shared bucket and may still hand out locally: a request
     * spends one without a round trip to PostgreSQL. A lease is at most one second of the bucket's
     * refill and lapses after a second, so every instance together never exceeds the shared limit
     * (a lapsed lease's tokens are lost: a client is throttled a little early, never late).
     */
    private record Lease(AtomicInteger left, long until) {
    }

    private static final Map<String, Lease> LEASES = new ConcurrentHashMap<>();
    private static final long LEASE_NANOS = 1_000_000_000L;
    private static final int MAX_LEASES = 10_000;

    @ConfigProperty(name = "kyoso.rate-limit.anonymous-reads-per-minute", defaultValue = "600")
    int anonymousReadsPerMinute;

    @ConfigProperty(name = "kyoso.rate-limit.writes-per-minute", defaultValue = "120")
    int writesPerMinute;

    @ConfigProperty(name = "kyoso.rate-limit.anonymous-writes-per-minute", defaultValue = "30")
    int anonymousWritesPerMinute;

    @Inject SecurityIdentity identity;
    @Inject HttpServerRequest http;
    @Inject RequestLanguage language;
    @Inject AgroalDataSource dataSource;
    @Inject MeterRegistry metrics;

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request) throws SQLException {
        boolean write = WRITES.contains(request.getMethod());
        boolean anonymous = identity.isAnonymous();
        String key;
        int limit;
        if (write && !anonymous) {
            key = "w:" + identity.getPrincipal().getName();
            limit = writesPerMinute;
        } else if (anonymous) {
            String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
            key = (write ? "aw:" : "r:") + address;
            limit = write ? anonymousWritesPerMinute : anonymousReadsPerMinute;
        } else {
            return Optional.empty();
        }
        double perSecond = limit / 60.0;
        long now = System.nanoTime();
        Lease held = LEASES.get(key);
        if (held != null && now - held.until() < 0 && held.left().getAndDecrement() > 0) {
            return Optional.empty();
        }
        int lease = Math.max(1, limit / 60);
        boolean allowed;
        double tokens;
        int granted;
        String sql = TAKE.replace("LIMIT", Integer.toString(limit)).replace("RATE", Double.toString(perSecond))
                .replace("LEASE", Integer.toString(lease));
        try (Connection c = dataSource.getConnection(); PreparedStatement take = c.prepareStatement(sql)) {
            take.setString(1, key);
            try (ResultSet row = take.executeQuery()) {
                row.next();
                allowed = row.getBoolean(1);
                tokens = row.getDouble(2);
                granted = (int) row.getDouble(3);
            }
        }
        if (allowed) {
            if (granted > 1) {
                if (LEASES.size() >= MAX_LEASES) {
                    LEASES.values().removeIf(l -> now - l.until() >= 0);
                }
                LEASES.put(key, new Lease(new AtomicInteger(granted - 1), now + LEASE_NANOS));
            }
            return Optional.empty();
        }
        metrics.counter("kyoso.rate_limit.refused", "kind", !write ? "anonymous-read" : anonymous ? "anonymous-write" : "write").increment();
        long retryAfter = Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        Label title = Label.of("リクエストが多すぎます", "Too many requests");
        Label detail = Label.of(retryAfter + " 秒後にもう一度お試しください",
                "Try again in " + retryAfter + " seconds");
        Problem body = new Problem("about:blank", title.in(language.get()), 429, detail.in(language.get()),
                http.path(), null, ProblemMappers.requestId(http));
        return Optional.of(Response.status(429).type(ProblemMappers.PROBLEM_JSON)
                .header("Retry-After", retryAfter).entity(body).build());
    }

    /** Forget every bucket (tests that measure limits start from full buckets). */
    public static void reset() {
        LEASES.clear();
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "delete from rate_limit_bucket")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
