package jp.kyoso.core.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Strict-Transport-Security on responses to HTTPS requests only: RFC 6797 §7.2 forbids it over
 * plain HTTP, where a man in the middle could set it anyway. Behind a TLS proxy the scheme comes
 * from its forwarded headers (trusted only as the proxy settings allow).
 */
@ApplicationScoped
public class TransportSecurity {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if ("https".equalsIgnoreCase(ctx.request().scheme())) {
                ctx.response().putHeader("Strict-Transport-Security", HSTS);
            }
            ctx.next();
        });
    }
}
