package jp.kyoso.core.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.problem.Problems;

import java.net.URI;

/**
 * ETag / If-Match for optimistic locking: the tag is the row's version, so two editors who
 * read the same version cannot both save — the second gets 412 and reloads.
 */
public final class Etags {

    private Etags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version a client read, from its If-Match header; 428 when it sent none. */
    public static long requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "").trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Problems.preconditionFailed();
        }
    }

    /** Fails with 412 when the client's version is not the current one. */
    public static void check(String ifMatch, long currentVersion) {
        if (requireIfMatch(ifMatch) != currentVersion) {
            throw Problems.preconditionFailed();
        }
    }

    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(of(version)).build();
    }

    public static Response created(URI location, Object body, long version) {
        return Response.created(location).entity(body).tag(of(version)).build();
    }
}
