package jp.kyoso.plan;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** Who owns a plan: the municipality itself or one of its community councils. */
public enum PlanOwnerType implements Labelled {
    MUNICIPALITY(Label.of("自治体", "Municipality")),
    ORGANIZATION(Label.of("地域づくり協議会", "Community council"));

    private final Label label;

    PlanOwnerType(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
