package jp.kyoso.core.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses malformed input before any resource method sees it, with 400/415 problem+json:
 * query parameters the operation does not declare (a typo must not be silently ignored),
 * C0 control characters (other than tab, CR and LF), lone surrogates and invalid UTF-8 in the
 * path, the query and JSON bodies (control characters in CSV bodies too), bodies without a
 * Content-Type, and path or query parameters that are blank or not of their type (every one is
 * read by {@link Params}, so each is named when it is wrong). Control characters escaped inside
 * JSON strings are refused by {@link StrictJson}; dot segments in the path by {@link PathGuard}
 * before routing. The browser sign-in endpoint belongs to the OIDC flow and is left alone.
 */
public class InputGuard {

    /** The browser sign-in belongs to the OIDC flow, which reads its own parameters. */
    private static final String SIGN_IN_PATHS = "/api/v1/auth/";
    private static final Map<Method, Map<String, Class<?>>> DECLARED = new ConcurrentHashMap<>();
    private static final Map<Method, Map<String, Class<?>>> PATH = new ConcurrentHashMap<>();
    private static final Label CONTROL = TextDefect.CONTROL_CHARACTER.label;
    private static final Label NOT_UTF8 = Label.of("UTF-8 として正しくない文字が含まれています",
            "The text is not valid UTF-8");

    @Inject HttpServerRequest http;

    /** Before idempotency keys are reserved and rate limits counted: a malformed request does nothing. */
    @ServerRequestFilter(priority = Priorities.USER - 100)
    public void check(ContainerRequestContext request, ResourceInfo resource) throws IOException {
        Method method = resource.getResourceMethod();
        if (method == null || http.path().startsWith(SIGN_IN_PATHS)) {
            return;
        }
        text("path", decode("path", http.path(), false));
        pathParameters(request, PATH.computeIfAbsent(method, m -> parameters(m, PathParam.class)));
        String query = http.query();
        if (query != null && !query.isEmpty()) {
            Map<String, Class<?>> types = DECLARED.computeIfAbsent(method, m -> parameters(m, QueryParam.class));
            Set<String> declared = types.keySet();
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode("query", eq < 0 ? pair : pair.substring(0, eq), true);
                text(name, name);
                if (!declared.contains(name)) {
                    throw Problems.invalidField(name, declared.isEmpty()
                            ? Label.of("この操作はクエリーパラメーターを取りません", "This operation takes no query parameters")
                            : Label.of("この操作にはないパラメーターです（使えるもの: " + String.join(", ", declared) + "）",
                            "This operation has no such parameter (it takes: " + String.join(", ", declared) + ")"));
                }
                if (eq >= 0) {
                    String value = decode(name, pair.substring(eq + 1), true);
                    text(name, value);
                    if (isInteger(types.get(name))) {
                        Params.requireInteger(name, value.strip());
                    }
                }
            }
        }
        String length = http.getHeader("Content-Length");
        boolean hasBody = (length != null && !length.trim().equals("0")) || http.getHeader("Transfer-Encoding") != null;
        if (hasBody) {
            if (http.getHeader("Content-Type") == null) {
                throw Problems.unsupportedMediaType(Label.of("Content-Type を指定してください",
                        "Send a Content-Type with the body"));
            }
            jakarta.ws.rs.Consumes consumes = method.getAnnotation(jakarta.ws.rs.Consumes.class);
            body(request, consumes != null && java.util.Arrays.asList(consumes.value()).contains("text/csv"));
        }
    }

    /**
     * JSON must be UTF-8 (RFC 8259). A CSV file may come from Excel in Shift_JIS, which the import
     * recognises itself; its raw bytes are only checked for control characters, which neither
     * encoding uses inside a multi-byte character.
     */
    private static void body(ContainerRequestContext request, boolean csv) throws IOException {
        MediaType type = request.getMediaType();
        byte[] bytes = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(bytes));
        if (csv) {
            for (byte b : bytes) {
                if (b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n') {
                    throw Problems.invalidField("body", CONTROL);
                }
            }
        } else if (type == null || type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
            text("body", utf8("body", bytes));
        }
    }

    /** Every path parameter has a value of its type: blank, a malformed id or number is a 400 naming it. */
    private static void pathParameters(ContainerRequestContext request, Map<String, Class<?>> types) {
        if (types.isEmpty()) {
            return;
        }
        MultivaluedMap<String, String> values = request.getUriInfo().getPathParameters(true);
        types.forEach((name, type) -> {
            String value = values.getFirst(name);
            if (value == null || value.isBlank()) {
                throw Problems.invalidField(name, Params.BLANK);
            }
            if (type == UUID.class) {
                Params.requireUuid(name, value);
            } else if (isInteger(type)) {
                Params.requireInteger(name, value);
            }
        });
    }

    private static boolean isInteger(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    /** What makes a text unacceptable anywhere in a request. */
    enum TextDefect {
        CONTROL_CHARACTER(Label.of("制御文字は使えません", "Control characters are not allowed")),
        LONE_SURROGATE(Label.of("対になっていないサロゲート文字は使えません", "Unpaired surrogate characters are not allowed"));

        final Label label;

        TextDefect(Label label) {
            this.label = label;
        }
    }

    /** Refuses C0 control characters other than tab, CR and LF, and lone surrogates. */
    static void text(String field, String value) {
        TextDefect defect = defectIn(value);
        if (defect != null) {
            throw Problems.invalidField(field, defect.label);
        }
    }

    /** The first defect of a text (a C0 control character other than tab, CR and LF; an unpaired surrogate), or null. */
    static TextDefect defectIn(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                return TextDefect.CONTROL_CHARACTER;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return TextDefect.LONE_SURROGATE;
            }
        }
        return null;
    }

    /** Percent-decodes strictly into UTF-8; a malformed escape or byte sequence is refused. */
    private static String decode(String field, String raw, boolean query) {
        if (raw.indexOf('%') < 0 && !(query && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw Problems.invalidField(field, Label.of("% エンコードが正しくありません", "Malformed percent-encoding"));
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && query) {
                out.write(' ');
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return utf8(field, out.toByteArray());
    }

    private static String utf8(String field, byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw Problems.invalidField(field, NOT_UTF8);
        }
    }

    /**
     * The names and Java types of the operation's parameters of one kind ({@code @QueryParam} or
     * {@code @PathParam}), its own and those of its {@code @BeanParam}s.
     */
    static Map<String, Class<?>> parameters(Method method, Class<? extends Annotation> kind) {
        Map<String, Class<?>> names = new TreeMap<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation a : annotations[i]) {
                String name = nameOf(a, kind);
                if (name != null) {
                    names.put(name, types[i]);
                } else if (a instanceof BeanParam) {
                    for (Class<?> c = types[i]; c != null && c != Object.class; c = c.getSuperclass()) {
                        for (Field f : c.getDeclaredFields()) {
                            for (Annotation fa : f.getAnnotations()) {
                                String fieldName = nameOf(fa, kind);
                                if (fieldName != null) {
                                    names.put(fieldName, f.getType());
                                }
                            }
                        }
                    }
                }
            }
        }
        return Collections.unmodifiableMap(names);
    }

    private static String nameOf(Annotation a, Class<? extends Annotation> kind) {
        if (kind == QueryParam.class && a instanceof QueryParam q) {
            return q.value();
        }
        if (kind == PathParam.class && a instanceof PathParam p) {
            return p.value();
        }
        return null;
    }
}
