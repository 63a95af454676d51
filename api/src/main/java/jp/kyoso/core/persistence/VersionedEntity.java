package jp.kyoso.core.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/**
 * What every entity people edit has: a version for optimistic locking (its ETag; see
 * {@link jp.kyoso.core.web.Etags}) and when it was created and last changed. Each table has the
 * columns {@code version}, {@code created_at} and {@code updated_at}.
 */
@MappedSuperclass
public abstract class VersionedEntity extends PanacheEntityBase {

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Stamps a new entity as created (and last changed) now. */
    public void created() {
        createdAt = OffsetDateTime.now();
        updatedAt = createdAt;
    }

    /** Stamps a change as made now. */
    public void touch() {
        updatedAt = OffsetDateTime.now();
    }
}
