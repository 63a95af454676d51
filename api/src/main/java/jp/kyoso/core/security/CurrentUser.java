package jp.kyoso.core.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.core.problem.Problems;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The person behind the current request. The token proves who they are and whether they hold
 * the platform {@code admin} role; everything else (staff and organisation roles) is Kyoso's
 * own data. Their user record is created on their first call and kept in step with the token.
 */
@RequestScoped
public class CurrentUser {

    public static final String ADMIN_ROLE = "admin";

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    private UserAccount account;
    private final Map<String, Optional<StaffRole>> staffRoles = new HashMap<>();

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public boolean isAdmin() {
        return isAuthenticated() && identity.hasRole(ADMIN_ROLE);
    }

    /** The signed-in user's record; 401 for anonymous requests. */
    public UserAccount require() {
        if (!isAuthenticated()) {
            throw Problems.unauthorized();
        }
        if (account == null) {
            account = findOrRegister();
        }
        return account;
    }

    public Optional<UserAccount> get() {
        return isAuthenticated() ? Optional.of(require()) : Optional.empty();
    }

    public Optional<UUID> id() {
        return get().map(a -> a.id);
    }

    /** The user's staff role in a municipality, if any (admins hold none by right). */
    public Optional<StaffRole> staffRole(String municipalityCode) {
        if (!isAuthenticated()) {
            return Optional.empty();
        }
        return staffRoles.computeIfAbsent(municipalityCode, code -> Optional
                .ofNullable(StaffMembership.<StaffMembership>findById(new StaffMembership.Key(code, require().id)))
                .map(m -> m.role));
    }

    private UserAccount findOrRegister() {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        String issuer = token.getIssuer();
        String subject = token.getSubject();
        String name = firstNonBlank(token.getClaim("name"), token.getClaim("preferred_username"));
        String email = token.getClaim("email");
        UserAccount existing = UserAccount.find("issuer = ?1 and subject = ?2", issuer, subject).firstResult();
        if (existing != null && Objects.equals(existing.displayName, name) && Objects.equals(existing.email, email)
                && existing.lastSeenAt.isAfter(OffsetDateTime.now().minusHours(1))) {
            return existing;
        }
        // Insert or refresh in a transaction of its own: concurrent first calls of one
        // user meet at the unique (issuer, subject) key instead of failing.
        UUID id = QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery("""
                        insert into app_user (id, issuer, subject, display_name, email)
                        values (gen_random_uuid(), ?1, ?2, ?3, ?4)
                        on conflict (issuer, subject) do update
                           set display_name = excluded.display_name, email = excluded.email, last_seen_at = now()
                        returning id""", UUID.class)
                .setParameter(1, issuer).setParameter(2, subject).setParameter(3, name).setParameter(4, email)
                .getSingleResult());
        if (existing != null) {
            em.detach(existing);
        }
        return UserAccount.findById(id);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
