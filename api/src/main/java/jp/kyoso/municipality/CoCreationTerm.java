package jp.kyoso.municipality;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** The word a municipality uses for the concept, so that the UI speaks its language. */
public enum CoCreationTerm implements Labelled {
    COLLABORATIVE_CREATION(Label.of("協創", "collaborative creation")),
    CO_CREATION(Label.of("共創", "co-creation")),
    COLLABORATION(Label.of("協働", "collaboration"));

    private final Label label;

    CoCreationTerm(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
