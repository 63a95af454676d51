package jp.kyoso.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.area.Area;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.municipality.Municipality;
import jp.kyoso.statistics.StatisticsDtos.AreaStatisticsView;
import jp.kyoso.statistics.StatisticsDtos.BandView;
import jp.kyoso.statistics.StatisticsDtos.MunicipalityStatisticsView;
import jp.kyoso.statistics.StatisticsDtos.StatisticView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** Reads of the area statistics: an area's series, the municipality's, and the standard CSV. Everyone reads. */
@ApplicationScoped
public class StatisticsViews {

    @Inject Municipalities municipalities;
    @Inject AreaService areas;

    public AreaStatisticsView area(UUID id) {
        Area area = areas.require(id);
        List<StatisticView> series = AreaStatistic.ofArea(id).stream().map(s -> view(s, area.name)).toList();
        return new AreaStatisticsView(area.id, area.name, area.municipalityCode, series);
    }

    public MunicipalityStatisticsView municipality(String code) {
        Municipality m = municipalities.require(code);
        List<AreaStatistic> all = AreaStatistic.ofMunicipality(code);
        List<Area> tree = Area.ofMunicipality(code);
        Map<UUID, Area> byId = new HashMap<>();
        tree.forEach(a -> byId.put(a.id, a));
        Map<UUID, AreaStatistic> latest = new LinkedHashMap<>();
        List<StatisticView> series = new ArrayList<>();
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (AreaStatistic s : all) {
            dates.add(s.surveyDate);
            if (s.areaId == null) {
                series.add(view(s, m.name));
            } else {
                latest.put(s.areaId, s);
            }
        }
        List<StatisticView> areaViews = tree.stream().filter(a -> latest.containsKey(a.id))
                .map(a -> view(latest.get(a.id), a.name)).toList();
        StatisticsBook book = StatisticsBook.findById(code);
        return new MunicipalityStatisticsView(code, series, areaViews, List.copyOf(dates),
                book == null ? 0 : book.version, book == null ? null : book.updatedAt);
    }

    public long version(String code) {
        StatisticsBook book = StatisticsBook.findById(code);
        return book == null ? 0 : book.version;
    }

    /** The standard's file of every stored figure: by survey date, the whole first, then the areas in order. */
    public byte[] csv(String code) {
        Municipality m = municipalities.require(code);
        List<Area> tree = Area.ofMunicipality(code);
        Map<UUID, String> names = new HashMap<>();
        Map<UUID, Integer> order = new HashMap<>();
        for (Area a : tree) {
            names.put(a.id, a.name);
            order.put(a.id, order.size());
        }
        List<AreaStatistic> stats = new ArrayList<>(AreaStatistic.ofMunicipality(code));
        stats.sort(Comparator.comparing((AreaStatistic s) -> s.surveyDate)
                .thenComparingInt(s -> s.areaId == null ? -1 : order.getOrDefault(s.areaId, Integer.MAX_VALUE)));
        return Csv.write(StatisticsCsvWriter.export(code, m.prefecture, m.name, stats, names));
    }

    static StatisticView view(AreaStatistic s, String name) {
        List<BandView> bands = new ArrayList<>();
        if (s.maleBands != null || s.femaleBands != null) {
            for (int i = 0; i < AgeBands.COUNT; i++) {
                bands.add(new BandView(AgeBands.key(i), AgeBands.label(i), s.maleBands == null ? null : s.maleBands[i],
                        s.femaleBands == null ? null : s.femaleBands[i]));
            }
        }
        return new StatisticView(s.areaId, s.areaCode, name, s.surveyDate, s.population, s.male, s.female,
                s.households, AgeBands.aged65Share(s.maleBands, s.femaleBands), bands, s.note);
    }

    /** The audit form of a figure. */
    static Map<String, Object> auditState(AreaStatistic s) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("areaId", s.areaId);
        state.put("areaCode", s.areaCode);
        state.put("surveyDate", s.surveyDate);
        state.put("population", s.population);
        state.put("male", s.male);
        state.put("female", s.female);
        state.put("maleBands", s.maleBands == null ? null : List.of(s.maleBands));
        state.put("femaleBands", s.femaleBands == null ? null : List.of(s.femaleBands));
        state.put("households", s.households);
        state.put("note", s.note);
        return state;
    }
}
