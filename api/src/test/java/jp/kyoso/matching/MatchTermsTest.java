package jp.kyoso.matching;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchTermsTest {

    private static List<String> keys(String title, String description) {
        return List.of(MatchTerms.keysOf(title, description));
    }

    @Test
    void spellingsOfOneResourceAreOneConcept() {
        for (String text : List.of("段ボールベッド", "ダンボールベッド", "ﾀﾞﾝﾎﾞｰﾙﾍﾞｯﾄﾞ", "だんぼーるべっど", "簡易ベッド")) {
            List<String> keys = keys(text + "を借りたい", null);
            assertTrue(keys.contains("c:cardboard_bed"), text + " → " + keys);
            assertTrue(keys.contains("t:shelter"), text + " → " + keys);
        }
    }

    @Test
    void contentWordsAreKeptAsWrittenAndGeneralWordsAreNot() {
        List<String> keys = keys("離乳食講座の会場", "地域の活動に協力します");
        assertTrue(keys.contains("w:離乳食講座"), keys.toString());
        assertFalse(keys.contains("w:地域"), keys.toString());
        assertFalse(keys.contains("w:活動"), keys.toString());
        // Katakana is not folded in words (so they can be shown), width is.
        assertTrue(keys("ﾌﾟﾛｼﾞｪｸﾀｰ", null).contains("w:プロジェクター"));
    }

    @Test
    void latinFormsMatchWholeWordsOnly() {
        assertTrue(keys("ノートPCの寄贈", null).contains("c:computer"));
        assertFalse(keys("PCR検査", null).contains("c:computer"));
        assertTrue(keys("AEDの講習", null).contains("c:first_aid_training"));
    }

    @Test
    void keysAreSortedAndDistinctSoTheyAreStableAcrossRuns() {
        String[] a = MatchTerms.keysOf("毛布と寝袋と毛布", "毛布");
        assertArrayEquals(a, MatchTerms.keysOf("毛布と寝袋と毛布", "毛布"));
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i - 1].compareTo(a[i]) < 0, List.of(a).toString());
        }
    }

    @Test
    void specificKeysLeaveOutGeneralConceptsShortWordsTopicsAndConceptSpellings() {
        List<String> specific = List.of(MatchTerms.specific(MatchTerms.keysOf(
                "段ボールベッドとボランティア", "平日の日中、赤崎東小学校区で")));
        assertTrue(specific.contains("c:cardboard_bed"), specific.toString());
        assertFalse(specific.contains("c:volunteer"), specific.toString());
        assertFalse(specific.stream().anyMatch(k -> k.startsWith("t:")), specific.toString());
        assertFalse(specific.contains("w:平日"), specific.toString());
        assertFalse(specific.contains("w:段ボールベッド"), specific.toString());
        assertTrue(specific.contains("w:赤崎東小学校区"), specific.toString());
    }
}
