package jp.kyoso.core.security;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is staff of which municipality: the port through which {@link Access} checks it.
 * Implemented by the {@code municipality} feature, whose data it is.
 */
public interface StaffRoles {

    Optional<StaffRole> roleOf(String municipalityCode, UUID personId);
}
