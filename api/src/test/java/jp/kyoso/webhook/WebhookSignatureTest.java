package jp.kyoso.webhook;

import com.example.kyoso.WebhookVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signer produces the committed vectors (examples/webhooks/signature-vectors.json, the first
 * being the Standard Webhooks specification's own example), and the verifier of
 * docs/integrations.md accepts them and refuses anything changed. The TypeScript verifier is
 * checked against the same file by web's webhookSignature.test.ts.
 */
class WebhookSignatureTest {

    private static JsonNode vectors() throws Exception {
        return new ObjectMapper().readTree(Files.readString(Path.of("../examples/webhooks/signature-vectors.json")))
                .get("cases");
    }

    @Test
    void theSignerProducesEveryVector() throws Exception {
        for (JsonNode v : vectors()) {
            byte[] key = Base64.getDecoder().decode(v.get("secret").asText().substring(WebhookSignature.PREFIX.length()));
            assertEquals(v.get("signature").asText(), WebhookSignature.sign(key, v.get("id").asText(),
                    Long.parseLong(v.get("timestamp").asText()), v.get("body").asText()), v.get("name").asText());
        }
    }

    @Test
    void theVerifierAcceptsTheVectorsAndRefusesChanges() throws Exception {
        for (JsonNode v : vectors()) {
            WebhookVerifier verifier = new WebhookVerifier(v.get("secret").asText());
            String id = v.get("id").asText();
            String ts = v.get("timestamp").asText();
            String body = v.get("body").asText();
            String sig = v.get("signature").asText();
            Instant at = Instant.ofEpochSecond(Long.parseLong(ts)).plusSeconds(30);
            verifier.verify(id, ts, sig, body, at);
            // Among others (a rotation sends the old and the new key's signature).
            verifier.verify(id, ts, "v1,bm90IHRoaXMgb25l " + sig, body, at);
            assertThrows(SecurityException.class, () -> verifier.verify(id, ts, sig, body + " ", at));
            assertThrows(SecurityException.class, () -> verifier.verify(id + "x", ts, sig, body, at));
            assertThrows(SecurityException.class, () -> verifier.verify(id, Long.toString(Long.parseLong(ts) + 1), sig, body,
                    at));
            assertThrows(SecurityException.class, () -> verifier.verify(id, ts, "v2," + sig.substring(3), body, at));
            // A replay ten minutes later is refused even with a good signature.
            assertThrows(SecurityException.class, () -> verifier.verify(id, ts, sig, body, at.plusSeconds(600)));
        }
    }

    @Test
    void secretsAreWhsecAndBase64OfAFreshKey() {
        byte[] a = WebhookSignature.newKey();
        byte[] b = WebhookSignature.newKey();
        assertEquals(32, a.length);
        assertTrue(!java.util.Arrays.equals(a, b));
        String secret = WebhookSignature.secretOf(a);
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(java.util.Arrays.toString(a),
                java.util.Arrays.toString(Base64.getDecoder().decode(secret.substring(6))));
    }
}
