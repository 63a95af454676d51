package jp.kyoso.opendata;

import jp.kyoso.core.fiscal.FiscalYear;
import jp.kyoso.indicator.IndicatorDtos.IndicatorView;
import jp.kyoso.indicator.IndicatorDtos.SeriesPoint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static jp.kyoso.opendata.EmbedPages.esc;

/**
 * An indicator's chart as SVG: the actuals as a solid line with points, the targets as diamonds and
 * the expected path (baseline to target) dashed, over its fiscal years. Accessible: role img with a
 * title and a description that states the figures in words.
 */
final class EmbedChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 24;
    private static final int BOTTOM = 48;

    private EmbedChart() {
    }

    static String svg(IndicatorView v, boolean standalone) {
        List<SeriesPoint> points = v.series();
        List<BigDecimal> values = new ArrayList<>();
        for (SeriesPoint p : points) {
            for (BigDecimal b : new BigDecimal[]{p.baseline(), p.target(), p.actual(), p.expected()}) {
                if (b != null) {
                    values.add(b);
                }
            }
        }
        StringBuilder desc = new StringBuilder();
        for (SeriesPoint p : points) {
            if (p.actual() != null || p.target() != null || p.baseline() != null) {
                desc.append(FiscalYear.japanese(p.fiscalYear())).append(": ");
                if (p.baseline() != null) {
                    desc.append("基準値 ").append(p.baseline().toPlainString()).append(" ");
                }
                if (p.target() != null) {
                    desc.append("目標値 ").append(p.target().toPlainString()).append(" ");
                }
                if (p.actual() != null) {
                    desc.append("実績値 ").append(p.actual().toPlainString()).append(" ");
                }
                desc.append(v.unit()).append("。");
            }
        }
        StringBuilder svg = new StringBuilder();
        if (standalone) {
            svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"system-ui,sans-serif\" font-size=\"12\">\n")
                .append("<title id=\"chart-title\">").append(esc(v.name())).append("（").append(esc(v.unit())).append("）</title>\n")
                .append("<desc id=\"chart-desc\">").append(esc(desc.isEmpty() ? "値はまだありません" : desc.toString().strip()))
                .append("</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        if (points.isEmpty() || values.isEmpty()) {
            svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" fill=\"#1a1a1a\">値はまだありません No figures yet</text>\n</svg>\n");
            return svg.toString();
        }
        double min = values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1);
        if (min == max) {
            min -= 1;
            max += 1;
        }
        double pad = (max - min) * 0.1;
        double lo = min - pad;
        double hi = max + pad;
        int first = points.get(0).fiscalYear();
        int last = points.get(points.size() - 1).fiscalYear();
        Function<Integer, Double> x = fy -> LEFT + (last == first ? (WIDTH - LEFT - RIGHT) / 2.0
                : (fy - first) * (double) (WIDTH - LEFT - RIGHT) / (last - first));
        Function<BigDecimal, Double> y = b -> TOP + (hi - b.doubleValue()) * (HEIGHT - TOP - BOTTOM) / (hi - lo);
        int baseY = HEIGHT - BOTTOM;
        svg.append("<g stroke=\"#767676\"><line x1=\"").append(LEFT).append("\" y1=\"").append(baseY).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(baseY).append("\"/><line x1=\"").append(LEFT)
                .append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT).append("\" y2=\"").append(baseY)
                .append("\"/></g>\n<g fill=\"#1a1a1a\">");
        axisLabel(svg, LEFT - 6, y.apply(BigDecimal.valueOf(max)), "end", number(max));
        axisLabel(svg, LEFT - 6, y.apply(BigDecimal.valueOf(min)), "end", number(min));
        axisLabel(svg, x.apply(first), baseY + 18, "middle", FiscalYear.japanese(first));
        if (last != first) {
            axisLabel(svg, x.apply(last), baseY + 18, "middle", FiscalYear.japanese(last));
        }
        svg.append("</g>\n");
        svg.append(path(points, SeriesPoint::expected, x, y, "#5f6368", "6 4"));
        svg.append(path(points, SeriesPoint::actual, x, y, "#0b57d0", null));
        for (SeriesPoint p : points) {
            if (p.target() != null) {
                double cx = x.apply(p.fiscalYear());
                double cy = y.apply(p.target());
                svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fl6 6l-6 6l-6 -6z\" fill=\"#b3261e\"/>%n",
                        cx, cy - 6));
            }
            if (p.actual() != null) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#0b57d0\"/>%n",
                        x.apply(p.fiscalYear()), y.apply(p.actual())));
            }
        }
        svg.append("<g fill=\"#1a1a1a\" font-size=\"11\">")
                .append(legend(LEFT, "#0b57d0", "実績値")).append(legend(LEFT + 110, "#b3261e", "目標値"))
                .append(legend(LEFT + 220, "#5f6368", "目標への道筋")).append("</g>\n</svg>\n");
        return svg.toString();
    }

    private static String path(List<SeriesPoint> points, Function<SeriesPoint, BigDecimal> value,
                               Function<Integer, Double> x, Function<BigDecimal, Double> y, String colour, String dash) {
        StringBuilder d = new StringBuilder();
        for (SeriesPoint p : points) {
            BigDecimal b = value.apply(p);
            if (b != null) {
                d.append(d.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                        x.apply(p.fiscalYear()), y.apply(b)));
            }
        }
        if (d.isEmpty()) {
            return "";
        }
        return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>\n";
    }

    private static void axisLabel(StringBuilder svg, double x, double y, String anchor, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y + 4,
                anchor, esc(text)));
    }

    private static String legend(int x, String colour, String label) {
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">%s</text>", x, HEIGHT - 18, colour, x + 16, HEIGHT - 8, esc(label));
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
