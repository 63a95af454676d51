package jp.kyoso.core.security;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** A person's role in a municipality's staff: managers also add and remove staff. */
public enum StaffRole implements Labelled {
    STAFF(Label.of("職員", "Staff")),
    MANAGER(Label.of("管理職員", "Manager"));

    private final Label label;

    StaffRole(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
