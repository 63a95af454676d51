package jp.kyoso.core.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it is a plain token (a proxy's
 * or a client's, at most 64 characters), otherwise a new UUID. It is answered in the
 * {@code X-Request-Id} response header, carried by every log line of the request (MDC
 * {@code requestId}, a field of the JSON logs), written in the access log and given in every
 * problem+json body ({@code requestId}), so a user's report finds its log lines.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = jp.kyoso.core.problem.ProblemMappers.REQUEST_ID_HEADER;
    public static final String MDC_KEY = "requestId";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String given = ctx.request().getHeader(HEADER);
            String id = given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
            ctx.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            ctx.addEndHandler(done -> MDC.remove(MDC_KEY));
            ctx.next();
        });
    }
}
