package jp.kyoso.project;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** 協創の領域 A–E: from citizen-led to government-led. */
public enum CoCreationDomain implements Labelled {
    CITIZEN_LED(Label.of("A: 市民主体・民間主体", "A: Citizen-led")),
    CITIZEN_INITIATIVE(Label.of("B: 市民主導・民間主導", "B: Citizen initiative")),
    EQUAL(Label.of("C: 対等", "C: Equal")),
    GOVERNMENT_INITIATIVE(Label.of("D: 行政主導", "D: Government initiative")),
    GOVERNMENT_LED(Label.of("E: 行政主体", "E: Government-led"));

    private final Label label;

    CoCreationDomain(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
