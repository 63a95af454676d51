package jp.kyoso.listing;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** The kind of resource a listing is about (ヒト・モノ・場所・カネ・知恵・情報・つながり). */
public enum ListingCategory implements Labelled {
    PEOPLE(Label.of("ヒト", "People")),
    GOODS(Label.of("モノ", "Goods")),
    VENUE(Label.of("場所", "Venue")),
    FUNDS(Label.of("カネ", "Funds")),
    KNOWHOW(Label.of("知恵・技術", "Know-how")),
    INFORMATION(Label.of("情報", "Information")),
    NETWORK(Label.of("つながり", "Network"));

    private final Label label;

    ListingCategory(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
