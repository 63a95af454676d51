package jp.kyoso.matching;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** In what capacity a match was brokered. */
public enum BrokerKind implements Labelled {
    STAFF(Label.of("自治体職員", "Municipal staff")),
    COORDINATOR(Label.of("コーディネーター（中間支援組織）", "Coordinator (intermediary support organisation)"));

    private final Label label;

    BrokerKind(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
