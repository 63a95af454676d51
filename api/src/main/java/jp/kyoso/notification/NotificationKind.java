package jp.kyoso.notification;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** What a notification tells; each renders its message from subject, detail and counterpart. */
public enum NotificationKind implements Labelled {
    MATCH_PROPOSED(Label.of("マッチの提案", "Match proposed"),
            Label.of("{counterpart} から「{subject}」へのマッチの提案が届きました",
                    "{counterpart} proposed a match for \"{subject}\"")),
    MATCH_ACCEPTED(Label.of("マッチ成立", "Match accepted"),
            Label.of("{counterpart} が「{subject}」のマッチを承諾しました。互いの連絡先が見られます",
                    "{counterpart} accepted the match for \"{subject}\"; you can now see each other's contacts")),
    MATCH_DECLINED(Label.of("マッチの辞退", "Match declined"),
            Label.of("{counterpart} が「{subject}」のマッチを辞退しました",
                    "{counterpart} declined the match for \"{subject}\"")),
    MATCH_WITHDRAWN(Label.of("提案の取り下げ", "Proposal withdrawn"),
            Label.of("{counterpart} が「{subject}」へのマッチの提案を取り下げました",
                    "{counterpart} withdrew the match proposed for \"{subject}\"")),
    MATCH_FULFILLED(Label.of("マッチ完了", "Match fulfilled"),
            Label.of("{counterpart} との「{subject}」のマッチが完了しました",
                    "The match for \"{subject}\" with {counterpart} is fulfilled")),
    STRONG_SUGGESTION(Label.of("おすすめの有る", "Strong suggestion"),
            Label.of("「{subject}」に合いそうな有る「{detail}」（{counterpart}）が登録されました",
                    "A new have fits \"{subject}\": \"{detail}\" ({counterpart})")),
    PROJECT_INVITATION(Label.of("協創の場への招待", "Project invitation"),
            Label.of("{counterpart} から協創の場「{subject}」への招待が届きました",
                    "{counterpart} invited you to the project \"{subject}\"")),
    PROJECT_INVITATION_ACCEPTED(Label.of("招待の承諾", "Invitation accepted"),
            Label.of("{counterpart} が協創の場「{subject}」への参加を承諾しました",
                    "{counterpart} joined the project \"{subject}\"")),
    PROJECT_INVITATION_DECLINED(Label.of("招待の辞退", "Invitation declined"),
            Label.of("{counterpart} が協創の場「{subject}」への招待を辞退しました",
                    "{counterpart} declined the invitation to the project \"{subject}\"")),
    // Messages relayed through the platform: the notification names the organisation only,
    // never the sender or what they wrote.
    MESSAGE_RECEIVED(Label.of("メッセージの受信", "Message received"),
            Label.of("「{subject}」宛てにメッセージが届きました",
                    "A message arrived for \"{subject}\"")),
    MESSAGE_REPLIED(Label.of("メッセージへの返信", "Message replied"),
            Label.of("「{subject}」からメッセージに返信がありました",
                    "\"{subject}\" replied to your message")),
    EVENT_CANCELLED(Label.of("イベントの中止", "Event cancelled"),
            Label.of("申し込んだイベント「{subject}」は中止になりました（{counterpart}）。理由: {detail}",
                    "The event \"{subject}\" you registered for is cancelled ({counterpart}). Reason: {detail}")),
    EVENT_PROMOTED(Label.of("キャンセル待ちからの繰り上げ", "Off the waitlist"),
            Label.of("イベント「{subject}」に席が空き、キャンセル待ちから参加が確定しました（{counterpart}）",
                    "A seat freed up at \"{subject}\": you are off the waitlist and registered ({counterpart})")),
    SAVED_SEARCH_MATCH(Label.of("保存した検索に新着", "New for a saved search"),
            Label.of("保存した検索「{detail}」に合う「{subject}」が新しく公開されました（{counterpart}）",
                    "New for your saved search \"{detail}\": \"{subject}\" ({counterpart})")),
    BROKER_PROPOSAL(Label.of("つなぎ役からの提案", "Brokered proposal"),
            Label.of("つなぎ役（{detail}）から「{subject}」と {counterpart} との組み合わせが提案されました。両方の承諾で成立します",
                    "A broker ({detail}) proposed matching \"{subject}\" with {counterpart}; it is agreed once both sides accept")),
    BROKER_SIDE_ACCEPTED(Label.of("一方が承諾", "One side accepted"),
            Label.of("{counterpart} がつなぎ役の提案「{subject}」を承諾しました。もう一方の承諾を待っています",
                    "{counterpart} accepted the brokered match for \"{subject}\"; waiting for the other side")),
    EVENT_REMINDER(Label.of("イベントのお知らせ", "Event reminder"),
            Label.of("申し込んだイベント「{subject}」は {detail} に始まります（{counterpart}）",
                    "The event \"{subject}\" you registered for starts at {detail} ({counterpart})")),
    EVENT_CLOSE_REMINDER(Label.of("イベントの締めくくり", "Close your event"),
            Label.of("イベント「{subject}」は終わりました。参加人数と報告を記録して締めくくってください（{detail}）",
                    "The event \"{subject}\" is over: record the attendance and report to close it ({detail})")),
    LISTING_EXPIRING(Label.of("掲載期限の接近", "Listing about to expire"),
            Label.of("「{subject}」の掲載は {detail} で期限切れになります。続ける場合は期限を延ばしてください",
                    "\"{subject}\" expires after {detail}; extend its window to keep it open"));

    private final Label label;
    private final Label template;

    NotificationKind(Label label, Label template) {
        this.label = label;
        this.template = template;
    }

    @Override
    public Label label() {
        return label;
    }

    public Label message(String subject, String detail, String counterpart) {
        return Label.of(fill(template.ja(), subject, detail, counterpart), fill(template.en(), subject, detail, counterpart));
    }

    private static String fill(String template, String subject, String detail, String counterpart) {
        return template.replace("{subject}", subject == null ? "" : subject)
                .replace("{detail}", detail == null ? "" : detail)
                .replace("{counterpart}", counterpart == null ? "" : counterpart);
    }
}
