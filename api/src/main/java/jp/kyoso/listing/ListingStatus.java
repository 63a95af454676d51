package jp.kyoso.listing;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/**
 * A listing is OPEN until matches take all of it (MATCHED) or its organisation closes it
 * (CLOSED). EXPIRED is never stored: an OPEN listing whose availability window has ended
 * reads as EXPIRED.
 */
public enum ListingStatus implements Labelled {
    OPEN(Label.of("募集中", "Open")),
    MATCHED(Label.of("マッチ済み", "Matched")),
    CLOSED(Label.of("終了", "Closed")),
    EXPIRED(Label.of("期限切れ", "Expired"));

    private final Label label;

    ListingStatus(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
