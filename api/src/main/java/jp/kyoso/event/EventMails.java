package jp.kyoso.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Language;
import jp.kyoso.mail.MailLayout;
import jp.kyoso.mail.MailLayout.Link;
import jp.kyoso.mail.Mails;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The mails of guests (registrants without an account, so without an inbox or settings): the
 * confirmation of their registration, a reminder before the start, and word when their
 * registration or the event is cancelled or they move off the waitlist. Straight through the
 * outbox, in Japanese with English below, once per registration and cause.
 */
@ApplicationScoped
public class EventMails {

    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    enum Kind {
        CONFIRMED(Label.of("お申込みを受け付けました", "Your registration is confirmed"),
                Label.of("イベント「%s」へのお申込みを受け付けました。受付番号は %s です。当日受付でお伝えください。",
                        "Your registration for \"%s\" is confirmed. Your registration code is %s; give it at the door.")),
        WAITLISTED(Label.of("キャンセル待ちで受け付けました", "You are on the waitlist"),
                Label.of("イベント「%s」は満席のため、キャンセル待ちで受け付けました（受付番号 %s）。席が空いたらお知らせします。",
                        "\"%s\" is full: you are on the waitlist (code %s). We will tell you when a seat frees up.")),
        PROMOTED(Label.of("参加が確定しました", "You are off the waitlist"),
                Label.of("イベント「%s」に席が空き、参加が確定しました（受付番号 %s）。",
                        "A seat freed up at \"%s\": you are registered (code %s).")),
        REMINDER(Label.of("まもなく開催です", "Coming up soon"),
                Label.of("お申し込みのイベント「%s」がまもなく始まります（受付番号 %s）。",
                        "The event \"%s\" you registered for starts soon (code %s).")),
        REGISTRATION_CANCELLED(Label.of("お申込みが取り消されました", "Your registration is cancelled"),
                Label.of("イベント「%s」へのお申込み（受付番号 %s）は取り消されました。",
                        "Your registration for \"%s\" (code %s) is cancelled.")),
        EVENT_CANCELLED(Label.of("イベントは中止になりました", "The event is cancelled"),
                Label.of("お申し込みのイベント「%s」は中止になりました（受付番号 %s）。",
                        "The event \"%s\" you registered for is cancelled (code %s)."));

        final Label subject;
        final Label body;

        Kind(Label subject, Label body) {
            this.subject = subject;
            this.body = body;
        }
    }

    @Inject Mails mails;

    /** Mails a guest registration (no-op for a signed-in person's). Runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tellGuest(Event event, EventRegistration r, Kind kind, String note) {
        if (r.userId != null || r.guestEmail == null) {
            return;
        }
        List<String> paragraphs = new ArrayList<>();
        for (Language lang : List.of(Language.JA, Language.EN)) {
            StringBuilder b = new StringBuilder();
            b.append(Label.of("%s 様", "Dear %s,").in(lang).formatted(r.guestName)).append("\n")
                    .append(kind.body.in(lang).formatted(event.title, r.code)).append("\n")
                    .append(Label.of("日時: ", "When: ").in(lang)).append(when(event)).append("\n");
            if (event.venueName != null) {
                b.append(Label.of("会場: ", "Where: ").in(lang)).append(event.venueName)
                        .append(event.venueAddress == null ? "" : "（" + event.venueAddress + "）").append("\n");
            }
            if (note != null && !note.isBlank()) {
                b.append(Label.of("理由: ", "Reason: ").in(lang)).append(note).append("\n");
            }
            paragraphs.add(b.toString().strip());
        }
        String subject = "[Kyoso] " + kind.subject.ja() + " / " + kind.subject.en() + ": " + event.title;
        var mail = MailLayout.compose(Language.JA, r.guestEmail, subject, paragraphs,
                List.of(new Link("イベントのページ / The event's page",
                        mails.link("/events/" + event.id))), null);
        mails.send("mail:event-guest:" + kind.name().toLowerCase() + ":" + r.id, mail, event.municipalityCode, null);
    }

    static String when(Event e) {
        return WHEN.format(e.startsAt.atZoneSameInstant(ZONE));
    }
}
