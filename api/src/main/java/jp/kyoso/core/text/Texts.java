package jp.kyoso.core.text;

/** Small rules for the text people type into forms, the same in every feature. */
public final class Texts {

    private Texts() {
    }

    /** A field left blank is no value: null; otherwise the text without surrounding white space. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
