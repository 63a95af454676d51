package jp.kyoso.core.persistence;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks for work that one instance at a time should do (a scheduled job on
 * several instances): the lock is held by the transaction and released when it ends, so a crash
 * never leaves it taken. Keys are fixed numbers, one per kind of work, named where they are used.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Takes the lock for the rest of the caller's transaction; false when another transaction holds it. */
    public static boolean tryForTransaction(EntityManager em, long key) {
        Object taken = em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, key)
                .getSingleResult();
        return Boolean.TRUE.equals(taken);
    }
}
