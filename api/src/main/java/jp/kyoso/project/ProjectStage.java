package jp.kyoso.project;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** Where a project is in Plan-Do-See: きっかけ → 目標設定 → 課題把握 → 方針作成 → 実行 → ふりかえり. */
public enum ProjectStage implements Labelled {
    TRIGGER(Label.of("きっかけ", "Trigger")),
    VISION(Label.of("目標設定", "Vision")),
    ISSUES(Label.of("課題把握", "Issues")),
    POLICY(Label.of("方針作成", "Policy")),
    ACTION(Label.of("実行", "Action")),
    REVIEW(Label.of("ふりかえり", "Review"));

    private final Label label;

    ProjectStage(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
