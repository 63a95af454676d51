package jp.kyoso.event;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** What kind of gathering an event is. */
public enum EventKind implements Labelled {
    FORUM(Label.of("フォーラム", "Forum")),
    SEMINAR(Label.of("セミナー・講座", "Seminar or course")),
    WORKSHOP(Label.of("ワークショップ", "Workshop")),
    AREA_MEETING(Label.of("エリアミーティング・地域会議", "Area meeting")),
    DIALOGUE(Label.of("対話の場", "Dialogue")),
    VOLUNTEER(Label.of("活動・ボランティア", "Activity or volunteering")),
    EXCHANGE(Label.of("交流会", "Networking")),
    OTHER(Label.of("その他", "Other"));

    private final Label label;

    EventKind(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
