package jp.kyoso.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.web.Etags;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.statistics.StatisticsDtos.ProjectionsView;
import jp.kyoso.statistics.StatisticsDtos.ProjectionsWrite;
import jp.kyoso.statistics.StatisticsDtos.ScenarioView;
import jp.kyoso.statistics.StatisticsDtos.ScenarioWrite;
import jp.kyoso.statistics.StatisticsDtos.ValueView;
import jp.kyoso.statistics.StatisticsDtos.ValueWrite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A municipality's named population projections: everyone reads, its staff replace them as a whole. */
@ApplicationScoped
public class ProjectionService {

    @Inject Municipalities municipalities;
    @Inject Access access;
    @Inject AuditLog audit;
    @Inject EntityManager em;

    public ProjectionsView get(String code) {
        municipalities.require(code);
        ProjectionBook book = ProjectionBook.findById(code);
        return new ProjectionsView(code, ProjectionScenario.ofMunicipality(code).stream().map(ProjectionService::view).toList(),
                book == null ? 0 : book.version, book == null ? null : book.updatedAt);
    }

    @Transactional
    public ProjectionsView replace(String code, String ifMatch, ProjectionsWrite write) {
        municipalities.require(code);
        access.requireStaff(code);
        em.createNativeQuery("insert into projection_book (municipality_code) values (?1) on conflict do nothing")
                .setParameter(1, code).executeUpdate();
        ProjectionBook book = ProjectionBook.findById(code);
        Etags.lockAndCheck(ifMatch, book, book.version);
        validate(write);
        List<ProjectionScenario> old = ProjectionScenario.ofMunicipality(code);
        List<ScenarioView> before = old.stream().map(ProjectionService::view).toList();
        old.forEach(ProjectionScenario::delete);
        em.flush();
        int position = 0;
        for (ScenarioWrite s : write.scenarios()) {
            ProjectionScenario p = new ProjectionScenario();
            p.id = UUID.randomUUID();
            p.municipalityCode = code;
            p.position = position++;
            p.name = s.name().strip();
            p.source = blankToNull(s.source());
            p.note = blankToNull(s.note());
            List<ValueWrite> values = new ArrayList<>(s.values());
            values.sort(Comparator.comparing(ValueWrite::year));
            p.years = values.stream().map(ValueWrite::year).toArray(Integer[]::new);
            p.amounts = values.stream().map(ValueWrite::value).toArray(BigDecimal[]::new);
            p.persist();
        }
        book.touch();
        em.flush();
        List<ScenarioView> after = ProjectionScenario.ofMunicipality(code).stream().map(ProjectionService::view).toList();
        audit.record(code, "statistics.projections.replace", "projections", code, before, after);
        return get(code);
    }

    private static void validate(ProjectionsWrite write) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < write.scenarios().size(); i++) {
            ScenarioWrite s = write.scenarios().get(i);
            if (!names.add(s.name().strip())) {
                throw Problems.invalidField("scenarios[" + i + "].name", Label.of("同じ名前の推計が二つあります",
                        "Two scenarios have this name"));
            }
            Set<Integer> years = new HashSet<>();
            for (int j = 0; j < s.values().size(); j++) {
                if (!years.add(s.values().get(j).year())) {
                    throw Problems.invalidField("scenarios[" + i + "].values[" + j + "].year",
                            Label.of("同じ年が二つあります", "The year appears twice"));
                }
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ScenarioView view(ProjectionScenario p) {
        List<ValueView> values = new ArrayList<>();
        for (int i = 0; i < p.years.length; i++) {
            values.add(new ValueView(p.years[i], p.amounts[i]));
        }
        return new ScenarioView(p.name, p.source, p.note, values);
    }
}
