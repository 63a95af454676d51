package jp.kyoso.municipality;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.core.security.StaffRole;
import jp.kyoso.core.security.StaffRoles;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Staff roles as the municipalities' own records hold them ({@link StaffMembership}). */
@ApplicationScoped
public class StaffMemberships implements StaffRoles {

    @Inject EntityManager em;

    @Override
    public Optional<StaffRole> roleOf(String municipalityCode, UUID personId) {
        // Asked on most signed-in requests: a plain row, not an entity to track and check at commit.
        return ((List<?>) em.createNativeQuery("select role from staff_membership where municipality_code = ?1 and user_id = ?2")
                .setParameter(1, municipalityCode).setParameter(2, personId).getResultList()).stream()
                .findFirst().map(role -> StaffRole.valueOf((String) role));
    }
}
