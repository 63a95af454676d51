package jp.kyoso.core.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.problem.Problems;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The person behind the current request. The token proves who they are and whether they hold
 * the platform {@code admin} role; everything else (staff and organisation roles) is Kyoso's
 * own data. They are registered on their first call and kept in step with the token
 * ({@link People}).
 */
@RequestScoped
public class CurrentUser {

    public static final String ADMIN_ROLE = "admin";

    @Inject SecurityIdentity identity;
    @Inject People people;
    @Inject StaffRoles staff;

    private Person person;
    private final Map<String, Optional<StaffRole>> staffRoles = new HashMap<>();

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public boolean isAdmin() {
        return isAuthenticated() && identity.hasRole(ADMIN_ROLE);
    }

    /** The signed-in person; 401 for anonymous requests. */
    public Person require() {
        if (!isAuthenticated()) {
            throw Problems.unauthorized();
        }
        if (person == null) {
            JsonWebToken token = (JsonWebToken) identity.getPrincipal();
            person = people.signedIn(token.getIssuer(), token.getSubject(),
                    firstNonBlank(token.getClaim("name"), token.getClaim("preferred_username")), token.getClaim("email"));
        }
        return person;
    }

    public Optional<Person> get() {
        return isAuthenticated() ? Optional.of(require()) : Optional.empty();
    }

    public Optional<UUID> id() {
        return get().map(Person::id);
    }

    /** The person's staff role in a municipality, if any (admins hold none by right). */
    public Optional<StaffRole> staffRole(String municipalityCode) {
        if (!isAuthenticated()) {
            return Optional.empty();
        }
        return staffRoles.computeIfAbsent(municipalityCode, code -> staff.roleOf(code, require().id()));
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
