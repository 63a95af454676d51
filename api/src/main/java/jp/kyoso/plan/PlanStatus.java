package jp.kyoso.plan;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** A plan is a DRAFT until first published; PUBLISHED plans are public; ARCHIVED ones are closed and read-only. */
public enum PlanStatus implements Labelled {
    DRAFT(Label.of("下書き", "Draft")),
    PUBLISHED(Label.of("公開中", "Published")),
    ARCHIVED(Label.of("終了", "Archived"));

    private final Label label;

    PlanStatus(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
