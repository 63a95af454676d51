package jp.kyoso.indicator;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** Who owns an indicator: the municipality itself or one of its plans. */
public enum IndicatorOwnerType implements Labelled {
    MUNICIPALITY(Label.of("自治体", "Municipality")),
    PLAN(Label.of("計画", "Plan"));

    private final Label label;

    IndicatorOwnerType(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
