package jp.kyoso.organization;

import jp.kyoso.core.persistence.SearchableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** 主体・団体: an organisation of a municipality, with its public profile and its lifecycle. */
@Entity
@Table(name = "organization")
public class Organization extends SearchableEntity {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public OrganizationType type;

    @Enumerated(EnumType.STRING)
    public Bond bond;

    public String name;

    @Column(name = "name_kana")
    public String nameKana;

    public String description;

    public String website;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] themes;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    /** Published contact fields: everyone sees them. Unpublished ones only insiders see. */
    @Column(name = "contact_name_public")
    public boolean contactNamePublic;

    @Column(name = "contact_email_public")
    public boolean contactEmailPublic;

    @Column(name = "contact_phone_public")
    public boolean contactPhonePublic;

    @Enumerated(EnumType.STRING)
    public OrganizationStatus status;

    public boolean isActive() {
        return status == OrganizationStatus.ACTIVE && deletedAt == null;
    }

    /** Keeps the folded text and bigrams that Japanese search reads in step with the profile. */
    public void reindex() {
        index(name, nameKana, description);
    }

    public void approve() {
        transition(OrganizationStatus.PENDING, OrganizationStatus.ACTIVE,
                Label.of("承認待ちの団体だけを承認できます", "Only a pending organisation can be approved"));
    }

    public void suspend() {
        transition(OrganizationStatus.ACTIVE, OrganizationStatus.SUSPENDED,
                Label.of("公開中の団体だけを停止できます", "Only an active organisation can be suspended"));
    }

    public void reinstate() {
        transition(OrganizationStatus.SUSPENDED, OrganizationStatus.ACTIVE,
                Label.of("停止中の団体だけを再開できます", "Only a suspended organisation can be reinstated"));
    }

    private void transition(OrganizationStatus from, OrganizationStatus to, Label refusal) {
        if (status != from) {
            throw Problems.conflict(refusal);
        }
        status = to;
        updatedAt = OffsetDateTime.now();
    }
}
