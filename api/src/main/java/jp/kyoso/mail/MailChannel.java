package jp.kyoso.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.outbox.OutboxChannel;
import jp.kyoso.core.outbox.OutboxMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Delivers mail outbox messages over SMTP with the Quarkus Mailer (configured only by the
 * standard {@code QUARKUS_MAILER_*} variables). A server that is down or refuses a recipient
 * throws, and the outbox retries with backoff until {@code kyoso.mail.give-up-after}.
 */
@ApplicationScoped
public class MailChannel implements OutboxChannel {

    public static final String NAME = "mail";

    @Inject Mailer mailer;
    @Inject ObjectMapper json;

    @ConfigProperty(name = "kyoso.mail.timeout", defaultValue = "30s")
    Duration timeout;
    @ConfigProperty(name = "kyoso.mail.give-up-after", defaultValue = "72h")
    Duration giveUpAfter;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        MailMessage m = json.readValue(message.payload(), MailMessage.class);
        Mail mail = Mail.withText(m.to(), m.subject(), m.text()).setHtml(m.html());
        // Message-ID from the outbox row: a retry after a lost outcome is recognisable as the same mail.
        mail.addHeader("Message-ID", "<" + message.id() + "@kyoso>");
        if (m.unsubscribeUrl() != null) {
            mail.addHeader("List-Unsubscribe", "<" + m.unsubscribeUrl() + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mailer.send(mail);
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public Duration giveUpAfter() {
        return giveUpAfter;
    }
}
