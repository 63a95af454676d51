package jp.kyoso.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.area.Area;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.csv.CsvImportReport;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.web.Etags;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.municipality.Municipality;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a 地域・年齢別人口 file, all or nothing: {@link StatisticsCsvReader} reads it (every bad cell
 * rejects it); each survey date the file holds is then replaced by the file's rows for that date
 * (an area the file leaves out of that date is removed), and other dates are kept, so a city
 * adds one year's file at a time. Staff of the municipality; If-Match is the statistics' ETag.
 */
@ApplicationScoped
public class StatisticsImport {

    @Inject Municipalities municipalities;
    @Inject Access access;
    @Inject AuditLog audit;
    @Inject EntityManager em;

    @Transactional
    public CsvImportReport importCsv(String code, String ifMatch, byte[] body) {
        Municipality m = municipalities.require(code);
        access.requireStaff(code);
        StatisticsBook book = book(em, code);
        Etags.lockAndCheck(ifMatch, book, book.version);
        Csv.Sheet sheet = Csv.read(body);
        List<AreaStatistic> stored = AreaStatistic.ofMunicipality(code);
        Map<String, UUID> codes = new HashMap<>();
        stored.stream().filter(s -> s.areaCode != null && s.areaId != null).forEach(s -> codes.put(s.areaCode, s.areaId));
        List<StatisticsCsvReader.Row> rows = StatisticsCsvReader.parse(sheet,
                new StatisticsCsvReader.Target(code, m.name, Area.ofMunicipality(code), codes));
        Set<LocalDate> dates = new HashSet<>();
        rows.forEach(r -> dates.add(r.surveyDate()));
        Map<String, AreaStatistic> existing = new HashMap<>();
        stored.stream().filter(s -> dates.contains(s.surveyDate)).forEach(s -> existing.put(key(s.areaId, s.surveyDate), s));
        List<Map<String, Object>> before = existing.values().stream().map(StatisticsViews::auditState).toList();
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        Set<String> kept = new HashSet<>();
        for (StatisticsCsvReader.Row r : rows) {
            String key = key(r.areaId(), r.surveyDate());
            kept.add(key);
            AreaStatistic s = existing.get(key);
            if (s != null && r.sameAs(s)) {
                unchanged++;
                continue;
            }
            if (s == null) {
                s = new AreaStatistic();
                s.id = UUID.randomUUID();
                s.municipalityCode = code;
                s.areaId = r.areaId();
                s.surveyDate = r.surveyDate();
                s.createdAt = OffsetDateTime.now();
                created++;
            } else {
                changed++;
            }
            s.areaCode = r.areaCode();
            s.population = r.population();
            s.male = r.male();
            s.female = r.female();
            s.maleBands = r.maleBands();
            s.femaleBands = r.femaleBands();
            s.households = r.households();
            s.note = r.note();
            s.persist();
        }
        int deleted = 0;
        for (Map.Entry<String, AreaStatistic> e : existing.entrySet()) {
            if (!kept.contains(e.getKey())) {
                e.getValue().delete();
                deleted++;
            }
        }
        CsvImportReport report = new CsvImportReport(rows.size(), created, changed, deleted, unchanged,
                sheet.charsetName());
        if (created + changed + deleted > 0) {
            book.touch();
            em.flush();
            audit.record(code, "statistics.import", "statistics", code, before,
                    Map.of("values", AreaStatistic.ofMunicipality(code).stream().filter(s -> dates.contains(s.surveyDate))
                            .map(StatisticsViews::auditState).toList(), "report", report));
        }
        return report;
    }

    private static String key(UUID areaId, LocalDate date) {
        return areaId + "|" + date;
    }

    /** The municipality's book row, made on first use (two first writers meet on the primary key, not twice). */
    static StatisticsBook book(EntityManager em, String code) {
        em.createNativeQuery("insert into statistics_book (municipality_code) values (?1) on conflict do nothing")
                .setParameter(1, code).executeUpdate();
        return StatisticsBook.findById(code);
    }
}
