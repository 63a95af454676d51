package jp.kyoso.savedsearch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A person's listing or event search in one municipality, kept so that new items matching it are
 * announced. Never edited (a person deletes one and saves another), so it carries no version.
 */
@Entity
@Table(name = "saved_search")
public class SavedSearch extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Enumerated(EnumType.STRING)
    public SavedSearchTarget target;

    public String name;

    public String q;

    /** The folded terms of {@link #q}, as the search matches them. */
    @Column(name = "q_terms")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] qTerms;

    /** A listing kind (HAVE, NEED) or an event kind, by name. */
    public String kind;

    public String category;

    public String theme;

    @Column(name = "area_id")
    public UUID areaId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
