package jp.kyoso.event;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** The kind of an extra question asked at registration. */
public enum QuestionKind implements Labelled {
    TEXT(Label.of("記述", "Text")),
    SINGLE_CHOICE(Label.of("単一選択", "Single choice")),
    MULTIPLE_CHOICE(Label.of("複数選択", "Multiple choice")),
    CHECKBOX(Label.of("チェックボックス", "Checkbox"));

    private final Label label;

    QuestionKind(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
