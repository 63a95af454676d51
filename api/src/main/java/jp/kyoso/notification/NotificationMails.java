package jp.kyoso.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Language;
import jp.kyoso.mail.MailLayout;
import jp.kyoso.mail.MailLayout.Link;
import jp.kyoso.mail.MailMessage;
import jp.kyoso.mail.Mails;

import java.util.ArrayList;
import java.util.List;

/**
 * The mails of inbox entries: when an entry is made, its recipient's frequency for its kind
 * decides — IMMEDIATE: a mail in the outbox in the same transaction; DAILY or WEEKLY: the entry
 * waits for the next digest ({@link NotificationDigests}); NEVER: no mail.
 */
@ApplicationScoped
public class NotificationMails {

    private static final Label OPEN = Label.of("Kyoso で見る", "Open in Kyoso");
    private static final Label GREETING = Label.of("Kyoso からのお知らせです。", "News from Kyoso.");

    @Inject NotificationSettings settings;
    @Inject UnsubscribeTokens tokens;
    @Inject Mails mails;

    /** Decides how the new entry is mailed and, for IMMEDIATE, enqueues its mail. Caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String entered(Notification n) {
        NotificationSettings.Recipient r = settings.recipient(n.userId);
        MailFrequency f = r.email() == null ? MailFrequency.NEVER : r.frequency(n.kind);
        switch (f) {
            case IMMEDIATE -> {
                mails.send("mail:notification:" + n.id, immediate(r, n), n.municipalityCode, null);
                return "IMMEDIATE";
            }
            case DAILY, WEEKLY -> {
                return f.name();
            }
            default -> {
                return "NONE";
            }
        }
    }

    MailMessage immediate(NotificationSettings.Recipient r, Notification n) {
        Language lang = r.language();
        String message = n.kind.message(n.subject, n.detail, n.counterpart).in(lang);
        String subject = "[Kyoso] " + n.kind.label().in(lang) + ": " + shorten(n.subject);
        return MailLayout.compose(lang, r.email(), subject, List.of(GREETING.in(lang), message),
                List.of(new Link(OPEN.in(lang), mails.link(path(n)))), unsubscribeUrl(r, n.kind));
    }

    MailMessage digest(NotificationSettings.Recipient r, List<Notification> entries, boolean weekly) {
        Language lang = r.language();
        String subject = (weekly ? Label.of("[Kyoso] 今週のお知らせ（%d 件）", "[Kyoso] This week's notifications (%d)")
                : Label.of("[Kyoso] 今日のお知らせ（%d 件）", "[Kyoso] Today's notifications (%d)")).in(lang)
                .formatted(entries.size());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add((weekly ? Label.of("この一週間のお知らせをまとめてお送りします。", "Your notifications of the past week.")
                : Label.of("この一日のお知らせをまとめてお送りします。", "Your notifications of the past day.")).in(lang));
        List<Link> links = new ArrayList<>();
        for (Notification n : entries) {
            String line = "・" + n.kind.label().in(lang) + ": " + n.kind.message(n.subject, n.detail, n.counterpart).in(lang);
            paragraphs.add(line);
            links.add(new Link(shorten(n.subject), mails.link(path(n))));
        }
        links.add(new Link(Label.of("お知らせ一覧", "All notifications").in(lang), mails.link("/me/notifications")));
        // A digest's one-click link stops every kind mailed in that digest.
        return MailLayout.compose(lang, r.email(), subject, paragraphs, links, mails.link("/api/v1/unsubscribe/"
                + tokens.issueDigest(r.userId(), weekly ? MailFrequency.WEEKLY : MailFrequency.DAILY)));
    }

    private String unsubscribeUrl(NotificationSettings.Recipient r, NotificationKind kind) {
        return mails.link("/api/v1/unsubscribe/" + tokens.issue(r.userId(), kind));
    }

    static String path(Notification n) {
        if (n.eventId != null) {
            return "/events/" + n.eventId;
        }
        if (n.matchId != null) {
            return "/matches/" + n.matchId;
        }
        if (n.projectId != null) {
            return "/projects/" + n.projectId;
        }
        if (n.listingId != null) {
            return "/listings/" + n.listingId;
        }
        return "/me/notifications";
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }
}
