package jp.kyoso.event;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** A registration: a seat, a place on the waitlist, cancelled, or checked in. */
public enum RegistrationStatus implements Labelled {
    REGISTERED(Label.of("申込済み", "Registered")),
    WAITLISTED(Label.of("キャンセル待ち", "Waitlisted")),
    CANCELLED(Label.of("取消し", "Cancelled")),
    ATTENDED(Label.of("出席", "Attended"));

    private final Label label;

    RegistrationStatus(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }

    /** Holds a seat: registered or already checked in (a waitlisted or cancelled one does not). */
    public boolean holdsSeat() {
        return this == REGISTERED || this == ATTENDED;
    }
}
