package jp.kyoso.event;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** An event's life: DRAFT → PUBLISHED → CANCELLED (with a reason) or CLOSED (with a report). */
public enum EventStatus implements Labelled {
    DRAFT(Label.of("下書き", "Draft")),
    PUBLISHED(Label.of("公開中", "Published")),
    CANCELLED(Label.of("中止", "Cancelled")),
    CLOSED(Label.of("終了（報告済み）", "Closed"));

    private final Label label;

    EventStatus(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
