package jp.kyoso.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which addresses a webhook may target (SSRF protection), without resolving any name. */
class WebhookTargetsTest {

    private static WebhookTargets.Refusal refusal(String literal) throws Exception {
        return WebhookTargets.refusal(InetAddress.getByName(literal));
    }

    @Test
    void publicUnicastAddressesMayBeTargets() throws Exception {
        for (String ok : new String[] {"8.8.8.8", "133.242.0.1", "203.0.114.1", "172.32.0.1", "100.128.0.1",
                "2001:4860:4860::8888", "2a00:1450::1"}) {
            assertNull(refusal(ok), ok);
        }
    }

    @Test
    void privateLoopbackLinkLocalAndReservedAddressesAreRefused() throws Exception {
        String[][] refused = {
                {"127.0.0.1", "a loopback address"}, {"127.9.9.9", "a loopback address"}, {"::1", "a loopback address"},
                {"10.1.2.3", "a private address"}, {"172.16.0.1", "a private address"}, {"172.31.255.255", "a private address"},
                {"192.168.1.1", "a private address"}, {"100.64.0.1", "a shared (carrier-grade NAT) address"},
                {"169.254.169.254", "a link-local address"}, {"fe80::1", "a link-local address"},
                {"fc00::1", "a unique-local address"}, {"fd12:3456::1", "a unique-local address"},
                {"192.0.2.1", "a reserved address"}, {"198.18.0.1", "a reserved address"}, {"240.0.0.1", "a reserved address"},
                {"2001:db8::1", "a documentation address"}, {"2001:0:4136:e378::1", "a Teredo tunnel address"},
                // IPv4 wrapped in IPv6 is judged by the IPv4 address inside.
                {"::ffff:10.0.0.1", "a private address"}, {"64:ff9b::7f00:1", "a loopback address"},
                {"2002:c0a8:0101::1", "a private address"}, {"::127.0.0.1", "a loopback address"}};
        for (String[] r : refused) {
            WebhookTargets.Refusal why = refusal(r[0]);
            assertNotNull(why, r[0]);
            assertEquals(r[1], why.why().en(), r[0]);
            assertEquals(false, why.always(), r[0]);
        }
    }

    @Test
    void multicastBroadcastAndUnspecifiedAreRefusedEvenWherePrivateTargetsAreAllowed() throws Exception {
        for (String never : new String[] {"0.0.0.0", "0.1.2.3", "::", "224.0.0.1", "239.255.255.250", "ff02::1",
                "255.255.255.255"}) {
            WebhookTargets.Refusal why = refusal(never);
            assertNotNull(why, never);
            assertEquals(true, why.always(), never);
        }
    }
}
