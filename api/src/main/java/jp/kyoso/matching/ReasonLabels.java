package jp.kyoso.matching;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Language;
import jp.kyoso.listing.ListingCategory;
import jp.kyoso.matching.MatchDtos.MatchReasonView;
import jp.kyoso.theme.Theme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

/** Renders the scorer's language-neutral reasons for people, in the request language. */
final class ReasonLabels {

    private ReasonLabels() {
    }

    static List<MatchReasonView> render(List<MatchScorer.Reason> reasons, AreaTree areas, Language language) {
        return reasons.stream().map(r -> new MatchReasonView(r.code(), label(r, areas).in(language),
                round(r.weight()), r.values())).toList();
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    private static Label label(MatchScorer.Reason r, AreaTree areas) {
        List<String> v = r.values();
        return switch (r.code()) {
            case SAME_CATEGORY -> prefixed("同じ種類", "Same category", v, s -> ListingCategory.valueOf(s).label());
            case RELATED_CATEGORY -> Label.of(
                    "近い種類: " + ListingCategory.valueOf(v.get(0)).label().ja() + "と" + ListingCategory.valueOf(v.get(1)).label().ja(),
                    "Related categories: " + ListingCategory.valueOf(v.get(0)).label().en() + " and "
                            + ListingCategory.valueOf(v.get(1)).label().en());
            case SHARED_THEMES -> prefixed("同じテーマ", "Same theme", v, s -> Theme.valueOf(s).label());
            case SAME_AREA -> prefixed("同じ地域", "Same area", v, s -> same(areas.name(java.util.UUID.fromString(s))));
            case PARENT_CHILD_AREA -> {
                String inner = areas.name(java.util.UUID.fromString(v.get(0)));
                String outer = areas.name(java.util.UUID.fromString(v.get(1)));
                yield Label.of("近い地域: " + inner + "は" + outer + "の一部", "Nearby area: " + inner + " is part of " + outer);
            }
            case SAME_DISTRICT -> prefixed("同じ地区", "Same district", v, s -> same(areas.name(java.util.UUID.fromString(s))));
            case CITY_WIDE -> Label.of("市内全域が対象", "City-wide");
            case SHARED_CONCEPTS -> prefixed("共通の言葉", "Shared words", v, s -> {
                Vocabulary.Concept c = Vocabulary.get().concept(s);
                return c == null ? same(s) : c.label();
            });
            case SHARED_WORDS -> prefixed("共通の言葉", "Shared words", v, ReasonLabels::same);
            case RELATED_TOPICS -> prefixed("関連する分野", "Related", v, s -> {
                Vocabulary.Topic t = Vocabulary.get().topic(s);
                return t == null ? same(s) : t.label();
            });
            case QUANTITY_COVERS -> Label.of("数量が足りる: " + v.get(0) + v.get(2) + " ≥ " + v.get(1) + v.get(2),
                    "Enough quantity: " + v.get(0) + " ≥ " + v.get(1) + unit(v.get(2)));
            case QUANTITY_PARTIAL -> Label.of("数量の一部: " + v.get(1) + v.get(2) + "のうち" + v.get(0) + v.get(2),
                    "Part of the quantity: " + v.get(0) + " of " + v.get(1) + unit(v.get(2)));
        };
    }

    private static String unit(String unit) {
        return unit.isEmpty() ? "" : " " + unit;
    }

    private static Label same(String text) {
        return Label.of(text, text);
    }

    private static Label prefixed(String ja, String en, List<String> values, Function<String, Label> label) {
        List<Label> labels = values.stream().map(label).toList();
        return Label.of(ja + ": " + String.join("、", labels.stream().map(Label::ja).toList()),
                en + ": " + String.join(", ", labels.stream().map(Label::en).toList()));
    }
}
