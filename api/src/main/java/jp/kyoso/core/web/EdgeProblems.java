package jp.kyoso.core.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Language;
import jp.kyoso.core.problem.FieldError;
import jp.kyoso.core.problem.ProblemMappers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Problem+json answers given at the HTTP edge, before JAX-RS and its problem mapping are
 * reached (an oversized body, a path with dot segments): the same body, in the caller's language.
 */
@ApplicationScoped
public class EdgeProblems {

    @Inject ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.header.\"X-Content-Type-Options\".value")
    String contentTypeOptions;

    @ConfigProperty(name = "quarkus.http.header.\"Referrer-Policy\".value")
    String referrerPolicy;

    @ConfigProperty(name = "quarkus.http.header.\"X-Frame-Options\".value")
    String frameOptions;

    /**
     * The headers every response carries, for answers given where the configured header handlers
     * never ran (a request the router could not route).
     */
    public void withSecurityHeaders(HttpServerResponse response) {
        response.putHeader("X-Content-Type-Options", contentTypeOptions)
                .putHeader("Referrer-Policy", referrerPolicy)
                .putHeader("X-Frame-Options", frameOptions)
                .putHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    public void send(RoutingContext ctx, int status, Label title, Label detail, List<FieldError> errors,
                     boolean closeConnection) {
        Language lang = Language.fromHeader(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String body;
        try {
            body = json.writeValueAsString(ProblemMappers.problem(status, title, detail, lang,
                    ctx.request(), errors));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpServerResponse response = ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON);
        if (closeConnection) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(body);
    }
}
