package jp.kyoso.area;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** The levels of a municipality's area tree (地域・地区・校区・町内). */
public enum AreaKind implements Labelled {
    DISTRICT(Label.of("地区", "District")),
    SCHOOL_ZONE(Label.of("校区", "School zone")),
    NEIGHBOURHOOD(Label.of("町内", "Neighbourhood")),
    OTHER(Label.of("その他", "Other"));

    private final Label label;

    AreaKind(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
