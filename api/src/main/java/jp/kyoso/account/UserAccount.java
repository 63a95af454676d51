package jp.kyoso.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kyoso.core.security.Person;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A person known to Kyoso: created on their first authenticated call from the token's issuer
 * and subject. Name and e-mail are personal data, shown only where a rule allows it.
 */
@Entity
@Table(name = "app_user")
public class UserAccount extends PanacheEntityBase {

    public Person person() {
        return new Person(id, displayName, email);
    }

    @Id
    public UUID id;

    public String issuer;

    public String subject;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;
}
