package jp.kyoso.core.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.NewCookie;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * CSRF protection for writes authenticated by the browser's session cookie: they must carry the
 * CSRF token of that very session ({@link ServerSideSessions} keeps one per sign-in) in an
 * {@code X-CSRF-Token} header. The page reads it from the {@code kyoso_csrf} cookie set at
 * sign-in (another site can neither read the cookie nor send the header), and a token of another
 * session is worth nothing. Bearer-token calls carry no ambient credentials and are not affected.
 */
public class CsrfProtection {

    public static final String COOKIE = "kyoso_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String SESSION_COOKIE = "q_session";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject SecurityIdentity identity;
    @Inject RoutingContext routing;

    /** The cookie that hands the page its session's CSRF token (readable by the page on purpose). */
    public static NewCookie cookie(String token, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(token).path("/")
                .sameSite(NewCookie.SameSite.STRICT).secure(secure).httpOnly(false).build();
    }

    /** After the input checks, before idempotency keys are reserved and rate limits counted. */
    @ServerRequestFilter(priority = Priorities.USER - 50)
    public void check(ContainerRequestContext request) {
        // One-click unsubscribe (RFC 8058) is authorised by the signed token in its path, not by the
        // session: a mail client or the confirmation page posts it without a CSRF token.
        if (SAFE.contains(request.getMethod()) || request.getHeaderString("Authorization") != null
                || request.getUriInfo().getPath().startsWith("/api/v1/unsubscribe/")
                || request.getCookies().keySet().stream().noneMatch(n -> n.startsWith(SESSION_COOKIE))) {
            return;
        }
        // Resolves the session, and with it the token it expects. A stale cookie reads as
        // anonymous (StaleSessionsReadAsAnonymous): the write then needs a sign-in, not a token.
        if (identity.isAnonymous()) {
            return;
        }
        String expected = routing.get(ServerSideSessions.CSRF);
        String header = request.getHeaderString(HEADER);
        if (expected == null || header == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), header.getBytes(StandardCharsets.UTF_8))) {
            throw Problems.forbidden(Label.of("CSRF トークンがありません。ページを再読み込みしてください",
                    "Missing or wrong CSRF token; reload the page"));
        }
    }
}
