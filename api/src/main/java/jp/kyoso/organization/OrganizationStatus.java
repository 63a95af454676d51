package jp.kyoso.organization;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** An organisation is PENDING until staff of its municipality approve it; staff may suspend it. */
public enum OrganizationStatus implements Labelled {
    PENDING(Label.of("承認待ち", "Pending approval")),
    ACTIVE(Label.of("公開中", "Active")),
    SUSPENDED(Label.of("停止中", "Suspended"));

    private final Label label;

    OrganizationStatus(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
