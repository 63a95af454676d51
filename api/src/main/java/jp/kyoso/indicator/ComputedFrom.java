package jp.kyoso.indicator;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** What a computed indicator counts. */
public enum ComputedFrom implements Labelled {
    EVENTS(Label.of("イベント", "Events"));

    private final Label label;

    ComputedFrom(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
