package jp.kyoso.core.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.FieldError;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Refuses, before routing, a path with a segment that decodes to {@code .} or {@code ..} or that
 * holds an encoded {@code /} or a {@code \}. The router would otherwise normalise
 * {@code /organizations/{id}/members/%2e%2e} into {@code /organizations/{id}} and run the
 * operation on the parent (a DELETE would delete the organisation), and path-based rules of a
 * proxy in front would see another path than the API.
 */
@ApplicationScoped
public class PathGuard {

    private static final Label TITLE = Label.of("リクエストが正しくありません", "Bad request");
    private static final Label DETAIL = Label.of("パスに . や .. の区切り、エンコードされた / や \\ は使えません",
            "A path may not contain . or .. segments, nor an encoded / or a \\");

    @Inject EdgeProblems problems;

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 5).handler(ctx -> {
            if (isSafe(ctx.request().path())) {
                ctx.next();
            } else {
                String message = DETAIL.in(jp.kyoso.core.i18n.Language.fromHeader(ctx.request().getHeader("Accept-Language")));
                problems.send(ctx, 400, TITLE, DETAIL, List.of(new FieldError("path", message)), false);
            }
        });
    }

    /** True when no segment of the raw (still encoded) path is a dot segment or hides a separator. */
    static boolean isSafe(String rawPath) {
        if (rawPath == null) {
            return true;
        }
        if (rawPath.indexOf('\\') >= 0) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            String decoded = segment.indexOf('%') < 0 ? segment : decode(segment);
            if (decoded.equals(".") || decoded.equals("..") || decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Percent-decodes leniently (malformed escapes stay as they are; InputGuard refuses them later). */
    private static String decode(String segment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            int hi = c == '%' && i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(segment.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
