package jp.kyoso.organization;

import jp.kyoso.core.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.search.JapaneseText;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** 主体・団体: an organisation of a municipality, with its public profile and its lifecycle. */
@Entity
@Table(name = "organization")
public class Organization extends VersionedEntity {

    @Id
    public UUID id;

    @Column(name = "municipality_code")
    public String municipalityCode;

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

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "area_ids")
    public UUID[] areaIds;

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

    @Column(name = "search_text")
    public String searchText;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "search_grams")
    public String[] searchGrams;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Column(name = "created_by")
    public UUID createdBy;

    public boolean isActive() {
        return status == OrganizationStatus.ACTIVE && deletedAt == null;
    }

    /** Keeps the folded text and bigrams that Japanese search reads in step with the profile. */
    public void reindex() {
        searchText = JapaneseText.foldAll(name, nameKana, description);
        searchGrams = JapaneseText.bigrams(searchText);
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

    public void markDeleted() {
        deletedAt = OffsetDateTime.now();
        updatedAt = deletedAt;
    }

    private void transition(OrganizationStatus from, OrganizationStatus to, Label refusal) {
        if (status != from) {
            throw Problems.conflict(refusal);
        }
        status = to;
        updatedAt = OffsetDateTime.now();
    }
}
