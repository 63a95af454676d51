package jp.kyoso.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.organization.MyMemberships;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may broker (つなぐ) a match between two organisations they do not belong to: staff of the
 * municipality (and platform admins, who act as staff everywhere), and members of a 中間支援組織 of
 * the municipality that its staff approved as a coordinator ({@link Coordinator}).
 */
@ApplicationScoped
public class Brokers {

    /** The capacity a broker acts in: for a coordinator organisation, or (null) as staff. */
    public record Broker(UUID organizationId) {
    }

    @Inject Access access;
    @Inject CurrentUser currentUser;
    @Inject MyMemberships memberships;

    /** How the caller may broker in this municipality, if at all (staff first). */
    public Optional<Broker> of(String municipalityCode) {
        if (!currentUser.isAuthenticated()) {
            return Optional.empty();
        }
        if (access.isStaff(municipalityCode)) {
            return Optional.of(new Broker(null));
        }
        return myCoordinators(municipalityCode).stream().findFirst().map(Broker::new);
    }

    /** The approved coordinator organisations of the municipality the caller is a member of. */
    public List<UUID> myCoordinators(String municipalityCode) {
        if (!currentUser.isAuthenticated()) {
            return List.of();
        }
        return Coordinator.<Coordinator>list("municipalityCode = ?1 order by approvedAt, organizationId",
                        municipalityCode).stream()
                .map(c -> c.organizationId)
                .filter(id -> memberships.roleIn(id).isPresent())
                .toList();
    }

    /** Whether the caller brokered this match or acts for the same broker (its coordinator, or staff). */
    public boolean isBrokerOf(Match match) {
        if (!match.isBrokered() || !currentUser.isAuthenticated()) {
            return false;
        }
        if (match.brokerId.equals(currentUser.id().orElse(null))) {
            return true;
        }
        return match.brokerOrganizationId == null ? access.isStaff(match.municipalityCode)
                : memberships.roleIn(match.brokerOrganizationId).isPresent();
    }
}
