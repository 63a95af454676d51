package jp.kyoso.organization;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.core.security.CurrentUser;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The current user's organisation roles, read once per request: a page of organisations
 * then needs no query per row to decide what the caller may see.
 */
@RequestScoped
public class MyMemberships {

    @Inject CurrentUser currentUser;
    @Inject EntityManager em;

    private Map<UUID, MemberRole> roles;

    public Optional<MemberRole> roleIn(UUID organizationId) {
        return Optional.ofNullable(roles().get(organizationId));
    }

    /** The organisations the caller is a member of (none when signed out). */
    public List<UUID> organizationIds() {
        return List.copyOf(roles().keySet());
    }

    private Map<UUID, MemberRole> roles() {
        if (roles == null) {
            // Read on most signed-in requests: plain rows, not entities to track and check at commit.
            roles = currentUser.id()
                    .map(uid -> ((List<?>) em.createNativeQuery(
                                    "select organization_id, role from organization_membership where user_id = ?1")
                            .setParameter(1, uid).getResultList()).stream()
                            .map(Object[].class::cast)
                            .collect(Collectors.toMap(r -> (UUID) r[0], r -> MemberRole.valueOf((String) r[1]))))
                    .orElse(Map.of());
        }
        return roles;
    }

    /** Forget what was read after this request changed memberships. */
    public void refresh() {
        roles = null;
    }
}
