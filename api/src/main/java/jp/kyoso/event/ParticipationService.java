package jp.kyoso.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.web.Params;
import jp.kyoso.event.ParticipationDtos.AreaView;
import jp.kyoso.event.ParticipationDtos.CellView;
import jp.kyoso.event.ParticipationDtos.FiguresView;
import jp.kyoso.event.ParticipationDtos.KindView;
import jp.kyoso.event.ParticipationDtos.ParticipationView;
import jp.kyoso.event.ParticipationDtos.RatesView;
import jp.kyoso.event.ParticipationDtos.YearView;
import jp.kyoso.event.ParticipationFunnel.Figures;
import jp.kyoso.event.ParticipationFunnel.Row;
import jp.kyoso.event.ParticipationFunnel.Scope;
import jp.kyoso.municipality.Municipalities;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads the funnel's query parameters (each a 400 naming it when wrong) and shapes
 * {@link ParticipationFunnel}'s rows into fiscal years. Public: the figures are aggregates of
 * published events, whose registration counts are public already (docs/participation.md).
 */
@ApplicationScoped
public class ParticipationService {

    public static final int MAX_MONTHS = 120;

    @Inject
    ParticipationFunnel funnel;
    @Inject
    Municipalities municipalities;
    @Inject
    AreaService areas;
    @Inject
    FiscalYears fiscalYears;
    @Inject
    RequestLanguage language;

    public ParticipationView funnel(String code, String fiscalYearParam, String areaParam, String kindParam,
                                    String monthsParam) {
        municipalities.require(code);
        Integer fiscalYear = FiscalYear.param("fiscalYear", fiscalYearParam);
        UUID areaId = Params.uuid("area", areaParam);
        EventKind kind = Params.enumValue("kind", EventKind.class, kindParam);
        Label monthsExpected = Label.of("1〜" + MAX_MONTHS + " の整数（月数）を指定してください",
                "A number of months from 1 to " + MAX_MONTHS);
        Integer months = Params.integer("months", monthsParam, 1, monthsExpected);
        if (months != null && months > MAX_MONTHS) {
            throw Problems.invalidField("months", monthsExpected);
        }
        List<UUID> areaIds = areaId == null ? List.of() : areas.subtree(code, areaId);
        Scope scope = new Scope(fiscalYear, kind == null ? Set.of() : Set.of(kind), areaIds,
                months == null ? ParticipationFunnel.DEFAULT_MONTHS : months);
        Map<Integer, List<Row>> byYear = new TreeMap<>();
        for (Row row : funnel.rows(code, scope)) {
            byYear.computeIfAbsent(row.fiscalYear(), y -> new ArrayList<>()).add(row);
        }
        if (fiscalYear != null) {
            byYear.putIfAbsent(fiscalYear, List.of());
        }
        List<YearView> years = byYear.entrySet().stream().map(e -> year(e.getKey(), e.getValue())).toList();
        return new ParticipationView(code, fiscalYear, areaId, kind, scope.months(), years);
    }

    private YearView year(int fiscalYear, List<Row> rows) {
        FiguresView total = view(Figures.NONE);
        List<AreaView> byArea = new ArrayList<>();
        List<KindView> byKind = new ArrayList<>();
        List<CellView> cells = new ArrayList<>();
        for (Row r : rows) {
            FiguresView figures = view(r.figures());
            if (!r.byArea() && !r.byKind()) {
                total = figures;
            } else if (r.byArea() && !r.byKind()) {
                byArea.add(new AreaView(r.areaId(), r.areaName(), r.areaId() == null, r.population(), figures,
                        rates(r.figures(), r.population())));
            } else if (!r.byArea()) {
                byKind.add(new KindView(r.kind(), language.label(r.kind()), figures));
            } else {
                cells.add(new CellView(r.areaId(), r.kind(), language.label(r.kind()), figures));
            }
        }
        return new YearView(fiscalYear, fiscalYears.label(fiscalYear), total, byArea, byKind, cells);
    }

    private static FiguresView view(Figures f) {
        return new FiguresView(f.eventsHeld(), f.registrations(), f.attendees(), f.firstTimeAttendees(),
                f.repeatAttendees(), f.steppedUp(), f.walkIns(), f.headcount());
    }

    /** Per 1,000 residents, two decimals half-up; none without a population. */
    static RatesView rates(Figures f, Integer population) {
        if (population == null || population <= 0) {
            return null;
        }
        return new RatesView(per1000(f.registrations(), population), per1000(f.attendees(), population),
                per1000(f.firstTimeAttendees(), population), per1000(f.steppedUp(), population),
                per1000(f.headcount(), population));
    }

    static BigDecimal per1000(long count, int population) {
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(1000))
                .divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP);
    }
}
