package jp.kyoso.core.persistence;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.MappedSuperclass;
import jp.kyoso.core.search.JapaneseText;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What people look for in a municipality — organisations, haves and needs, projects, events —
 * has the same bones: the municipality it belongs to, the areas it is for (none: city-wide), its
 * text folded and cut into bigrams for Japanese search ({@link JapaneseText}), who made it, and a
 * soft delete that keeps its history. Each table has these columns.
 */
@MappedSuperclass
public abstract class SearchableEntity extends VersionedEntity {

    @Column(name = "municipality_code")
    public String municipalityCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "area_ids")
    public UUID[] areaIds;

    // Written whenever the texts change, read only by SQL: never loaded with the row (hundreds of
    // bigrams per row would cost most of a search page's time to decode and snapshot).
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_text")
    public String searchText;

    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "search_grams")
    public String[] searchGrams;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Column(name = "created_by")
    public UUID createdBy;

    /** Keeps the folded text and the bigrams that search reads in step with the texts given. */
    protected void index(String... texts) {
        searchText = JapaneseText.foldAll(texts);
        searchGrams = JapaneseText.bigrams(searchText);
    }

    /** Deleted for everyone, kept for its history (audit log, matches and projects that name it). */
    public void markDeleted() {
        deletedAt = OffsetDateTime.now();
        updatedAt = deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
