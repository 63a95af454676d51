package jp.kyoso.core.i18n;

import java.util.Locale;

/** The languages Kyoso answers in: Japanese by default, English on request. */
public enum Language {
    JA, EN;

    /** Picks the language from an Accept-Language header value; anything but English is Japanese. */
    public static Language fromHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return JA;
        }
        for (String part : acceptLanguage.split(",")) {
            String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (tag.startsWith("ja")) {
                return JA;
            }
            if (tag.startsWith("en")) {
                return EN;
            }
        }
        return JA;
    }

    public String pick(String japanese, String english) {
        return this == EN ? english : japanese;
    }
}
