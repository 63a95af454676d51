package jp.kyoso.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kyoso.core.persistence.VersionedEntity;

/** A municipality's area statistics as a whole: its version is their ETag. */
@Entity
@Table(name = "statistics_book")
public class StatisticsBook extends VersionedEntity {

    @Id
    @Column(name = "municipality_code")
    public String municipalityCode;
}
