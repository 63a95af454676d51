package jp.kyoso.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.outbox.OutboxChannel;
import jp.kyoso.core.outbox.OutboxMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends webhook deliveries from the outbox (channel {@value #NAME}): checks the target again
 * (SSRF: its name may resolve elsewhere now), signs the body per Standard Webhooks with a fresh
 * timestamp, and POSTs it with connect and request timeouts, never following a redirect. A 2xx
 * answer is a success; anything else, a timeout or a refused target is a failure that the outbox
 * retries with exponential backoff until {@code kyoso.webhook.give-up-after} (24 h) has passed.
 */
@ApplicationScoped
public class WebhookChannel implements OutboxChannel {

    public static final String NAME = "webhook";

    @ConfigProperty(name = "kyoso.webhook.connect-timeout", defaultValue = "5s")
    Duration connectTimeout;
    @ConfigProperty(name = "kyoso.webhook.request-timeout", defaultValue = "15s")
    Duration requestTimeout;
    @ConfigProperty(name = "kyoso.webhook.give-up-after", defaultValue = "24h")
    Duration giveUpAfter;

    @Inject WebhookTargets targets;
    @Inject WebhookAttempts attempts;
    @Inject ObjectMapper json;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Longer than one request may take, so the outbox's cut-off is the last resort. */
    @Override
    public Duration timeout() {
        return connectTimeout.plus(requestTimeout).plusSeconds(5);
    }

    @Override
    public Duration giveUpAfter() {
        return giveUpAfter;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        UUID deliveryId = deliveryId(message);
        WebhookAttempts.Prepared prepared = attempts.prepare(deliveryId);
        if (prepared == null) {
            return;
        }
        URI target = URI.create(prepared.url());
        Label refused = targets.problem(target);
        if (refused != null) {
            throw failed(deliveryId, null, refused.en());
        }
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(prepared.key(), prepared.eventId(), timestamp, prepared.body());
        if (prepared.previousKey() != null) {
            signature += " " + WebhookSignature.sign(prepared.previousKey(), prepared.eventId(), timestamp, prepared.body());
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Kyoso-Webhooks/1")
                .header("webhook-id", prepared.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(prepared.body()))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw failed(deliveryId, null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            attempts.record(deliveryId, status, null);
            return;
        }
        String error = status >= 300 && status < 400
                ? "HTTP " + status + ": redirects are not followed (Location: "
                        + response.headers().firstValue("Location").orElse("none") + ")"
                : "HTTP " + status;
        throw failed(deliveryId, status, error);
    }

    @Override
    public void gaveUp(OutboxMessage message) {
        attempts.gaveUp(deliveryId(message));
    }

    private IOException failed(UUID deliveryId, Integer status, String error) {
        attempts.record(deliveryId, status, error);
        return new IOException(error);
    }

    private UUID deliveryId(OutboxMessage message) {
        try {
            return UUID.fromString(json.readTree(message.payload()).path("deliveryId").asText());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("A webhook outbox message carries its delivery id", e);
        }
    }
}
