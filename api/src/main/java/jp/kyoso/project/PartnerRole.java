package jp.kyoso.project;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** A partner's part in a project. */
public enum PartnerRole implements Labelled {
    LEAD(Label.of("幹事団体", "Lead")),
    PARTNER(Label.of("構成団体", "Partner")),
    SUPPORTER(Label.of("支援・協力", "Supporter")),
    COORDINATOR(Label.of("つなぎ役", "Coordinator"));

    private final Label label;

    PartnerRole(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
