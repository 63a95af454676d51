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
import java.util.Optional;
import java.util.Set;

/**
 * Limits against exhaustion: anonymous reads and anonymous writes (a guest's event registration)
 * per client address, and writes per signed-in user.
 * Each is a token bucket in PostgreSQL (table rate_limit_bucket), so every API instance counts
 * against the same limit: a bucket holds up to the per-minute limit, refills at limit/60 per
 * second and each request takes one token, in one upsert. Past the limit the answer is 429
 * problem+json with Retry-After (counted in {@code kyoso_rate_limit_refused_total}). The client
 * address is the connection's, or X-Forwarded-For's only when the request comes from a
 * configured trusted proxy (quarkus.http.proxy.*, docs/configuration.md). Memory is bounded: the
 * retention job deletes buckets idle for an hour ({@link Retention}).
 */
public class RateLimits {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Takes a token if there is one; answers whether it did and how many are left. */
    private static final String TAKE = """
            insert into rate_limit_bucket as b (bucket_key, tokens, allowed, updated_at)
            values (?, ? - 1, true, clock_timestamp())
            on conflict (bucket_key) do update set
              allowed = least(?, b.tokens + extract(epoch from clock_timestamp() - b.updated_at) * ?) >= 1,
              tokens = least(?, b.tokens + extract(epoch from clock_timestamp() - b.updated_at) * ?)
                       - case when least(?, b.tokens + extract(epoch from clock_timestamp() - b.updated_at) * ?) >= 1
                              then 1 else 0 end,
              updated_at = clock_timestamp()
            returning allowed, tokens""";

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
        boolean allowed;
        double tokens;
        try (Connection c = dataSource.getConnection(); PreparedStatement take = c.prepareStatement(TAKE)) {
            take.setString(1, key);
            take.setDouble(2, limit);
            for (int i = 3; i <= 7; i += 2) {
                take.setDouble(i, limit);
                take.setDouble(i + 1, perSecond);
            }
            try (ResultSet row = take.executeQuery()) {
                row.next();
                allowed = row.getBoolean(1);
                tokens = row.getDouble(2);
            }
        }
        if (allowed) {
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
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "delete from rate_limit_bucket")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
