package jp.kyoso.indicator;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** Where an indicator's figures come from. */
public enum IndicatorSource implements Labelled {
    RESIDENT_SURVEY(Label.of("市民アンケート", "Resident survey")),
    STAFF_SURVEY(Label.of("職員アンケート", "Staff survey")),
    STATISTICS(Label.of("業務統計", "Administrative statistics")),
    OTHER(Label.of("その他", "Other")),
    /** Computed from Kyoso's own records ({@link Indicator#computedMeasure}): actuals are derived, not typed. */
    PLATFORM(Label.of("Kyoso の記録から集計", "Computed from Kyoso's records"));

    private final Label label;

    IndicatorSource(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
