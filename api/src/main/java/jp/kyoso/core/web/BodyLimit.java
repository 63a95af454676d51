package jp.kyoso.core.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body larger than {@code quarkus.http.limits.max-body-size} with 413 problem+json.
 * The HTTP layer's own check (which this one runs just before) answers with an empty body, before
 * JAX-RS and its problem mapping are reached. Bodies sent without a length are cut off by that
 * layer as they stream in.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject EdgeProblems problems;

    void routes(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE + 10).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0 && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                readLimited(ctx, limit);
                return;
            }
            if (declared <= limit) {
                ctx.next();
                return;
            }
            tooLarge(ctx, limit);
        });
    }

    /**
     * A body sent without a length (chunked) is read here, up to the limit, and handed on as the
     * request's body; past the limit the answer is the same 413 problem.
     */
    private void readLimited(RoutingContext ctx, long limit) {
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        ctx.request().handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > limit) {
                refused[0] = true;
                tooLarge(ctx, limit);
            } else {
                body.appendBuffer(chunk);
            }
        });
        ctx.request().endHandler(end -> {
            if (!refused[0]) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        ctx.request().resume();
    }

    private void tooLarge(RoutingContext ctx, long limit) {
        problems.send(ctx, 413, Problems.PAYLOAD_TOO_LARGE,
                Label.of("本文は " + limit / 1024 + " KiB までです", "The body may be at most " + limit / 1024 + " KiB"),
                null, true);
    }
}
