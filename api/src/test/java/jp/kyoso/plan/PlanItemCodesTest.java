package jp.kyoso.plan;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlanItemCodesTest {

    @Test
    void codesFollowTheMunicipalStyle() {
        assertEquals("I", ItemCodes.next(null, 0, 1, Set.of()));
        assertEquals("IV", ItemCodes.next(null, 0, 4, Set.of()));
        assertEquals("IX", ItemCodes.next(null, 0, 9, Set.of()));
        assertEquals("XIV", ItemCodes.next(null, 0, 14, Set.of()));
        assertEquals("I-(1)", ItemCodes.next("I", 1, 1, Set.of()));
        assertEquals("I-(1)-①", ItemCodes.next("I-(1)", 2, 1, Set.of()));
        assertEquals("I-(1)-⑳", ItemCodes.next("I-(1)", 2, 20, Set.of()));
        assertEquals("I-(1)-㉑", ItemCodes.next("I-(1)", 2, 21, Set.of()));
        assertEquals("I-(1)-㊱", ItemCodes.next("I-(1)", 2, 36, Set.of()));
        assertEquals("I-(1)-㊿", ItemCodes.next("I-(1)", 2, 50, Set.of()));
        assertEquals("I-(1)-(51)", ItemCodes.next("I-(1)", 2, 51, Set.of()));
        assertEquals("I-(1)-①-3", ItemCodes.next("I-(1)-①", 3, 3, Set.of()));
    }

    @Test
    void aCodeInUseIsSkipped() {
        assertEquals("III", ItemCodes.next(null, 0, 2, Set.of("II")));
        assertEquals("I-(3)", ItemCodes.next("I", 1, 1, Set.of("I-(1)", "I-(2)")));
    }
}
