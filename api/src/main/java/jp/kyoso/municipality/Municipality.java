package jp.kyoso.municipality;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** 自治体: a municipality, the owner of all the data of its area. */
@Entity
@Table(name = "municipality")
public class Municipality extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "name_kana")
    public String nameKana;

    public String prefecture;

    @Enumerated(EnumType.STRING)
    @Column(name = "concept_term")
    public CoCreationTerm conceptTerm;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
