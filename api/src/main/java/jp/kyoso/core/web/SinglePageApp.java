package jp.kyoso.core.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Serves the SPA's index.html for its client-side routes (/m/352161/organizations …), so that
 * a reload or a shared link opens the right screen. API, tooling and file paths pass through.
 */
@ApplicationScoped
public class SinglePageApp {

    void routes(@Observes Router router) {
        router.get().order(Integer.MIN_VALUE + 100).handler(ctx -> {
            String path = ctx.normalizedPath();
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (path.equals("/") || path.startsWith("/api/") || path.startsWith("/q/") || last.contains(".")) {
                ctx.next();
            } else {
                ctx.reroute("/");
            }
        });
    }
}
