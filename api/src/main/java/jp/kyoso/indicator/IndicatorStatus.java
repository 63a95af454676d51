package jp.kyoso.indicator;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** How an indicator stands: computed from its baseline, targets and latest actual (see IndicatorMath). */
public enum IndicatorStatus implements Labelled {
    ON_TRACK(Label.of("順調", "On track")),
    BEHIND(Label.of("遅れ", "Behind")),
    ACHIEVED(Label.of("達成", "Achieved")),
    NO_DATA(Label.of("データなし", "No data"));

    private final Label label;

    IndicatorStatus(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
