package jp.kyoso.webhook;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** A delivery is PENDING while it is retried, DELIVERED once the endpoint answered 2xx, FAILED when given up. */
public enum DeliveryStatus implements Labelled {
    PENDING(Label.of("送信待ち・再送中", "Pending")),
    DELIVERED(Label.of("送信済み", "Delivered")),
    FAILED(Label.of("送信失敗", "Failed"));

    private final Label label;

    DeliveryStatus(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
