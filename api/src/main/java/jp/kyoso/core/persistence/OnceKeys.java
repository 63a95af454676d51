package jp.kyoso.core.persistence;

import jakarta.persistence.EntityManager;

/**
 * Work done once per key across all instances and restarts (a reminder per registration and
 * period): {@link #claim} records the key in table {@code reminder_sent} in the caller's
 * transaction and answers whether this is the first time; if the transaction rolls back, so
 * does the claim.
 */
public final class OnceKeys {

    private OnceKeys() {
    }

    public static boolean claim(EntityManager em, String key) {
        return em.createNativeQuery("insert into reminder_sent (reminder_key) values (?1) on conflict do nothing")
                .setParameter(1, key).executeUpdate() == 1;
    }
}
