package jp.kyoso.core.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Japanese text search by character bigrams. Japanese is written without spaces between
 * words, so word-based full-text search cannot find 「防災」 in 「地区防災訓練」; bigrams can.
 * Text and queries are folded the same way first: NFKC (全角/半角, ＮＰＯ → NPO, ｶﾀｶﾅ → カタカナ),
 * lower case, and katakana → hiragana, so that script and width variants find each other.
 *
 * <p>A row stores its folded text and the set of its bigrams (GIN-indexed). A query term
 * matches when the row holds all of the term's bigrams (index) and the folded text contains
 * the folded term (exact check).
 */
public final class JapaneseText {

    private JapaneseText() {
    }

    /** Folds text for matching. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            // Katakana ァ..ヶ → hiragana ぁ..ゖ (same order, 0x60 apart).
            if (c >= 'ァ' && c <= 'ヶ') {
                c = (char) (c - 0x60);
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                c = ' ';
            }
            sb.append(c);
        }
        return sb.toString().replaceAll(" +", " ").trim();
    }

    /** The folded text of several fields, kept apart so that no match spans two fields. */
    public static String foldAll(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (String field : fields) {
            String folded = fold(field);
            if (!folded.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append(" | ");
                }
                sb.append(folded);
            }
        }
        return sb.toString();
    }

    /** The distinct bigrams of already folded text; pairs that span a space are left out. */
    public static String[] bigrams(String folded) {
        Set<String> grams = new LinkedHashSet<>();
        int[] cps = folded.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            if (Character.isWhitespace(cps[i]) || Character.isWhitespace(cps[i + 1])) {
                continue;
            }
            grams.add(new String(cps, i, 2));
        }
        return grams.toArray(String[]::new);
    }

    /** The terms of a query: folded, split at spaces; every term must match. */
    public static List<String> queryTerms(String query) {
        List<String> terms = new ArrayList<>();
        for (String term : fold(query).split(" ")) {
            if (!term.isBlank()) {
                terms.add(term);
            }
        }
        return terms;
    }
}
