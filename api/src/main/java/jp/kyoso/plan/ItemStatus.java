package jp.kyoso.plan;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** The status of a leaf item in a fiscal year (進捗状況), from not started to done. */
public enum ItemStatus implements Labelled {
    NOT_STARTED(Label.of("未着手", "Not started")),
    UNDER_STUDY(Label.of("検討中", "Under study")),
    PARTLY_DONE(Label.of("一部実施", "Partly done")),
    ONGOING(Label.of("継続推進", "Ongoing")),
    DONE(Label.of("実施済", "Done"));

    private final Label label;

    ItemStatus(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
