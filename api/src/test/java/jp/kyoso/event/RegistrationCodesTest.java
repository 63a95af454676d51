package jp.kyoso.event;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrationCodesTest {

    @Test
    void theAlphabetHasNoLookAlikes() {
        for (char c : "0O1IL".toCharArray()) {
            assertTrue(RegistrationCodes.ALPHABET.indexOf(c) < 0, "look-alike " + c);
        }
        assertEquals(31, RegistrationCodes.ALPHABET.chars().distinct().count());
    }

    @Test
    void codesAreEightCharactersOfTheAlphabetAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = RegistrationCodes.generate();
            assertEquals(8, code.length());
            assertTrue(code.chars().allMatch(c -> RegistrationCodes.ALPHABET.indexOf(c) >= 0), code);
            assertEquals(Optional.of(code), RegistrationCodes.normalize(code));
            seen.add(code);
        }
        // 31^8 ≈ 8.5e11 codes: a collision among 10,000 has a chance of about 6e-5.
        assertTrue(seen.size() >= 9_999);
    }

    @Test
    void aSeededGeneratorRepeats() {
        assertEquals(RegistrationCodes.generate(new Random(7)), RegistrationCodes.generate(new Random(7)));
    }

    @Test
    void displayGroupsFourAndFour() {
        assertEquals("ABCD-2345", RegistrationCodes.display("ABCD2345"));
        assertEquals("ABCD-2345", RegistrationCodes.display("abcd-2345"));
        assertThrows(IllegalArgumentException.class, () -> RegistrationCodes.display("ABC"));
    }

    @Test
    void theNormaliserAcceptsWhatPeopleType() {
        Optional<String> expected = Optional.of("ABCD2345");
        assertEquals(expected, RegistrationCodes.normalize("ABCD-2345"));
        assertEquals(expected, RegistrationCodes.normalize("ABCD2345"), "no hyphen");
        assertEquals(expected, RegistrationCodes.normalize("abcd-2345"), "lower case");
        assertEquals(expected, RegistrationCodes.normalize("  AbCd 2345 "), "spaces");
        assertEquals(expected, RegistrationCodes.normalize("AB--CD-23-45"), "extra hyphens");
        assertEquals(expected, RegistrationCodes.normalize("ＡＢＣＤ－２３４５"), "full width");
        assertEquals(expected, RegistrationCodes.normalize("ａｂｃｄ\u3000２３４５"), "full width, ideographic space");
        assertEquals(expected, RegistrationCodes.normalize("ABCDー2345"), "the long-vowel mark an IME gives for -");
        assertEquals(expected, RegistrationCodes.normalize("ABCDｰ2345"), "its half-width form");
        assertEquals(expected, RegistrationCodes.normalize("ABCD−2345"), "minus sign");
        assertEquals(expected, RegistrationCodes.normalize("ABCD–2345"), "en dash");
        assertEquals(expected, RegistrationCodes.normalize("ABCD\t2345\n"), "tab and line break from a paste");
    }

    @Test
    void theNormaliserRefusesWhatCannotBeACode() {
        assertEquals(Optional.empty(), RegistrationCodes.normalize(null));
        assertEquals(Optional.empty(), RegistrationCodes.normalize(""));
        assertEquals(Optional.empty(), RegistrationCodes.normalize("----"));
        assertEquals(Optional.empty(), RegistrationCodes.normalize("ABCD-234"), "too short");
        assertEquals(Optional.empty(), RegistrationCodes.normalize("ABCD-23456"), "too long");
        assertEquals(Optional.empty(), RegistrationCodes.normalize("ABCD-0345"), "0 is not in the alphabet");
        assertEquals(Optional.empty(), RegistrationCodes.normalize("OBCD-2345"), "nor O");
        assertEquals(Optional.empty(), RegistrationCodes.normalize("ABCD-1345"), "nor 1");
        assertEquals(Optional.empty(), RegistrationCodes.normalize("ABCD-l345"), "nor l");
        assertEquals(Optional.empty(), RegistrationCodes.normalize("ABCD;2345"));
        assertEquals(Optional.empty(), RegistrationCodes.normalize("あいうえ-2345"));
        assertEquals(Optional.empty(), RegistrationCodes.normalize("ABCD-2345".repeat(1000)));
    }
}
