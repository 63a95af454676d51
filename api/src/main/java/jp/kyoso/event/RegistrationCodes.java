package jp.kyoso.event;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Check-in codes of registrations: 8 characters that a person at the door can read off a
 * phone and an organiser can type on one, shown as {@code XXXX-XXXX}.
 *
 * <p>The alphabet leaves out characters that look alike on a screen or when read aloud
 * (0/O, 1/I/L): 31 characters, so a code carries about 39.6 bits. Codes are unguessable but
 * not secret for ever; the check-in endpoint must still be rate-limited and a code is only
 * valid for its own event. Stored in canonical form (upper case, no hyphen).
 */
public final class RegistrationCodes {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RegistrationCodes() {
    }

    /** A new random code in canonical form. */
    public static String generate() {
        return generate(RANDOM);
    }

    /** A code drawn from the given generator (tests pass a seeded one; production uses SecureRandom). */
    public static String generate(RandomGenerator random) {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** The code as shown to people: {@code ABCD-2345}. */
    public static String display(String code) {
        String canonical = normalize(code).orElseThrow(() -> new IllegalArgumentException("not a registration code"));
        return canonical.substring(0, 4) + "-" + canonical.substring(4);
    }

    /**
     * What a person typed, in canonical form, or empty when it cannot be a code. Accepts full-width
     * characters (NFKC), lower case, spaces anywhere (also the ideographic space), and any number
     * of hyphens or the dashes a Japanese input method produces instead (ー, －, ‐, −, –, —).
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isDash(c)) {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0 || sb.length() == LENGTH) {
                return Optional.empty();
            }
            sb.append(c);
        }
        return sb.length() == LENGTH ? Optional.of(sb.toString()) : Optional.empty();
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '_' || c == 'ー' || c == '‐' || c == '‑' || c == '‒' || c == '–' || c == '—'
                || c == '―' || c == '−' || c == 'ｰ';
    }
}
