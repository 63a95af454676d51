package jp.kyoso.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kyoso.core.persistence.VersionedEntity;

/** A municipality's population projections as a whole: its version is their ETag. */
@Entity
@Table(name = "projection_book")
public class ProjectionBook extends VersionedEntity {

    @Id
    @Column(name = "municipality_code")
    public String municipalityCode;
}
