package jp.kyoso.core.security;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AnonymousAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A browser whose session ended (signed out elsewhere, expired, unknown to the server) reads
 * public data as an anonymous visitor instead of getting 401 on every page until the cookie
 * goes away; its session cookies are cleared on the same answer. Operations that need a
 * signed-in person still answer 401. Requests with a bearer token are left alone (an invalid
 * token is a 401 with {@code WWW-Authenticate}), and so is the sign-in flow itself.
 *
 * <p>Runs between Quarkus's lazy authentication (route order -200), which leaves the identity
 * to be resolved on first use, and the permission checks (-100), and wraps that deferred
 * identity: a failed session becomes the anonymous identity for everyone who asks.
 */
@ApplicationScoped
public class StaleSessionsReadAsAnonymous {

    private static final String SIGN_IN_PATHS = "/api/v1/auth/";

    @Inject IdentityProviderManager identities;

    void routes(@Observes Router router) {
        router.route().order(-150).handler(ctx -> {
            Uni<SecurityIdentity> deferred = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
            if (deferred != null && ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null
                    && hasSessionCookie(ctx) && !ctx.normalizedPath().startsWith(SIGN_IN_PATHS)) {
                ctx.put(QuarkusHttpUser.DEFERRED_IDENTITY_KEY, deferred
                        .onFailure(f -> f instanceof AuthenticationFailedException
                                || f instanceof AuthenticationCompletionException)
                        .recoverWithUni(f -> {
                            clearSessionCookies(ctx);
                            return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                                    new AnonymousAuthenticationRequest(), ctx));
                        })
                        .memoize().indefinitely());
            }
            ctx.next();
        });
    }

    private static boolean hasSessionCookie(RoutingContext ctx) {
        return ctx.request().cookieMap().keySet().stream().anyMatch(n -> n.startsWith(CsrfProtection.SESSION_COOKIE));
    }

    private static void clearSessionCookies(RoutingContext ctx) {
        for (String name : ctx.request().cookieMap().keySet()) {
            if (name.startsWith(CsrfProtection.SESSION_COOKIE) || name.equals(CsrfProtection.COOKIE)) {
                ctx.response().addCookie(Cookie.cookie(name, "").setPath("/").setMaxAge(0)
                        .setHttpOnly(!name.equals(CsrfProtection.COOKIE)).setSameSite(CookieSameSite.LAX));
            }
        }
    }
}
