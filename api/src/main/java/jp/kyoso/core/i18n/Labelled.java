package jp.kyoso.core.i18n;

/** An enum constant with a bilingual label (organisation types, roles, themes, ...). */
public interface Labelled {
    Label label();
}
