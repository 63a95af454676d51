package jp.kyoso.core.security;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is who: the port through which features find people and through which a person's first
 * call registers them. Implemented by the {@code account} feature, so that no feature (and not
 * {@code core}) needs its entity.
 */
public interface People {

    /** The person a token names (issuer and subject), registered on their first call and kept in step with the token. */
    Person signedIn(String issuer, String subject, String displayName, String email);

    Optional<Person> find(UUID id);

    /** Those of {@code ids} who exist, by id. */
    Map<UUID, Person> find(Collection<UUID> ids);

    /** The person with that e-mail address (case-insensitive), if any. */
    Optional<Person> byEmail(String email);
}
