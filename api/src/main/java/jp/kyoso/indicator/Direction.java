package jp.kyoso.indicator;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** Which way an indicator should move: up, down, or stay within a tolerance of its baseline. */
public enum Direction implements Labelled {
    INCREASE(Label.of("増加を目指す", "Increase")),
    DECREASE(Label.of("減少を目指す", "Decrease")),
    MAINTAIN(Label.of("維持を目指す", "Maintain"));

    private final Label label;

    Direction(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
