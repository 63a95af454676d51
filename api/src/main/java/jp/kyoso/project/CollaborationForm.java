package jp.kyoso.project;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** 協働の形態: how partners work together. */
public enum CollaborationForm implements Labelled {
    CO_HOSTING(Label.of("共催", "Co-hosting")),
    ENDORSEMENT(Label.of("後援", "Endorsement")),
    EXECUTIVE_COMMITTEE(Label.of("実行委員会・協議会", "Executive committee")),
    ADOPTION(Label.of("アドプト制度", "Adoption scheme")),
    COOPERATION(Label.of("事業協力", "Cooperation")),
    COMMISSION(Label.of("協働委託", "Commission")),
    SUBSIDY(Label.of("補助・助成", "Subsidy")),
    POLICY_PROPOSAL(Label.of("参画提案・政策提案", "Policy proposal")),
    INFORMATION_EXCHANGE(Label.of("情報提供・情報交換", "Information exchange"));

    private final Label label;

    CollaborationForm(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
