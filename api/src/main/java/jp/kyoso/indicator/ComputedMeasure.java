package jp.kyoso.indicator;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;
import jp.kyoso.event.ParticipationFunnel.Figures;

/**
 * Which figure of the participation funnel (event/ParticipationFunnel) a computed indicator's
 * actual is, per fiscal year.
 */
public enum ComputedMeasure implements Labelled {
    EVENTS_HELD(Label.of("開催件数", "Events held")),
    REGISTRATIONS(Label.of("申込数", "Registrations")),
    /** The reported attendance: the closing report's count (else the check-ins) plus walk-ins. */
    ATTENDEES(Label.of("参加者数（出席と当日参加）", "Attendance (checked in and walk-ins)")),
    FIRST_TIME_ATTENDEES(Label.of("初参加者数", "First-time attendees")),
    STEPPED_UP(Label.of("次の一歩に進んだ参加者数（12か月以内）", "Attendees who stepped up (within 12 months)"));

    private final Label label;

    ComputedMeasure(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }

    public long of(Figures figures) {
        return switch (this) {
            case EVENTS_HELD -> figures.eventsHeld();
            case REGISTRATIONS -> figures.registrations();
            case ATTENDEES -> figures.headcount();
            case FIRST_TIME_ATTENDEES -> figures.firstTimeAttendees();
            case STEPPED_UP -> figures.steppedUp();
        };
    }
}
