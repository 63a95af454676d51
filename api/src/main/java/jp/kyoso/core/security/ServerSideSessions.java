package jp.kyoso.core.security;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.oidc.runtime.CodeAuthenticationMechanism;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.UUID;

/**
 * Keeps the browser's OIDC tokens in PostgreSQL instead of in the session cookie, which then
 * holds only a random id ({@link BrowserSessions}). Signing out deletes the session of that
 * sign-in: a cookie copied before is refused at once by every API instance. Quarkus encrypts the
 * tokens before they are handed over here, so the table holds no readable token either.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ServerSideSessions implements TokenStateManager {

    /** Routing-context keys: the sign-in a request's session belongs to, and its CSRF token. */
    static final String CHAIN = "kyoso.session.chain";
    public static final String CSRF = "kyoso.session.csrf";

    @Inject BrowserSessions sessions;

    @ConfigProperty(name = "quarkus.oidc.logout.path", defaultValue = "/api/v1/auth/logout")
    String logoutPath;

    @Override
    public Uni<String> createTokenState(RoutingContext rc, OidcTenantConfig config, AuthorizationCodeTokens tokens,
                                        OidcRequestContext<String> requestContext) {
        Long maxAge = rc.get(CodeAuthenticationMechanism.SESSION_MAX_AGE_PARAM);
        // A refresh continues the sign-in whose old session it just replaced (deleteTokens comes first).
        UUID chain = rc.get(CHAIN) instanceof UUID c ? c : UUID.randomUUID();
        String csrf = rc.get(CSRF) instanceof String t ? t : BrowserSessions.randomId();
        BrowserSessions.Session session = new BrowserSessions.Session(chain, csrf, tokens.getIdToken(),
                tokens.getAccessToken(), tokens.getRefreshToken(), tokens.getAccessTokenExpiresIn(),
                tokens.getAccessTokenScope());
        Duration lifetime = Duration.ofSeconds(maxAge == null || maxAge <= 0 ? 3600 : maxAge);
        return requestContext.runBlocking(() -> {
            String id = sessions.create(chain, csrf, session, lifetime);
            rc.put(CHAIN, chain);
            rc.put(CSRF, csrf);
            return id;
        });
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext rc, OidcTenantConfig config, String tokenState,
                                                  OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        if (tokenState == null || !BrowserSessions.ID.matcher(tokenState).matches()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed session cookie"));
        }
        return requestContext.runBlocking(() -> {
            BrowserSessions.Session s = sessions.find(tokenState)
                    .orElseThrow(() -> new AuthenticationFailedException("unknown, ended or expired session"));
            rc.put(CHAIN, s.chainId());
            rc.put(CSRF, s.csrfToken());
            return new AuthorizationCodeTokens(s.idToken(), s.accessToken(), s.refreshToken(),
                    s.accessTokenExpiresIn(), s.accessTokenScope());
        });
    }

    /**
     * Called on sign-out, but also before every refresh and every new challenge: only sign-out
     * ends the sign-in; otherwise the old session is superseded (it answers a few more seconds).
     */
    @Override
    public Uni<Void> deleteTokens(RoutingContext rc, OidcTenantConfig config, String tokenState,
                                  OidcRequestContext<Void> requestContext) {
        if (tokenState == null || !BrowserSessions.ID.matcher(tokenState).matches()) {
            return Uni.createFrom().voidItem();
        }
        boolean signOut = logoutPath.equals(rc.normalizedPath());
        return requestContext.runBlocking(() -> {
            if (signOut) {
                sessions.end(tokenState);
            } else {
                sessions.find(tokenState).ifPresent(s -> {
                    rc.put(CHAIN, s.chainId());
                    rc.put(CSRF, s.csrfToken());
                });
                sessions.supersede(tokenState);
            }
            return null;
        });
    }
}
