package jp.kyoso.message;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An organisation never learns a sender's e-mail address, not even through their display name. */
class ShownNameTest {

    private static final String UNNAMED = "表示名のない利用者";

    @Test
    void aDisplayNameIsShownAsItIs() {
        assertEquals("市民 花子", MessageService.shownName("市民 花子", "hanako@kyoso.example", UNNAMED));
    }

    @Test
    void anAddressUsedAsTheNameIsNeverShown() {
        assertEquals(UNNAMED, MessageService.shownName("hanako@kyoso.example", "hanako@kyoso.example", UNNAMED));
        assertEquals(UNNAMED, MessageService.shownName(" HANAKO@kyoso.example ", "hanako@kyoso.example", UNNAMED));
        assertEquals(UNNAMED, MessageService.shownName("someone@else.example", null, UNNAMED));
    }

    @Test
    void aMissingNameReadsAsUnnamed() {
        assertEquals(UNNAMED, MessageService.shownName(null, "hanako@kyoso.example", UNNAMED));
        assertEquals(UNNAMED, MessageService.shownName("  ", null, UNNAMED));
    }
}
