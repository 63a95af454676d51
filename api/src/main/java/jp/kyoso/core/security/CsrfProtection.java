package jp.kyoso.core.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * CSRF protection for writes authenticated by the browser's session cookie: they must carry
 * the value of the {@code kyoso_csrf} cookie in an {@code X-CSRF-Token} header (double submit;
 * another site can neither read the cookie nor send the header). Bearer-token calls carry no
 * ambient credentials and are not affected.
 */
public class CsrfProtection {

    public static final String COOKIE = "kyoso_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String SESSION_COOKIE = "q_session";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    static NewCookie newCookie(boolean secure) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return new NewCookie.Builder(COOKIE).value(HexFormat.of().formatHex(bytes)).path("/")
                .sameSite(NewCookie.SameSite.STRICT).secure(secure).httpOnly(false).build();
    }

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || request.getHeaderString("Authorization") != null) {
            return;
        }
        boolean hasSession = request.getCookies().keySet().stream().anyMatch(n -> n.startsWith(SESSION_COOKIE));
        if (!hasSession) {
            return;
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        String header = request.getHeaderString(HEADER);
        if (cookie == null || header == null || !MessageDigest.isEqual(cookie.getValue().getBytes(), header.getBytes())) {
            throw Problems.forbidden(Label.of("CSRF トークンがありません。ページを再読み込みしてください",
                    "Missing or wrong CSRF token; reload the page"));
        }
    }
}
