package jp.kyoso.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.area.Area;
import jp.kyoso.statistics.AreaStatistic;
import jp.kyoso.statistics.ProjectionScenario;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The demo area statistics ({@code demo/statistics.json}): three survey dates of population by
 * sex and age band for every demo area (illustrative figures, as their notes say) and
 * 山陽小野田市 as a whole, and 山陽小野田市's three projections to 2060 from its guideline
 * (社人研推計, 県展望準拠, 本市の展望). A municipality gets them only while it has none.
 */
@ApplicationScoped
public class StatisticsDemoDataLoader {

    private static final Logger LOG = Logger.getLogger(StatisticsDemoDataLoader.class);

    record DemoStatistic(String municipalityCode, UUID areaId, LocalDate surveyDate, int population, Integer male,
                         Integer female, Integer[] maleBands, Integer[] femaleBands, Integer households, String note) {
    }

    record DemoValue(int year, BigDecimal value) {
    }

    record DemoScenario(String name, String source, String note, List<DemoValue> values) {
    }

    record DemoProjections(String municipalityCode, List<DemoScenario> scenarios) {
    }

    record Demo(List<DemoStatistic> statistics, List<DemoProjections> projections) {
    }

    @Inject EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void load() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Demo demo;
        try (InputStream in = StatisticsDemoDataLoader.class.getResourceAsStream("/demo/statistics.json")) {
            demo = json.readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read /demo/statistics.json", e);
        }
        int added = 0;
        Set<String> had = new HashSet<>();
        demo.statistics().stream().map(DemoStatistic::municipalityCode).distinct()
                .filter(code -> AreaStatistic.count("municipalityCode", code) > 0).forEach(had::add);
        for (DemoStatistic d : demo.statistics()) {
            if (had.contains(d.municipalityCode()) || d.areaId() != null && Area.findById(d.areaId()) == null) {
                continue;
            }
            AreaStatistic s = new AreaStatistic();
            s.id = UUID.randomUUID();
            s.municipalityCode = d.municipalityCode();
            s.areaId = d.areaId();
            s.surveyDate = d.surveyDate();
            s.population = d.population();
            s.male = d.male();
            s.female = d.female();
            s.maleBands = d.maleBands();
            s.femaleBands = d.femaleBands();
            s.households = d.households();
            s.note = d.note();
            s.createdAt = OffsetDateTime.now();
            s.persist();
            added++;
        }
        em.flush();
        for (DemoProjections p : demo.projections()) {
            if (ProjectionScenario.count("municipalityCode", p.municipalityCode()) > 0) {
                continue;
            }
            int position = 0;
            for (DemoScenario d : p.scenarios()) {
                ProjectionScenario s = new ProjectionScenario();
                s.id = UUID.randomUUID();
                s.municipalityCode = p.municipalityCode();
                s.position = position++;
                s.name = d.name();
                s.source = d.source();
                s.note = d.note();
                s.years = d.values().stream().map(DemoValue::year).toArray(Integer[]::new);
                s.amounts = d.values().stream().map(DemoValue::value).toArray(BigDecimal[]::new);
                s.persist();
                added++;
            }
        }
        LOG.infof("Demo area statistics and projections: %d added", added);
    }
}
