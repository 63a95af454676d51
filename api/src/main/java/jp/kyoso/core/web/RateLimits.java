package jp.kyoso.core.web;

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

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Limits against exhaustion: anonymous reads and anonymous writes (a guest's event registration)
 * per client address and writes per signed-in user, each in fixed one-minute windows. Past the limit the answer is 429 problem+json with
 * Retry-After. Counters live in this process (one API instance per municipality cluster is
 * the deployment here); a shared store would replace the map when the API scales out.
 */
public class RateLimits {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final long WINDOW_MILLIS = 60_000;

    record Window(long startedAt, int count) {
    }

    private static final ConcurrentMap<String, Window> WINDOWS = new ConcurrentHashMap<>();

    @ConfigProperty(name = "kyoso.rate-limit.anonymous-reads-per-minute", defaultValue = "600")
    int anonymousReadsPerMinute;

    @ConfigProperty(name = "kyoso.rate-limit.writes-per-minute", defaultValue = "120")
    int writesPerMinute;

    @ConfigProperty(name = "kyoso.rate-limit.anonymous-writes-per-minute", defaultValue = "30")
    int anonymousWritesPerMinute;

    @Inject SecurityIdentity identity;
    @Inject HttpServerRequest http;
    @Inject RequestLanguage language;

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request) {
        boolean write = WRITES.contains(request.getMethod());
        boolean anonymous = identity.isAnonymous();
        String key;
        int limit;
        if (write && !anonymous) {
            key = "w:" + identity.getPrincipal().getName();
            limit = writesPerMinute;
        } else if (write) {
            key = "aw:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
            limit = anonymousWritesPerMinute;
        } else if (anonymous) {
            key = "r:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
            limit = anonymousReadsPerMinute;
        } else {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        Window window = WINDOWS.compute(key, (k, w) -> w == null || now - w.startedAt() >= WINDOW_MILLIS
                ? new Window(now, 1) : new Window(w.startedAt(), w.count() + 1));
        if (window.count() <= limit) {
            return Optional.empty();
        }
        long retryAfter = Math.max(1, (window.startedAt() + WINDOW_MILLIS - now + 999) / 1000);
        Label title = Label.of("リクエストが多すぎます", "Too many requests");
        Label detail = Label.of(retryAfter + " 秒後にもう一度お試しください",
                "Try again in " + retryAfter + " seconds");
        Problem body = new Problem("about:blank", title.in(language.get()), 429, detail.in(language.get()),
                http.path(), null);
        return Optional.of(Response.status(429).type(ProblemMappers.PROBLEM_JSON)
                .header("Retry-After", retryAfter).entity(body).build());
    }

    /** Forget every counter (tests that measure limits start from zero). */
    public static void reset() {
        WINDOWS.clear();
    }
}
