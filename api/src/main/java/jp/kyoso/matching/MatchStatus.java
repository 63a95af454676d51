package jp.kyoso.matching;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/**
 * SUGGESTED (the platform found a strong fit) → PROPOSED (a member of either side) → ACCEPTED or
 * DECLINED (the other side) or WITHDRAWN (the proposer) → FULFILLED (either side, once accepted).
 */
public enum MatchStatus implements Labelled {
    SUGGESTED(Label.of("おすすめ", "Suggested")),
    PROPOSED(Label.of("提案中", "Proposed")),
    ACCEPTED(Label.of("成立", "Accepted")),
    DECLINED(Label.of("辞退", "Declined")),
    WITHDRAWN(Label.of("取り下げ", "Withdrawn")),
    FULFILLED(Label.of("完了", "Fulfilled"));

    private final Label label;

    MatchStatus(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }

    public boolean isLive() {
        return this == SUGGESTED || this == PROPOSED || this == ACCEPTED;
    }

    /** Both sides agreed: contact details are shared. */
    public boolean isAgreed() {
        return this == ACCEPTED || this == FULFILLED;
    }
}
