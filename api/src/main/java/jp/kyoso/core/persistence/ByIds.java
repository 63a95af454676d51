package jp.kyoso.core.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.Session;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one way a page's related entities are loaded: all of them by id in one statement through the
 * primary key ({@code id = any(?)}, Hibernate's multi-load), skipping those the session already holds.
 * Not an HQL {@code id in ?1}, which is translated anew for every list, nor {@code array_contains},
 * which PostgreSQL answers with {@code @>} — a sequential scan (72 ms per matching request at 100,000
 * listings in bench/matching.sh).
 */
public final class ByIds {

    private ByIds() {
    }

    /** The entities of these ids that exist, by id. */
    public static <T> Map<UUID, T> load(Class<T> type, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        // findMultiple answers in the order of the ids, null where none exists.
        List<T> found = Panache.getEntityManager(type).unwrap(Session.class).findMultiple(type, distinct);
        Map<UUID, T> byId = new HashMap<>(distinct.size() * 2);
        for (int i = 0; i < distinct.size(); i++) {
            if (found.get(i) != null) {
                byId.put(distinct.get(i), found.get(i));
            }
        }
        return byId;
    }
}
