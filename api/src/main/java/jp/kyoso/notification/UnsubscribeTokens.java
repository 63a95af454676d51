package jp.kyoso.notification;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed tokens of one-click unsubscribe links: a person and a kind, signed with HMAC-SHA256
 * under {@code kyoso.mail.unsubscribe-secret} (by default the session secret every instance shares),
 * so that the link turns that kind off without a sign-in and cannot be forged for anyone else.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    /** Whose link, and what it stops: one kind, or (kind null) every kind mailed in that digest. */
    public record Subject(UUID userId, NotificationKind kind, MailFrequency digest) {
    }

    @ConfigProperty(name = "kyoso.mail.unsubscribe-secret", defaultValue = "${kyoso.session-secret}")
    String secret;

    public String issue(UUID userId, NotificationKind kind) {
        return issue(userId, kind.name());
    }

    /** A digest's link: stops every kind mailed at that frequency. */
    public String issueDigest(UUID userId, MailFrequency digest) {
        return issue(userId, "DIGEST_" + digest.name());
    }

    private String issue(UUID userId, String what) {
        String body = userId + ":" + what;
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(sign(body));
    }

    public Optional<Subject> read(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            String body = new String(b64.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(sign(body), b64.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = body.split(":");
            UUID user = UUID.fromString(parts[0]);
            return Optional.of(parts[1].startsWith("DIGEST_")
                    ? new Subject(user, null, MailFrequency.valueOf(parts[1].substring("DIGEST_".length())))
                    : new Subject(user, NotificationKind.valueOf(parts[1]), null));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("unsubscribe:" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
