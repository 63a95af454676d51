package jp.kyoso.matching;

import jp.kyoso.core.search.JapaneseText;
import jp.kyoso.listing.ListingCategory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The one scoring function of Kyoso's matching: how well a HAVE covers a NEED, as a score in
 * [0, 1] with the reasons that make it up. Deterministic: it reads only the two listings'
 * stored features and the area tree. SQL only preselects candidates; every candidate is scored
 * here and nowhere else.
 *
 * <pre>
 * score = 0.45 text + 0.20 category + 0.15 themes + 0.15 area + 0.05 quantity
 * </pre>
 * Each part is in [0, 1] (why these weights: docs/decisions/0005-matching-weights.md and
 * docs/listings-and-matching.md):
 * <ul>
 * <li>text — square root of the weighted cosine of the two listings' {@link MatchTerms} keys: a
 *     shared vocabulary concept counts its weight (≤ 1), a shared topic 0.3, a shared literal word
 *     0.5. Short texts share few of their words, so raw cosines sit low; the root spreads them, so
 *     that naming the same thing outweighs merely being of the same category, theme and area;</li>
 * <li>category — 1 the same, 0.5 related (PEOPLE–KNOWHOW, KNOWHOW–INFORMATION,
 *     INFORMATION–NETWORK, PEOPLE–NETWORK), else 0;</li>
 * <li>themes — the share of the need's themes the have shares (0 when either has none);</li>
 * <li>area — 1 same area, 0.8 one inside the other, 0.7 either city-wide, 0.5 same district, else 0;</li>
 * <li>quantity — 1 when the have has enough, its share of the need when it has less, 0.5 when
 *     either is not counted (or in different units).</li>
 * </ul>
 */
public final class MatchScorer {

    public static final double W_TEXT = 0.45;
    public static final double W_CATEGORY = 0.20;
    public static final double W_THEMES = 0.15;
    public static final double W_AREA = 0.15;
    public static final double W_QUANTITY = 0.05;

    static final double TOPIC_KEY = 0.3;
    static final double WORD_KEY = 0.5;
    static final double RELATED_CATEGORY = 0.5;
    static final double AREA_SAME = 1.0;
    static final double AREA_NESTED = 0.8;
    static final double AREA_CITY_WIDE = 0.7;
    static final double AREA_SAME_DISTRICT = 0.5;
    static final double QUANTITY_UNKNOWN = 0.5;

    private static final Set<Set<ListingCategory>> RELATED = Set.of(
            EnumSet.of(ListingCategory.PEOPLE, ListingCategory.KNOWHOW),
            EnumSet.of(ListingCategory.KNOWHOW, ListingCategory.INFORMATION),
            EnumSet.of(ListingCategory.INFORMATION, ListingCategory.NETWORK),
            EnumSet.of(ListingCategory.PEOPLE, ListingCategory.NETWORK));

    /** One reason, language-neutral: its code, its contribution to the score and what it refers to. */
    public record Reason(ReasonCode code, double weight, List<String> values) {
    }

    public record Score(double value, List<Reason> reasons) {
    }

    private MatchScorer() {
    }

    public static Score score(MatchFeatures need, MatchFeatures have, AreaTree areas) {
        return counterparts(need, true, areas).score(have);
    }

    /**
     * Scores the counterparts of one listing, {@code listing} being the need ({@code isNeed}) or the
     * have: what depends only on it (its key set and weights, the folded forms of its words) is worked
     * out once for all of them.
     */
    public static Counterparts counterparts(MatchFeatures listing, boolean isNeed, AreaTree areas) {
        return new Counterparts(listing, isNeed, areas);
    }

    /** One listing's side of the scoring, ready for each of its counterparts. */
    public static final class Counterparts {

        private final MatchFeatures self;
        private final boolean selfIsNeed;
        private final AreaTree areas;
        private final SharedKeys keys;

        private Counterparts(MatchFeatures self, boolean selfIsNeed, AreaTree areas) {
            this.self = self;
            this.selfIsNeed = selfIsNeed;
            this.areas = areas;
            this.keys = new SharedKeys(self.keys());
        }

        public Score score(MatchFeatures other) {
            MatchFeatures need = selfIsNeed ? self : other;
            MatchFeatures have = selfIsNeed ? other : self;
            List<Reason> reasons = new ArrayList<>(6);
            double total = keys.text(other.keys(), reasons)
                    + category(need.category(), have.category(), reasons)
                    + themes(need.themes(), have.themes(), reasons)
                    + area(need.areaIds(), have.areaIds(), areas, reasons)
                    + quantity(need, have, reasons);
            reasons.sort(Comparator.comparingDouble(Reason::weight).reversed().thenComparing(Reason::code));
            return new Score(Math.min(1.0, Math.max(0.0, total)), List.copyOf(reasons));
        }
    }

    /** Categories that often stand in for each other. */
    public static boolean related(ListingCategory a, ListingCategory b) {
        return RELATED.contains(EnumSet.of(a, b));
    }

    public static double keyWeight(String key) {
        if (key.startsWith(MatchTerms.CONCEPT)) {
            Vocabulary.Concept concept = Vocabulary.get().conceptOfKey(key);
            return concept == null ? 0 : concept.weight();
        }
        if (key.startsWith(MatchTerms.TOPIC)) {
            return TOPIC_KEY;
        }
        return key.startsWith(MatchTerms.WORD) ? WORD_KEY : 0;
    }

    private static double category(ListingCategory need, ListingCategory have, List<Reason> reasons) {
        if (need == have) {
            reasons.add(new Reason(ReasonCode.SAME_CATEGORY, W_CATEGORY, List.of(need.name())));
            return W_CATEGORY;
        }
        if (related(need, have)) {
            double w = W_CATEGORY * RELATED_CATEGORY;
            reasons.add(new Reason(ReasonCode.RELATED_CATEGORY, w, List.of(need.name(), have.name())));
            return w;
        }
        return 0;
    }

    private static double themes(String[] need, String[] have, List<Reason> reasons) {
        if (need.length == 0 || have.length == 0) {
            return 0;
        }
        List<String> haveThemes = Arrays.asList(have);
        List<String> shared = new ArrayList<>();
        for (String t : need) {
            if (haveThemes.contains(t) && !shared.contains(t)) {
                shared.add(t);
            }
        }
        if (shared.isEmpty()) {
            return 0;
        }
        double w = W_THEMES * shared.size() / need.length;
        reasons.add(new Reason(ReasonCode.SHARED_THEMES, w, List.copyOf(shared)));
        return w;
    }

    private static double area(UUID[] need, UUID[] have, AreaTree areas, List<Reason> reasons) {
        if (need.length == 0 || have.length == 0) {
            double w = W_AREA * AREA_CITY_WIDE;
            reasons.add(new Reason(ReasonCode.CITY_WIDE, w, List.of()));
            return w;
        }
        List<String> same = new ArrayList<>();
        for (UUID n : need) {
            for (UUID h : have) {
                if (n.equals(h) && !same.contains(n.toString())) {
                    same.add(n.toString());
                }
            }
        }
        if (!same.isEmpty()) {
            reasons.add(new Reason(ReasonCode.SAME_AREA, W_AREA * AREA_SAME, List.copyOf(same)));
            return W_AREA * AREA_SAME;
        }
        for (UUID n : need) {
            for (UUID h : have) {
                if (areas.isWithin(n, h)) {
                    return nested(n, h, reasons);
                }
                if (areas.isWithin(h, n)) {
                    return nested(h, n, reasons);
                }
            }
        }
        for (UUID n : need) {
            for (UUID h : have) {
                UUID root = areas.root(n);
                if (root.equals(areas.root(h))) {
                    double w = W_AREA * AREA_SAME_DISTRICT;
                    reasons.add(new Reason(ReasonCode.SAME_DISTRICT, w, List.of(root.toString())));
                    return w;
                }
            }
        }
        return 0;
    }

    private static double nested(UUID inner, UUID outer, List<Reason> reasons) {
        double w = W_AREA * AREA_NESTED;
        reasons.add(new Reason(ReasonCode.PARENT_CHILD_AREA, w, List.of(inner.toString(), outer.toString())));
        return w;
    }

    private static double quantity(MatchFeatures need, MatchFeatures have, List<Reason> reasons) {
        Integer n = need.remaining();
        Integer h = have.remaining();
        if (n == null || h == null || n <= 0 || !sameUnit(need.unit(), have.unit())) {
            return W_QUANTITY * QUANTITY_UNKNOWN;
        }
        String unit = need.unit() != null ? need.unit() : have.unit() != null ? have.unit() : "";
        List<String> values = List.of(Integer.toString(h), Integer.toString(n), unit);
        if (h >= n) {
            reasons.add(new Reason(ReasonCode.QUANTITY_COVERS, W_QUANTITY, values));
            return W_QUANTITY;
        }
        double w = W_QUANTITY * h / n;
        reasons.add(new Reason(ReasonCode.QUANTITY_PARTIAL, w, values));
        return w;
    }

    private static boolean sameUnit(String a, String b) {
        return a == null || b == null || JapaneseText.fold(a).equals(JapaneseText.fold(b))
                || a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    static void addIf(List<Reason> reasons, ReasonCode code, double weight, List<String> values) {
        if (weight > 0) {
            reasons.add(new Reason(code, weight, values));
        }
    }
}
