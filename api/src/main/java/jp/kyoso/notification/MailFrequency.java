package jp.kyoso.notification;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** How often a kind of notification is mailed. */
public enum MailFrequency implements Labelled {
    IMMEDIATE(Label.of("すぐに", "Immediately")),
    DAILY(Label.of("毎日のまとめ", "Daily digest")),
    WEEKLY(Label.of("毎週のまとめ（月曜日）", "Weekly digest (Mondays)")),
    NEVER(Label.of("送らない", "Never"));

    private final Label label;

    MailFrequency(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
