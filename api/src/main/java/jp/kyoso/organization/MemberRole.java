package jp.kyoso.organization;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** A member's role in an organisation: owners also manage members and invitations. */
public enum MemberRole implements Labelled {
    OWNER(Label.of("代表者", "Owner")),
    EDITOR(Label.of("編集者", "Editor"));

    private final Label label;

    MemberRole(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
