package jp.kyoso.municipality;

import jakarta.enterprise.context.ApplicationScoped;
import jp.kyoso.core.security.StaffRole;
import jp.kyoso.core.security.StaffRoles;

import java.util.Optional;
import java.util.UUID;

/** Staff roles as the municipalities' own records hold them ({@link StaffMembership}). */
@ApplicationScoped
public class StaffMemberships implements StaffRoles {

    @Override
    public Optional<StaffRole> roleOf(String municipalityCode, UUID personId) {
        return Optional.ofNullable(StaffMembership.<StaffMembership>findById(new StaffMembership.Key(municipalityCode, personId)))
                .map(m -> m.role);
    }
}
