package com.example.kyoso;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Verifies a Kyoso webhook (Standard Webhooks) with the JDK alone: copy this class into the
 * receiving system. Give it the secret shown when the endpoint was registered
 * ({@code whsec_...}), the three headers and the raw request body exactly as received.
 *
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier(System.getenv("KYOSO_WEBHOOK_SECRET"));
 * verifier.verify(headers.get("webhook-id"), headers.get("webhook-timestamp"),
 *         headers.get("webhook-signature"), rawBody);   // throws when it is not from Kyoso
 * }</pre>
 */
public final class WebhookVerifier {

    /** How far the timestamp may be from now (replayed old messages are refused). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    public WebhookVerifier(String secret) {
        if (secret == null || !secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("A Kyoso webhook secret starts with whsec_");
        }
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** Throws {@link SecurityException} unless one of the signatures matches and the timestamp is recent. */
    public void verify(String id, String timestamp, String signatures, String body) {
        verify(id, timestamp, signatures, body, Instant.now());
    }

    public void verify(String id, String timestamp, String signatures, String body, Instant now) {
        if (id == null || timestamp == null || signatures == null || body == null) {
            throw new SecurityException("Missing webhook-id, webhook-timestamp or webhook-signature");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new SecurityException("webhook-timestamp is not a number of seconds");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
            throw new SecurityException("webhook-timestamp is too far from now");
        }
        byte[] expected = Base64.getDecoder().decode(sign(id, timestamp, body).substring(3));
        // The header may carry several space-separated signatures (during a secret rotation).
        for (String candidate : signatures.split(" ")) {
            if (!candidate.startsWith("v1,")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(3));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new SecurityException("No webhook-signature matches");
    }

    /** {@code v1,} + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)). */
    public String sign(String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
