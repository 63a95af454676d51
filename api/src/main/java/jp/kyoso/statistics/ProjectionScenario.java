package jp.kyoso.statistics;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A named population projection (推計・展望) of a municipality: yearly values with a source and a note. */
@Entity
@Table(name = "projection_scenario")
public class ProjectionScenario extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "municipality_code")
    public String municipalityCode;

    public int position;

    public String name;

    public String source;

    public String note;

    public Integer[] years;

    public BigDecimal[] amounts;

    public static List<ProjectionScenario> ofMunicipality(String code) {
        return list("municipalityCode = ?1 order by position", code);
    }
}
