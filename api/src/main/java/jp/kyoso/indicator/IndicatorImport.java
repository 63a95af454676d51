package jp.kyoso.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.csv.CsvImportReport;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.core.web.Etags;
import jp.kyoso.indicator.IndicatorCsv.Figures;
import jp.kyoso.indicator.IndicatorCsv.Outcome;
import jp.kyoso.indicator.IndicatorCsv.Reconciliation;
import jp.kyoso.indicator.IndicatorCsv.YearChange;

import java.time.OffsetDateTime;
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

    @Transactional
    public CsvImportReport importCsv(UUID id, String ifMatch, byte[] body) {
        Indicator indicator = indicators.requireVisible(id);
        indicators.accessTo(indicator).requireEditor();
        Etags.lockAndCheck(ifMatch, indicator, indicator.version);
        Csv.Sheet sheet = Csv.read(body);
        List<IndicatorCsv.Row> rows = IndicatorCsv.parse(sheet, indicator.decimals);
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
        }
        return report;
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
