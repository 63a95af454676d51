package jp.kyoso.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.integration.DomainEvents;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.csv.CsvImportReport;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.core.web.Etags;
import jp.kyoso.indicator.IndicatorCsv.Figures;
import jp.kyoso.indicator.IndicatorCsv.Outcome;
import jp.kyoso.indicator.IndicatorCsv.Reconciliation;
import jp.kyoso.indicator.IndicatorCsv.YearChange;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Replaces an indicator's figures with an uploaded file's, all or nothing: {@link IndicatorCsv}
 * reads the file (every bad cell rejects it) and says what it means against the current figures;
 * this writes that and records it.
 */
@ApplicationScoped
public class IndicatorImport {

    @Inject Indicators indicators;
    @Inject CurrentUser currentUser;
    @Inject AuditLog audit;
    @Inject DomainEvents domainEvents;
    @Inject DerivedActuals derived;

    @Transactional
    public CsvImportReport importCsv(UUID id, String ifMatch, byte[] body) {
        Indicator indicator = indicators.requireVisible(id);
        indicators.accessTo(indicator).requireEditor();
        Etags.lockAndCheck(ifMatch, indicator, indicator.version);
        Csv.Sheet sheet = Csv.read(body);
        List<IndicatorCsv.Row> rows = withoutDerivedActuals(indicator, IndicatorCsv.parse(sheet, indicator.decimals));
        Map<Integer, IndicatorValue> stored = new LinkedHashMap<>();
        IndicatorValue.of(indicator.id).forEach(v -> stored.put(v.id.fiscalYear(), v));
        List<Map<String, Object>> before = stored.values().stream().map(IndicatorViews::auditState).toList();
        Reconciliation plan = IndicatorCsv.reconcile(rows,
                stored.values().stream().map(IndicatorImport::figures).toList());
        // Removals and dropped baselines are written first: one year at most holds the baseline (a
        // unique index), so moving it to another year must never meet the old one.
        for (YearChange year : plan.years()) {
            if (year.outcome() == Outcome.DELETED) {
                stored.get(year.fiscalYear()).delete();
            } else if (year.dropsBaseline()) {
                stored.get(year.fiscalYear()).baseline = null;
            }
        }
        IndicatorValue.flush();
        UUID by = currentUser.id().orElse(null);
        for (YearChange year : plan.years()) {
            if (year.outcome() == Outcome.CREATED || year.outcome() == Outcome.CHANGED) {
                IndicatorValue v = stored.get(year.fiscalYear());
                if (v == null) {
                    v = new IndicatorValue();
                    v.id = new IndicatorValue.Key(indicator.id, year.fiscalYear());
                }
                write(v, year.after());
                v.updatedBy = by;
                v.updatedAt = OffsetDateTime.now();
                v.persist();
            }
        }
        CsvImportReport report = new CsvImportReport(rows.size(), plan.count(Outcome.CREATED),
                plan.count(Outcome.CHANGED), plan.count(Outcome.DELETED), plan.count(Outcome.UNCHANGED),
                sheet.charsetName());
        if (plan.changesAnything()) {
            indicator.touch();
            indicator.persistAndFlush();
            audit.record(indicator.municipalityCode, "indicator.values.import", "indicator", indicator.id, before,
                    Map.of("values", IndicatorValue.of(indicator.id).stream().map(IndicatorViews::auditState).toList(),
                            "report", report));
            IndicatorEvents.valuesChanged(domainEvents, indicator, plan.years().stream()
                    .filter(y -> y.outcome() != Outcome.UNCHANGED).map(YearChange::fiscalYear).toList());
        }
        return report;
    }

    /**
     * A computed indicator's actuals are derived: a file may carry them as exported (they are left
     * alone), but an actual that differs from the derived one is refused, naming its row.
     */
    private List<IndicatorCsv.Row> withoutDerivedActuals(Indicator indicator, List<IndicatorCsv.Row> rows) {
        if (!indicator.isComputed()) {
            return rows;
        }
        Map<Integer, BigDecimal> actuals = derived.of(indicator);
        List<IndicatorCsv.Row> kept = new ArrayList<>();
        for (IndicatorCsv.Row row : rows) {
            BigDecimal actual = (BigDecimal) row.fields().get(IndicatorCsv.ACTUAL);
            BigDecimal derivedActual = actuals.get(row.fiscalYear());
            if (actual != null && (derivedActual == null || actual.compareTo(derivedActual) != 0)) {
                throw Problems.conflict(Label.of(row.number() + " 行目: この指標の実績値は Kyoso の記録から集計されるため入力できません"
                                + "（実績値の列は空にするか、書き出したままにしてください）",
                        "Row " + row.number() + ": this indicator's actuals are computed from Kyoso's records and cannot "
                                + "be typed (leave the actual column empty or as exported)"));
            }
            Map<String, Object> fields = new LinkedHashMap<>(row.fields());
            fields.remove(IndicatorCsv.ACTUAL);
            kept.add(new IndicatorCsv.Row(row.number(), row.fiscalYear(), fields));
        }
        return kept;
    }

    private static Figures figures(IndicatorValue v) {
        return new Figures(v.id.fiscalYear(), v.baseline, v.target, v.actual, v.note, v.sourceDate);
    }

    private static void write(IndicatorValue v, Figures f) {
        v.baseline = f.baseline();
        v.target = f.target();
        v.actual = f.actual();
        v.note = f.note();
        v.sourceDate = f.sourceDate();
    }
}
