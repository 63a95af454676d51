package jp.kyoso.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.fiscal.FiscalYear;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The progress tables of a municipality's published plans as one open-data file (計画の進捗): for
 * each plan (its latest published version), each fiscal year of its span and the whole plan, then
 * each item in tree order, the leaf items counted and how many are in each status. Drafts never
 * appear. The columns are documented in docs/open-data.md.
 */
@ApplicationScoped
public class PlanOpenData {

    /** The whole plan's row names no item. */
    public static final String WHOLE_PLAN = "計画全体";

    /** The file's columns, in order. */
    public static final List<String> HEADER;

    static {
        List<String> header = new ArrayList<>(List.of("都道府県コード又は市区町村コード", "計画ID", "計画名", "版",
                "年度", "年度表示", "項目コード", "項目名", "階層", "対象項目数"));
        for (ItemStatus s : ItemStatus.values()) {
            header.add(s.label().ja());
        }
        header.add(ItemStatus.DONE.label().ja() + "の割合(%)");
        HEADER = List.copyOf(header);
    }

    @Inject PublishedPlans plans;

    public byte[] csv(String code) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (PlanContent c : plans.of(code, null)) {
            rows.addAll(rows(code, c));
        }
        return Csv.write(rows);
    }

    /** The rows of one plan's content: every fiscal year of its span, the whole plan first. */
    static List<List<String>> rows(String code, PlanContent c) {
        List<List<String>> rows = new ArrayList<>();
        for (PlanProgress.Year y : PlanProgress.series(c.tree(), c.startFiscalYear(), c.endFiscalYear())) {
            rows.add(row(code, c, y.fiscalYear(), "", WHOLE_PLAN, 0, y.overall()));
            for (PlanTree.Node n : c.tree().nodes()) {
                rows.add(row(code, c, y.fiscalYear(), n.item().code(), n.item().title(), n.depth() + 1,
                        y.nodes().get(n.id())));
            }
        }
        return rows;
    }

    /** When the file last changed: the latest publication of a plan in it, or null when there is none. */
    public OffsetDateTime modified(String code) {
        return plans.of(code, null).stream().map(c -> c.version().publishedAt).filter(Objects::nonNull)
                .max(OffsetDateTime::compareTo).orElse(null);
    }

    private static List<String> row(String code, PlanContent c, int fiscalYear, String itemCode, String title,
                                    int depth, PlanProgress.Figures f) {
        List<String> row = new ArrayList<>(List.of(code, c.plan().id.toString(), Csv.text(c.title()),
                String.valueOf(c.versionNumber()), String.valueOf(fiscalYear), FiscalYear.japanese(fiscalYear),
                Csv.text(itemCode), Csv.text(title), String.valueOf(depth), String.valueOf(f.total())));
        for (ItemStatus s : ItemStatus.values()) {
            row.add(String.valueOf(f.count(s)));
        }
        row.add(f.percent(ItemStatus.DONE).toPlainString());
        return row;
    }
}
