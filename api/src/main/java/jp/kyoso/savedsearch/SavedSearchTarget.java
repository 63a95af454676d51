package jp.kyoso.savedsearch;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** What a saved search looks through: haves and needs, or events. */
public enum SavedSearchTarget implements Labelled {
    LISTING(Label.of("有る・無い", "Haves and needs")),
    EVENT(Label.of("イベント", "Events"));

    private final Label label;

    SavedSearchTarget(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
