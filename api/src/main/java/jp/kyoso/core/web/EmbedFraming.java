package jp.kyoso.core.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Framing: every response forbids it (X-Frame-Options DENY and CSP frame-ancestors 'none'), except
 * an embed page, which names the sites its municipality allows. The embed resource says which by
 * setting {@link #ALLOW}; just before the headers go out this replaces that marker, the deny
 * headers and the CSP with the embed policy: no scripts, its own inline styles and images only.
 */
@ApplicationScoped
public class EmbedFraming {

    /** The internal header an embed response names its allowed origins in (space-separated; empty: none). */
    public static final String ALLOW = "X-Kyoso-Frame-Ancestors";

    static final String POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors ";

    /** The CSP of an embed page that these origins may frame. */
    public static String policy(List<String> origins) {
        return POLICY + (origins.isEmpty() ? "'none'" : String.join(" ", origins));
    }

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                MultiMap headers = ctx.response().headers();
                String allowed = headers.get(ALLOW);
                if (allowed == null) {
                    return;
                }
                headers.remove(ALLOW);
                List<String> origins = allowed.isBlank() ? List.of() : List.of(allowed.strip().split("\\s+"));
                if (!origins.isEmpty()) {
                    headers.remove("X-Frame-Options");
                }
                headers.set("Content-Security-Policy", policy(origins));
            });
            ctx.next();
        });
    }
}
