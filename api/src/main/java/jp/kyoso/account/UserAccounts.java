package jp.kyoso.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.core.persistence.ByIds;
import jp.kyoso.core.security.People;
import jp.kyoso.core.security.Person;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The people Kyoso knows, as {@link UserAccount}s. */
@ApplicationScoped
public class UserAccounts implements People {

    @Inject EntityManager em;

    @Override
    public Person signedIn(String issuer, String subject, String displayName, String email) {
        // Every signed-in request asks: read as a plain row, not an entity to track and check at commit.
        List<?> known = em.createNativeQuery("""
                        select id, display_name, email, last_seen_at > now() - interval '1 hour'
                        from app_user where issuer = ?1 and subject = ?2""")
                .setParameter(1, issuer).setParameter(2, subject).getResultList();
        if (!known.isEmpty() && known.getFirst() instanceof Object[] row && Objects.equals(row[1], displayName)
                && Objects.equals(row[2], email) && Boolean.TRUE.equals(row[3])) {
            return new Person((UUID) row[0], displayName, email);
        }
        // Insert or refresh in a transaction of its own: concurrent first calls of one
        // person meet at the unique (issuer, subject) key instead of failing.
        UUID id = QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery("""
                        insert into app_user (id, issuer, subject, display_name, email)
                        values (gen_random_uuid(), ?1, ?2, ?3, ?4)
                        on conflict (issuer, subject) do update
                           set display_name = excluded.display_name, email = excluded.email, last_seen_at = now()
                        returning id""")
                .setParameter(1, issuer).setParameter(2, subject).setParameter(3, displayName).setParameter(4, email)
                .getSingleResult());
        return new Person(id, displayName, email);
    }

    @Override
    public Optional<Person> find(UUID id) {
        return id == null ? Optional.empty() : UserAccount.<UserAccount>findByIdOptional(id).map(UserAccount::person);
    }

    @Override
    public Map<UUID, Person> find(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return ByIds.load(UserAccount.class, ids).values().stream()
                .collect(Collectors.toMap(u -> u.id, UserAccount::person));
    }

    @Override
    public Optional<Person> byEmail(String email) {
        return email == null ? Optional.empty() : UserAccount.<UserAccount>find("lower(email) = ?1", email.toLowerCase())
                .firstResultOptional().map(UserAccount::person);
    }
}
