package jp.kyoso.mail;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Language;

import java.util.List;

/**
 * Every mail's shape: a greeting line, paragraphs, a link to the object, and a footer with the
 * unsubscribe link when there is one, in plain text and in HTML (escaped; no images, no scripts).
 */
public final class MailLayout {

    private static final Label FOOTER = Label.of("このメールは協創プラットフォーム Kyoso から送信しています。",
            "This mail was sent by Kyoso, the co-creation platform.");
    private static final Label UNSUBSCRIBE = Label.of("この種類のメールを停止する", "Stop mails of this kind");
    private static final Label SETTINGS = Label.of("通知の設定はマイページで変更できます。",
            "You can change your notification settings on My page.");

    private MailLayout() {
    }

    /** A link in a mail: its label and absolute address. */
    public record Link(String label, String url) {
    }

    public static MailMessage compose(Language language, String to, String subject, List<String> paragraphs,
                                      List<Link> links, String unsubscribeUrl) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(language == Language.EN ? "en" : "ja").append("\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(subject)).append("</title></head><body>");
        for (String p : paragraphs) {
            text.append(p).append("\n\n");
            html.append("<p>").append(escape(p).replace("\n", "<br>")).append("</p>");
        }
        for (Link l : links) {
            text.append(l.label()).append(": ").append(l.url()).append("\n");
            html.append("<p><a href=\"").append(escape(l.url())).append("\">").append(escape(l.label())).append("</a></p>");
        }
        text.append("\n--\n").append(FOOTER.in(language)).append("\n");
        html.append("<hr><p><small>").append(escape(FOOTER.in(language)));
        if (unsubscribeUrl != null) {
            text.append(SETTINGS.in(language)).append("\n").append(UNSUBSCRIBE.in(language)).append(": ")
                    .append(unsubscribeUrl).append("\n");
            html.append(" ").append(escape(SETTINGS.in(language))).append(" <a href=\"").append(escape(unsubscribeUrl))
                    .append("\">").append(escape(UNSUBSCRIBE.in(language))).append("</a>");
        }
        html.append("</small></p></body></html>");
        return new MailMessage(to, subject, text.toString(), html.toString(), unsubscribeUrl);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
