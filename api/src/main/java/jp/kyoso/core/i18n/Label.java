package jp.kyoso.core.i18n;

/** A user-facing text in Japanese first and English second. */
public record Label(String ja, String en) {

    public static Label of(String ja, String en) {
        return new Label(ja, en);
    }

    public String in(Language language) {
        return language.pick(ja, en);
    }
}
