package jp.kyoso.core.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * HTTP caching of reads. A read that anyone may make (the caller is signed out) holds only public
 * data: shared caches may keep it for a minute ({@code public, max-age=0, s-maxage=60}); a browser
 * asks again each time (with If-None-Match), so a page reread after a guest's own write is fresh.
 * A signed-in caller's read may hold what only they may see: {@code private, no-cache}, and
 * {@code private, no-store} below {@code /api/v1/me}. Every answer varies with the language and
 * the credentials, so a cache never gives one caller's answer to another.
 * <p>
 * A read without a version tag (lists, vocabularies, statistics) gets a weak ETag, a digest of its
 * body, and {@code If-None-Match} with that tag answers 304 without a body. A versioned object
 * keeps its version as ETag for {@code If-Match} ({@link Etags}); it is not answered 304, since
 * what it shows besides its own row (counts, names) moves without its version.
 */
public class HttpCaching {

    static final String PUBLIC = "public, max-age=0, s-maxage=60";
    static final String PRIVATE = "private, no-cache";
    static final String PERSONAL = "private, no-store";
    static final String VARY = "Accept-Language, Authorization, Cookie";

    @Inject SecurityIdentity identity;
    @Inject ObjectMapper json;

    @ServerResponseFilter
    public void cache(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return;
        }
        var headers = response.getHeaders();
        if (response.getStatus() != 200 || headers.containsKey(HttpHeaders.CACHE_CONTROL)
                || headers.containsKey(HttpHeaders.SET_COOKIE)) {
            return;
        }
        String path = request.getUriInfo().getPath();
        boolean anonymous = identity.isAnonymous();
        headers.putSingle(HttpHeaders.CACHE_CONTROL, anonymous ? PUBLIC
                : path.startsWith("/api/v1/me") ? PERSONAL : PRIVATE);
        headers.putSingle(HttpHeaders.VARY, VARY);
        if (headers.containsKey(HttpHeaders.ETAG) || !response.hasEntity()) {
            return;
        }
        byte[] body = body(response.getEntity(), response.getMediaType());
        if (body == null) {
            return;
        }
        String tag = "W/\"" + digest(body) + "\"";
        headers.putSingle(HttpHeaders.ETAG, tag);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
        } else if (!(response.getEntity() instanceof byte[])) {
            // Written once: the bytes digested are the bytes sent.
            response.setEntity(body, new Annotation[0], response.getMediaType());
        }
    }

    /** The body as it will be sent: bytes and text as they are, JSON serialised; null for anything else (streams). */
    private byte[] body(Object entity, MediaType type) throws JsonProcessingException {
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return json.writeValueAsBytes(entity);
        }
        return null;
    }

    /** Weak comparison (RFC 9110 §13.1.2): {@code *}, or one of the listed tags, with or without {@code W/}. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = tag.substring(2);
        for (String given : ifNoneMatch.split(",")) {
            String g = given.strip();
            if (g.equals("*") || g.equals(tag) || g.equals(opaque) || (g.startsWith("W/") && g.substring(2).equals(opaque))) {
                return true;
            }
        }
        return false;
    }

    private static String digest(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
