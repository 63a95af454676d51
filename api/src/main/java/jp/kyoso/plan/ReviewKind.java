package jp.kyoso.plan;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** Who evaluated a fiscal year of a plan (ふりかえり): the owners themselves, peers, or outsiders. */
public enum ReviewKind implements Labelled {
    SELF(Label.of("自己評価", "Self-evaluation")),
    MUTUAL(Label.of("相互評価", "Mutual evaluation")),
    THIRD_PARTY(Label.of("第三者評価", "Third-party evaluation"));

    private final Label label;

    ReviewKind(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
