package jp.kyoso.core;

import jp.kyoso.core.i18n.Language;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageTest {

    @Test
    void japaneseUnlessEnglishIsPreferred() {
        assertEquals(Language.JA, Language.fromHeader(null));
        assertEquals(Language.JA, Language.fromHeader("ja-JP,ja;q=0.9,en;q=0.8"));
        assertEquals(Language.EN, Language.fromHeader("en-US,en;q=0.9,ja;q=0.5"));
        assertEquals(Language.JA, Language.fromHeader("fr-FR"));
        assertEquals(Language.EN, Language.fromHeader("fr-FR, en;q=0.5"));
    }
}
