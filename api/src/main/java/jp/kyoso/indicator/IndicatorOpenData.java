package jp.kyoso.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.indicator.IndicatorDtos.IndicatorView;
import jp.kyoso.indicator.IndicatorDtos.SeriesPoint;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A municipality's indicators as one open-data file (成果指標): per indicator and fiscal year with
 * a figure, its baseline, target and actual (a computed indicator's derived actuals included, the
 * running year left out as its page leaves it out). Only public indicators: the municipality's own
 * and those of published plans. The columns are documented in docs/open-data.md.
 */
@ApplicationScoped
public class IndicatorOpenData {

    /** The file's columns, in order. */
    public static final List<String> HEADER = List.of("都道府県コード又は市区町村コード", "指標ID", "指標名", "単位",
            "計画ID", "年度", "年度表示", "基準値", "目標値", "実績値");

    @Inject IndicatorViews views;

    /** The public indicators of a municipality, in their order. */
    public List<Indicator> published(String code) {
        return Indicator.list("municipalityCode = ?1 and (planId is null or planId in "
                + "(select p.id from Plan p where p.latestVersion is not null)) order by sortOrder, name, id", code);
    }

    /** The public indicator's view, or null when it is not public (a draft plan's). */
    public IndicatorView published(UUID id) {
        Indicator indicator = Indicator.findById(id);
        if (indicator == null || (indicator.planId != null && Indicator.count("id = ?1 and planId in "
                + "(select p.id from Plan p where p.latestVersion is not null)", id) == 0)) {
            return null;
        }
        return views.view(indicator);
    }

    public byte[] csv(String code) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (IndicatorView v : views.views(published(code))) {
            for (SeriesPoint p : v.series()) {
                if (p.baseline() == null && p.target() == null && p.actual() == null) {
                    continue;
                }
                rows.add(List.of(code, v.id().toString(), Csv.text(v.name()), Csv.text(v.unit()),
                        v.planId() == null ? "" : v.planId().toString(), String.valueOf(p.fiscalYear()),
                        FiscalYear.japanese(p.fiscalYear()), number(p.baseline()), number(p.target()),
                        number(p.actual())));
            }
        }
        return Csv.write(rows);
    }

    /** When the file last changed: the latest change of a public indicator or of its figures. */
    public OffsetDateTime modified(String code) {
        List<Indicator> list = published(code);
        OffsetDateTime latest = list.stream().map(i -> i.updatedAt).filter(Objects::nonNull)
                .max(OffsetDateTime::compareTo).orElse(null);
        if (list.isEmpty()) {
            return null;
        }
        OffsetDateTime values = IndicatorValue.<IndicatorValue>list("id.indicatorId in ?1",
                        list.stream().map(i -> i.id).toList()).stream().map(v -> v.updatedAt)
                .filter(Objects::nonNull).max(OffsetDateTime::compareTo).orElse(null);
        return values == null || (latest != null && latest.isAfter(values)) ? latest : values;
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
