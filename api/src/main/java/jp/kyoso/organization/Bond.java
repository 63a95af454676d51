package jp.kyoso.organization;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** The bond that holds an organisation together: place (地縁), purpose (志縁) or both (融合). */
public enum Bond implements Labelled {
    TERRITORIAL(Label.of("地縁", "Territorial")),
    THEMATIC(Label.of("志縁", "Thematic")),
    HYBRID(Label.of("融合", "Hybrid"));

    private final Label label;

    Bond(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
