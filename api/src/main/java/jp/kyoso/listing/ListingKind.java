package jp.kyoso.listing;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** 有る・無い: what an organisation can offer (HAVE) or lacks (NEED). */
public enum ListingKind implements Labelled {
    HAVE(Label.of("有る", "Have")),
    NEED(Label.of("無い", "Need"));

    private final Label label;

    ListingKind(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }

    /** The kind a listing of this kind is matched with. */
    public ListingKind counterpart() {
        return this == HAVE ? NEED : HAVE;
    }
}
