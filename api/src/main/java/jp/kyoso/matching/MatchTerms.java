package jp.kyoso.matching;

import jp.kyoso.core.search.JapaneseText;

import java.text.Normalizer;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys a listing is matched by, computed once when it is written and stored with it
 * ({@code listing.match_keys}, GIN-indexed for candidate preselection):
 * <ul>
 * <li>{@code c:<concept>} — a resource of the {@link Vocabulary} named in title or description,
 *     in any of its spellings (段ボールベッド, ダンボールベッド and 簡易ベッド are one concept);</li>
 * <li>{@code t:<topic>} — the topic of each such concept (段ボールベッド and 毛布 are related);</li>
 * <li>{@code w:<word>} — each content word as written: a run of kanji, katakana or Latin letters
 *     (Japanese content words; hiragana is mostly grammar), NFKC and lower case, 2–16 characters, minus the
 *     vocabulary's general stop words. Catches shared words the vocabulary does not know.</li>
 * </ul>
 */
public final class MatchTerms {

    public static final String CONCEPT = "c:";
    public static final String TOPIC = "t:";
    public static final String WORD = "w:";

    private static final int MIN_WORD = 2;
    private static final int MAX_WORD = 16;

    /** Concepts this general (ボランティア, 講座, イベント …) would bring half the city; they still count in scoring. */
    static final double MIN_SPECIFIC_WEIGHT = 0.6;
    /**
     * Words this short (平日, 日中, 町内 …) are mostly general; they still count in scoring, but only words of
     * three characters or more (刈払機, 離乳食講座, 赤崎東小学校区) are specific.
     */
    static final int MIN_SPECIFIC_WORD = 3;

    private MatchTerms() {
    }

    /** The sorted, distinct keys of a listing's title and description. */
    public static String[] keysOf(String title, String description) {
        Vocabulary vocabulary = Vocabulary.get();
        String text = (title == null ? "" : title) + "\n" + (description == null ? "" : description);
        String folded = JapaneseText.fold(text);
        Set<String> keys = new TreeSet<>();
        for (Vocabulary.Concept concept : vocabulary.concepts()) {
            for (String form : concept.forms()) {
                if (contains(folded, form)) {
                    keys.add(CONCEPT + concept.id());
                    keys.add(TOPIC + concept.topic().id());
                    break;
                }
            }
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        int start = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            boolean content = i < normalized.length() && isContent(normalized.charAt(i));
            if (content && start < 0) {
                start = i;
            } else if (!content && start >= 0) {
                addWord(keys, vocabulary, normalized.substring(start, i));
                start = -1;
            }
        }
        return keys.toArray(String[]::new);
    }

    /**
     * The specific keys among these, the ones candidate preselection may use: concepts that are not
     * general, and words of three or more characters that are not simply a concept's own spelling (the
     * concept key stands for those).
     */
    public static String[] specific(String[] keys) {
        Vocabulary vocabulary = Vocabulary.get();
        return java.util.Arrays.stream(keys).filter(key -> {
            if (key.startsWith(CONCEPT)) {
                Vocabulary.Concept concept = vocabulary.concept(key.substring(CONCEPT.length()));
                return concept != null && concept.weight() >= MIN_SPECIFIC_WEIGHT;
            }
            if (key.startsWith(WORD)) {
                String word = key.substring(WORD.length());
                return word.codePointCount(0, word.length()) >= MIN_SPECIFIC_WORD
                        && !vocabulary.isForm(JapaneseText.fold(word));
            }
            return false;
        }).toArray(String[]::new);
    }

    private static void addWord(Set<String> keys, Vocabulary vocabulary, String run) {
        // Kept as written (NFKC, lower case) so that a shared word can be shown; stop words are
        // compared folded.
        String word = run.toLowerCase(java.util.Locale.ROOT);
        int length = word.codePointCount(0, word.length());
        if (length >= MIN_WORD && length <= MAX_WORD && !vocabulary.isStopWord(JapaneseText.fold(word))) {
            keys.add(WORD + word);
        }
    }

    /** Kanji, katakana (with ー and 々) and Latin letters: what Japanese content words are written in. */
    static boolean isContent(char c) {
        if (c == 'ー' || c == '々' || c == 'ヶ' || c == '〆') {
            return true;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.KATAKANA;
    }

    /** Substring match; a form in Latin letters must stand as a whole word (PC is not in "PCR"). */
    static boolean contains(String folded, String form) {
        boolean latin = isLatinWord(form);
        int from = 0;
        while (true) {
            int at = folded.indexOf(form, from);
            if (at < 0) {
                return false;
            }
            if (!latin || (!isAsciiAlnum(folded, at - 1) && !isAsciiAlnum(folded, at + form.length()))) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean isLatinWord(String form) {
        char first = form.charAt(0);
        char last = form.charAt(form.length() - 1);
        return isAsciiAlnum(first) && isAsciiAlnum(last);
    }

    private static boolean isAsciiAlnum(String s, int index) {
        return index >= 0 && index < s.length() && isAsciiAlnum(s.charAt(index));
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
