package jp.kyoso.area;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** What an area liaison officer (地域担当職員) does for the area. */
public enum LiaisonRole implements Labelled {
    SUPPORTER(Label.of("支える", "Supporter")),
    COORDINATOR(Label.of("つなぐ", "Coordinator")),
    PRODUCER(Label.of("掘り起こす", "Producer"));

    private final Label label;

    LiaisonRole(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
