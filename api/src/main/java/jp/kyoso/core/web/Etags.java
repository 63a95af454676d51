package jp.kyoso.core.web;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.problem.Problems;

import java.net.URI;

/**
 * ETag / If-Match for optimistic locking: the tag is the row's version, so two editors who
 * read the same version cannot both save — the second gets 412 and reloads. Every update and
 * every delete of a versioned resource needs If-Match (428 without). Comparison is strong, as
 * RFC 9110 §13.1.1 requires for If-Match: a weak tag ({@code W/"3"}) never matches, {@code *}
 * matches the resource as it is, and a list matches when one of its tags does.
 */
public final class Etags {

    private Etags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Fails with 428 when the client sent no If-Match, and with 412 when it does not match the current version. */
    public static void check(String ifMatch, long currentVersion) {
        if (!matches(ifMatch, currentVersion)) {
            throw Problems.preconditionFailed();
        }
    }

    /**
     * Locks the entity's row for the rest of the transaction, then checks If-Match. Of two writers
     * who read the same version, the second waits for the first to commit and then gets 412 —
     * never a unique-key conflict over a row both tried to create, nor a lost update. The lock
     * fails with 412 as well when the row's version moved on since the entity was loaded.
     */
    public static void lockAndCheck(String ifMatch, Object entity, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired();
        }
        Panache.getEntityManager().lock(entity, LockModeType.PESSIMISTIC_WRITE);
        check(ifMatch, version);
    }

    /** Whether the If-Match header matches the current version; 428 when it is absent or empty. */
    static boolean matches(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired();
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return true;
        }
        String current = "\"" + currentVersion + "\"";
        for (String tag : value.split(",")) {
            if (tag.strip().equals(current)) {
                return true;
            }
        }
        return false;
    }

    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(of(version)).build();
    }

    public static Response created(URI location, Object body, long version) {
        return Response.created(location).entity(body).tag(of(version)).build();
    }
}
