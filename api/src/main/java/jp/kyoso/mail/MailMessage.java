package jp.kyoso.mail;

/**
 * One e-mail as the outbox keeps it (its payload): recipient, subject, plain text and HTML, and
 * the one-click unsubscribe address (RFC 8058) when the mail is one a person may turn off.
 */
public record MailMessage(String to, String subject, String text, String html, String unsubscribeUrl) {
}
