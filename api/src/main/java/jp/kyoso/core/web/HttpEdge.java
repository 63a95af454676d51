package jp.kyoso.core.web;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.Label;

import java.util.Map;

/**
 * The HTTP layer's own refusals, answered like every other error: problem+json with the security
 * headers. The server's parser refuses only far larger requests (and answers those without a
 * body; Quarkus 3.34 offers no hook for it, see docs/security.md), so the limits clients meet are
 * enforced here: a request line (method, path and query) of at most {@link #MAX_REQUEST_LINE}
 * characters (414) and headers of at most {@link #MAX_HEADERS} bytes (431). An HTTP/1.1 request
 * without a Host header fails in the router with 400, answered here too.
 */
@ApplicationScoped
public class HttpEdge {

    static final int MAX_REQUEST_LINE = 8_192;
    static final int MAX_HEADERS = 16_384;
    private static final Label BAD_REQUEST = Label.of("リクエストが正しくありません", "Bad request");

    @Inject EdgeProblems problems;

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            if (request.method().name().length() + request.uri().length() + 10 > MAX_REQUEST_LINE) {
                problems.send(ctx, 414, Label.of("URI が長すぎます", "URI too long"),
                        Label.of("パスとクエリーは合わせて " + MAX_REQUEST_LINE + " 文字までです",
                                "The path and query may be at most " + MAX_REQUEST_LINE + " characters"), null, true);
                return;
            }
            long size = 0;
            for (Map.Entry<String, String> header : request.headers()) {
                size += header.getKey().length() + header.getValue().length() + 4;
            }
            if (size > MAX_HEADERS) {
                problems.send(ctx, 431, Label.of("ヘッダーが大きすぎます", "Request header fields too large"),
                        Label.of("ヘッダーは合わせて " + MAX_HEADERS / 1024 + " KiB までです",
                                "The headers may be at most " + MAX_HEADERS / 1024 + " KiB"), null, true);
                return;
            }
            ctx.next();
        });
        // The router fails a request without a Host header (HTTP/1.1 requires one) before any handler runs.
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 400 && ctx.failure() instanceof VertxException && !ctx.response().headWritten()) {
                problems.withSecurityHeaders(ctx.response());
                problems.send(ctx, 400, BAD_REQUEST, Label.of("Host ヘッダーが必要です", "A Host header is required"),
                        null, true);
            } else {
                ctx.next();
            }
        });
    }
}
