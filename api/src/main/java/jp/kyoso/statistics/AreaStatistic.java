package jp.kyoso.statistics;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The figures of one area (or the whole municipality, {@code areaId} null) at one survey date. */
@Entity
@Table(name = "area_statistic")
public class AreaStatistic extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Column(name = "area_id")
    public UUID areaId;

    @Column(name = "area_code")
    public String areaCode;

    @Column(name = "survey_date")
    public LocalDate surveyDate;

    public int population;

    public Integer male;

    public Integer female;

    @Column(name = "male_bands")
    public Integer[] maleBands;

    @Column(name = "female_bands")
    public Integer[] femaleBands;

    public Integer households;

    public String note;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static List<AreaStatistic> ofMunicipality(String code) {
        return list("municipalityCode = ?1 order by surveyDate", code);
    }

    public static List<AreaStatistic> ofArea(UUID areaId) {
        return list("areaId = ?1 order by surveyDate", areaId);
    }
}
