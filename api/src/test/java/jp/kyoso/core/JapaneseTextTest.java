package jp.kyoso.core;

import jp.kyoso.core.search.JapaneseText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class JapaneseTextTest {

    @Test
    void widthAndScriptVariantsFoldTogether() {
        assertEquals(JapaneseText.fold("NPO法人"), JapaneseText.fold("ＮＰＯ法人"));
        assertEquals(JapaneseText.fold("ボランティア"), JapaneseText.fold("ﾎﾞﾗﾝﾃｨｱ"));
        assertEquals(JapaneseText.fold("ボランティア"), JapaneseText.fold("ぼらんてぃあ"));
        assertEquals("npo 123", JapaneseText.fold("  ＮＰＯ　１２３ "));
    }

    @Test
    void bigramsCoverEveryAdjacentPairButNotAcrossSpaces() {
        assertArrayEquals(new String[] {"防災", "災訓", "訓練"}, JapaneseText.bigrams("防災訓練"));
        assertArrayEquals(new String[] {"ab", "cd"}, JapaneseText.bigrams("ab cd"));
        assertArrayEquals(new String[0], JapaneseText.bigrams("防"));
    }

    @Test
    void queryTermsAreFoldedAndSplitAtAnySpace() {
        assertEquals(List.of("防災", "npo"), JapaneseText.queryTerms("防災　ＮＰＯ"));
        assertEquals(List.of(), JapaneseText.queryTerms("   "));
        assertEquals(List.of(), JapaneseText.queryTerms(null));
    }
}
