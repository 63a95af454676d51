package jp.kyoso.opendata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.indicator.IndicatorDtos.IndicatorView;
import jp.kyoso.indicator.IndicatorDtos.SeriesPoint;
import jp.kyoso.indicator.IndicatorOpenData;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.municipality.Municipality;
import jp.kyoso.opendata.OpenDataDtos.LicenseView;
import jp.kyoso.plan.ItemStatus;
import jp.kyoso.plan.PlanContent;
import jp.kyoso.plan.PlanProgress;
import jp.kyoso.plan.PlanTree;
import jp.kyoso.plan.PublishedPlans;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The embeds for a municipality's own website: an indicator's chart (an SVG, and a light page with
 * the chart, its figures as a table and the source) and a plan's progress table, at stable public
 * addresses. Server-rendered, no scripts; public data only (a draft plan or its indicators: 404).
 * The resource sets the framing policy from {@link OpenDataService#embedOrigins}.
 */
@ApplicationScoped
public class EmbedPages {

    /** A page and the municipality whose framing policy applies. */
    public record Page(String municipalityCode, String body) {
    }

    @ConfigProperty(name = "kyoso.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject IndicatorOpenData indicators;
    @Inject PublishedPlans plans;
    @Inject Municipalities municipalities;
    @Inject OpenDataService settings;

    public Page indicatorChart(UUID id) {
        IndicatorView v = indicator(id);
        return new Page(v.municipalityCode(), EmbedChart.svg(v, true));
    }

    public Page indicatorPage(UUID id) {
        IndicatorView v = indicator(id);
        Municipality m = municipalities.require(v.municipalityCode());
        StringBuilder rows = new StringBuilder();
        for (SeriesPoint p : v.series()) {
            if (p.baseline() == null && p.target() == null && p.actual() == null) {
                continue;
            }
            rows.append("<tr><th scope=\"row\">").append(esc(FiscalYear.japanese(p.fiscalYear()))).append("</th><td>")
                    .append(number(p.baseline())).append("</td><td>").append(number(p.target())).append("</td><td>")
                    .append(number(p.actual())).append("</td></tr>\n");
        }
        String body = "<h1>" + esc(v.name()) + "</h1>\n"
                + "<p>単位 Unit: " + esc(v.unit()) + "・" + esc(v.statusLabel()) + "</p>\n"
                + "<figure>" + EmbedChart.svg(v, false) + "<figcaption>" + esc(v.name())
                + "の基準値・目標値・実績値の推移</figcaption></figure>\n"
                + "<table><caption>年度別の値 Figures by fiscal year（" + esc(v.unit()) + "）</caption>\n"
                + "<thead><tr><th scope=\"col\">年度</th><th scope=\"col\">基準値</th><th scope=\"col\">目標値</th>"
                + "<th scope=\"col\">実績値</th></tr></thead>\n<tbody>\n" + rows + "</tbody></table>\n"
                + source(m, publicUrl + "/indicators/" + v.id());
        return new Page(m.code, page(v.name() + "｜" + m.name, body));
    }

    public Page planProgress(UUID id) {
        PlanContent c = plans.latest(id);
        if (c == null) {
            throw Problems.notFound(Label.of("公開された計画が見つかりません", "No published plan with this id"));
        }
        Municipality m = municipalities.require(c.plan().municipalityCode);
        int fy = Math.max(c.startFiscalYear(), Math.min(c.endFiscalYear(), c.plan().currentFiscalYear()));
        PlanProgress.Year year = PlanProgress.of(c.tree(), fy);
        StringBuilder head = new StringBuilder("<tr><th scope=\"col\">項目</th><th scope=\"col\">対象項目数</th>");
        for (ItemStatus s : ItemStatus.values()) {
            head.append("<th scope=\"col\">").append(esc(s.label().ja())).append("</th>");
        }
        head.append("<th scope=\"col\">").append(esc(ItemStatus.DONE.label().ja())).append("の割合</th></tr>");
        StringBuilder rows = new StringBuilder(row("計画全体", 0, year.overall()));
        for (PlanTree.Node n : c.tree().nodes()) {
            rows.append(row(n.item().code() + " " + n.item().title(), n.depth() + 1, year.nodes().get(n.id())));
        }
        String body = "<h1>" + esc(c.title()) + "</h1>\n"
                + "<p>" + esc(FiscalYear.japanese(fy)) + "の進捗（第" + c.versionNumber() + "版）Progress in FY"
                + fy + "</p>\n"
                + "<table><caption>項目別の進捗 Progress by item</caption>\n<thead>" + head + "</thead>\n<tbody>\n"
                + rows + "</tbody></table>\n" + source(m, publicUrl + "/plans/" + c.plan().id);
        return new Page(m.code, page(c.title() + "｜" + m.name, body));
    }

    private IndicatorView indicator(UUID id) {
        IndicatorView v = indicators.published(id);
        if (v == null) {
            throw Problems.notFound(Label.of("公開された成果指標が見つかりません", "No public indicator with this id"));
        }
        return v;
    }

    private String source(Municipality m, String link) {
        LicenseView license = settings.license(m.code);
        return "<p class=\"source\">出典 Source: " + esc(m.name) + "（Kyoso）・"
                + (license.url() == null ? esc(license.name())
                : "<a href=\"" + esc(license.url()) + "\" target=\"_blank\" rel=\"noopener\">" + esc(license.name()) + "</a>")
                + "・<a href=\"" + esc(link) + "\" target=\"_blank\" rel=\"noopener\">詳しく見る See more</a></p>\n";
    }

    private static String row(String title, int depth, PlanProgress.Figures f) {
        StringBuilder r = new StringBuilder("<tr><th scope=\"row\" style=\"padding-left:" + (depth * 1.2 + 0.4)
                + "em\">" + esc(title) + "</th><td>" + f.total() + "</td>");
        for (ItemStatus s : ItemStatus.values()) {
            r.append("<td>").append(f.count(s)).append("</td>");
        }
        return r.append("<td>").append(f.percent(ItemStatus.DONE).toPlainString()).append("%</td></tr>\n").toString();
    }

    private static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + "</title>\n<style>"
                + "body{font-family:system-ui,sans-serif;margin:0;padding:1rem;color:#1a1a1a;background:#fff;line-height:1.5}"
                + "h1{font-size:1.25rem;margin:0 0 .5rem}table{border-collapse:collapse;width:100%;margin:.75rem 0}"
                + "caption{text-align:left;font-weight:bold;margin-bottom:.25rem}"
                + "th,td{border:1px solid #767676;padding:.25rem .4rem;text-align:right}th[scope=row]{text-align:left}"
                + "figure{margin:0}svg{max-width:100%;height:auto}.source{font-size:.875rem}a{color:#0b57d0}"
                + "</style>\n</head>\n<body>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
    }

    static String number(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
