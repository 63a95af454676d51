package jp.kyoso.architecture.broken;

import jakarta.persistence.EntityManager;
import jp.kyoso.organization.Organization;

import java.util.UUID;

/**
 * Breaks the resource rules: it queries with the EntityManager, calls an entity's finder and
 * returns the entity (for ArchitectureRulesCatchViolationsTest only; no JAX-RS annotation, so
 * the application never serves it).
 */
public class ThickResource {

    EntityManager em;

    public Organization get(UUID id) {
        em.flush();
        return Organization.findById(id);
    }
}
