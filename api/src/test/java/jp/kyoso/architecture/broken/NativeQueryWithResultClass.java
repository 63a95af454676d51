package jp.kyoso.architecture.broken;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/** Breaks "native queries take no result class" (for ArchitectureRulesCatchViolationsTest only). */
public class NativeQueryWithResultClass {

    EntityManager em;

    @SuppressWarnings("unchecked")
    List<UUID> ids() {
        return em.createNativeQuery("select id from organization", UUID.class).getResultList();
    }
}
