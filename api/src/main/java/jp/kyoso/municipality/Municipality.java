package jp.kyoso.municipality;

import jp.kyoso.core.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 自治体: a municipality, the owner of all the data of its area. */
@Entity
@Table(name = "municipality")
public class Municipality extends VersionedEntity {

    @Id
    public String code;

    public String name;

    @Column(name = "name_kana")
    public String nameKana;

    public String prefecture;

    @Enumerated(EnumType.STRING)
    @Column(name = "concept_term")
    public CoCreationTerm conceptTerm;
}
