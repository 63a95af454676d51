package jp.kyoso.project;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** An invited organisation accepts (ACTIVE) or declines; a declined one may be invited again. */
public enum PartnerStatus implements Labelled {
    INVITED(Label.of("招待中", "Invited")),
    ACTIVE(Label.of("参加", "Active")),
    DECLINED(Label.of("辞退", "Declined"));

    private final Label label;

    PartnerStatus(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
