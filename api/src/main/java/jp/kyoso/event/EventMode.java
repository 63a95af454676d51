package jp.kyoso.event;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** Where people take part: at a venue, online, or both. */
public enum EventMode implements Labelled {
    IN_PERSON(Label.of("会場", "In person")),
    ONLINE(Label.of("オンライン", "Online")),
    HYBRID(Label.of("会場とオンライン", "Hybrid"));

    private final Label label;

    EventMode(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
