package jp.kyoso.core.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Language;
import jp.kyoso.core.i18n.RequestLanguage;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem+json response. Clients never see a stack trace,
 * SQL or an internal class name; a client's mistake is never a 500.
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject RequestLanguage language;
    @Inject HttpServerRequest request;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        List<FieldError> errors = e.errors() == null ? null : e.errors().entrySet().stream()
                .map(f -> new FieldError(f.getKey(), f.getValue().in(language.get()))).toList();
        return respond(e.status(), e.title(), e.detail(), errors);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        return respond(400, Problems.BAD_REQUEST,
                Label.of("入力内容に誤りがあります", "The request has invalid fields"), errors);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof TooManyElements tooMany) {
            return fieldProblem(path(tooMany), Label.of("要素は " + tooMany.max() + " 個までです",
                    "At most " + tooMany.max() + " elements"));
        }
        if (e instanceof InvalidNullException nullElement) {
            return fieldProblem(path(nullElement), Label.of("null は使えません", "null is not allowed here"));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return fieldProblem(path(unknown), Label.of("この項目は受け付けられません", "Unknown field"));
        }
        if (e instanceof InvalidFormatException format) {
            String allowed = format.getTargetType() != null && format.getTargetType().isEnum()
                    ? " (" + java.util.Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")) + ")" : "";
            return fieldProblem(path(format), Label.of("値の形式が正しくありません" + allowed,
                    "Invalid value" + allowed));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return fieldProblem(path(mapping), Label.of("値の型が正しくありません", "Wrong type of value"));
        }
        return respond(400, Problems.BAD_REQUEST,
                Label.of("JSON として読み取れません", "The body is not valid JSON"), null);
    }

    /** Replaces quarkus-rest-jackson's own mapping of this subtype, which is not problem+json. */
    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        ProblemException p = Problems.unauthorized();
        return respond(401, p.title(), p.detail(), null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        Response problem = respond(401, Problems.UNAUTHORIZED, Label.of(
                "アクセストークンが無効か期限切れです", "The access token is invalid or expired"), null);
        // RFC 6750 §3.1: a bearer token that was sent and refused.
        return request.getHeader("Authorization") == null ? problem : Response.fromResponse(problem)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, Problems.FORBIDDEN,
                Label.of("この操作を行う権限がありません", "You are not allowed to do this"), null);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale(RuntimeException e) {
        ProblemException p = Problems.preconditionFailed();
        return respond(412, p.title(), p.detail(), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 404 && cause != null && !(cause instanceof WebApplicationException)) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted
            // (size=abc, a malformed UUID): that is the client's malformed input.
            return respond(400, Problems.BAD_REQUEST, Label.of("パラメーターの形式が正しくありません",
                    "A path or query parameter is malformed"), null);
        }
        if (status >= 500) {
            return unexpected(e);
        }
        Label title = switch (status) {
            case 400 -> Problems.BAD_REQUEST;
            case 401 -> Problems.UNAUTHORIZED;
            case 403 -> Problems.FORBIDDEN;
            case 404 -> Problems.NOT_FOUND;
            case 405 -> Label.of("このメソッドは使えません", "Method not allowed");
            case 406 -> Label.of("この形式では応答できません", "Not acceptable");
            case 413 -> Problems.PAYLOAD_TOO_LARGE;
            case 415 -> Problems.UNSUPPORTED_MEDIA_TYPE;
            default -> Label.of("リクエストを処理できません", "Request not processed");
        };
        Label detail = status == 404
                ? Label.of("指定された URL またはデータは存在しません", "No such resource")
                : null;
        return respond(status, title, detail, null);
    }

    @ServerExceptionMapper
    public Response persistence(org.hibernate.exception.ConstraintViolationException e) {
        // A uniqueness race the service's own check could not see: the client may retry.
        if (isUniqueViolation(e.getSQLException())) {
            return respond(409, Problems.CONFLICT,
                    Label.of("同じ内容のデータが既にあります", "A conflicting record already exists"), null);
        }
        if (e.getSQLException() != null && "23503".equals(e.getSQLException().getSQLState())) {
            // A reference the service did not foresee: refuse the change rather than fail.
            return respond(409, Problems.CONFLICT,
                    Label.of("他のデータから参照されているため変更できません", "Other records still refer to this one"), null);
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response queryFailure(org.hibernate.exception.GenericJDBCException e) {
        // 57014: cancelled by statement_timeout. The server is busy, not the client wrong.
        if (e.getSQLException() != null && "57014".equals(e.getSQLException().getSQLState())) {
            return respond(503, Label.of("処理に時間がかかりすぎました", "The request took too long"),
                    Label.of("時間をおいて再度お試しください", "Please try again later"), null);
        }
        return unexpected(e);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (e instanceof ProblemException p) {
            return problem(p);
        }
        if (databaseUnavailable(e)) {
            // The database is restarting or unreachable: nothing was changed, a retry will work.
            LOG.warnf("Database unavailable on %s %s: %s", request.method(), request.path(), e.getMessage());
            return Response.fromResponse(respond(503,
                    Label.of("一時的にご利用いただけません", "Temporarily unavailable"),
                    Label.of("しばらくしてから再度お試しください", "Please try again shortly"), null))
                    .header("Retry-After", "5").build();
        }
        // A failure at commit arrives wrapped (RollbackException in an undeclared-throwable
        // wrapper): a concurrent change or delete of the same row is still a 412, not a 500.
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof ProblemException wrapped) {
                return problem(wrapped);
            }
            if (c instanceof OptimisticLockException || c instanceof StaleStateException) {
                return stale((RuntimeException) c);
            }
            if (c instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return persistence(violation);
            }
            if (c instanceof org.hibernate.exception.GenericJDBCException jdbc) {
                return queryFailure(jdbc);
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s %s (request %s)", incident, request.method(), request.path(),
                requestId(request));
        return respond(500, Label.of("サーバーでエラーが発生しました", "Internal server error"),
                Label.of("時間をおいて再度お試しください。問い合わせ番号: " + incident,
                        "Please try again later. Incident: " + incident), null);
    }

    private Response fieldProblem(String field, Label message) {
        Language lang = language.get();
        return respond(400, Problems.BAD_REQUEST,
                Label.of("入力内容に誤りがあります", "The request has invalid fields"),
                List.of(new FieldError(field, message.in(lang))));
    }

    private Response respond(int status, Label title, Label detail, List<FieldError> errors) {
        Problem body = problem(status, title, detail, language.get(), request, errors);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    /**
     * The problem body in the caller's language; also for answers given before JAX-RS is reached
     * (the HTTP layer's body-size limit).
     */
    public static Problem problem(int status, Label title, Label detail, Language lang, HttpServerRequest request,
                                  List<FieldError> errors) {
        return new Problem("about:blank", title.in(lang), status, detail == null ? null : detail.in(lang),
                request.path(), errors, requestId(request));
    }

    /** The id jp.kyoso.core.web.RequestIds gave the request (its X-Request-Id response header). */
    public static String requestId(HttpServerRequest request) {
        return request.response().headers().get(REQUEST_ID_HEADER);
    }

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** A lost or refused database connection (SQLSTATE class 08, or 57P0x: the server shut down). */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException e) {
        return e != null && "23505".equals(e.getSQLState());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    /** "create.body.name" → "name": the JSON path a client wrote, without Java method and parameter names. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean afterParameter = false;
        String parameterName = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                afterParameter = true;
                parameterName = node.getName();
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (name != null && !"<list element>".equals(name) && !"<iterable element>".equals(name)) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return afterParameter && parameterName != null ? parameterName : "body";
        }
        return String.join(".", names);
    }
}
