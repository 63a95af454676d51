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
 * The one way a page's related entities are loaded: all of them by id in one statement
 * ({@code id = any(?)}: one query text for any number of ids, translated once — an HQL
 * {@code id in ?1} is translated anew for every list).
 */
public final class ByIds {

    private ByIds() {
    }

    /** The entities of these ids that exist, by id. */
    public static <T> Map<UUID, T> load(Class<T> type, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Session session = Panache.getEntityManager(type).unwrap(Session.class);
        // One HQL text per entity: its translation is cached, whatever the number of ids.
        List<T> found = session.createSelectionQuery("from " + session.getMetamodel().entity(type).getName()
                        + " e where array_contains(?1, e.id)", type)
                .setParameter(1, new LinkedHashSet<>(ids).toArray(UUID[]::new))
                .getResultList();
        Map<UUID, T> byId = new HashMap<>(found.size() * 2);
        for (T entity : found) {
            byId.put((UUID) session.getIdentifier(entity), entity);
        }
        return byId;
    }
}
