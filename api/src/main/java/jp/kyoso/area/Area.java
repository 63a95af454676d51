package jp.kyoso.area;

import jp.kyoso.core.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** 地域: a node of a municipality's area tree, with the first figures of its area profile. */
@Entity
@Table(name = "area")
public class Area extends VersionedEntity {

    @Id
    public UUID id;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Column(name = "parent_id")
    public UUID parentId;

    @Enumerated(EnumType.STRING)
    public AreaKind kind;

    public String name;

    @Column(name = "name_kana")
    public String nameKana;

    public Integer population;

    @Column(name = "aged65_share")
    public BigDecimal aged65Share;

    public Integer households;

    @Column(name = "profile_as_of")
    public LocalDate profileAsOf;

    @Column(name = "sort_order")
    public int sortOrder;

    public static List<Area> ofMunicipality(String code) {
        return list("municipalityCode = ?1 order by sortOrder, name", code);
    }
}
