package jp.kyoso.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.outbox.Outbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Optional;

/**
 * Sends e-mail: a mail is an outbox message of the {@value MailChannel#NAME} channel, written in the
 * caller's transaction, so it goes out exactly when the change that causes it commits, once per
 * dedupe key (one per recipient and cause), and survives an SMTP server that is down.
 */
@ApplicationScoped
public class Mails {

    @Inject Outbox outbox;

    @ConfigProperty(name = "kyoso.public-url")
    Optional<String> publicUrl;

    /** Enqueues the mail; false when a mail with that key was enqueued before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean send(String dedupeKey, MailMessage mail, String municipalityCode, Instant notBefore) {
        if (mail.to() == null || mail.to().isBlank()) {
            return false;
        }
        return outbox.enqueue(MailChannel.NAME, dedupeKey, mail, notBefore, municipalityCode, mail.to());
    }

    /** An absolute address on the public site for a path such as {@code /events/…}. */
    public String link(String path) {
        String base = publicUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                .orElse("http://localhost:8080");
        return base + path;
    }
}
