package jp.kyoso.webhook;

import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where a webhook may be sent (SSRF protection): an https URL without user info whose host
 * resolves only to public addresses — never loopback, private, shared (CGNAT), link-local,
 * unique-local, documentation or other reserved ranges, and never multicast, broadcast or the
 * unspecified address. Checked for every resolved address at registration and again before each
 * delivery (a name may resolve elsewhere later). {@code kyoso.webhook.allow-private-targets}
 * ({@code KYOSO_WEBHOOK_ALLOW_PRIVATE_TARGETS}) lets tests and the demo use http and private or
 * loopback receivers; it is honoured in the test, dev and demo profiles only. Multicast,
 * broadcast and unspecified targets stay refused even then: nothing can answer there.
 */
@ApplicationScoped
public class WebhookTargets {

    private static final Logger LOG = Logger.getLogger(WebhookTargets.class);
    private static final List<String> RELAXED_PROFILES = List.of("test", "dev", "demo");

    /** Why an address is refused, or null; {@code always}: refused even where private targets are allowed. */
    record Refusal(Label why, boolean always) {
    }

    @ConfigProperty(name = "kyoso.webhook.allow-private-targets", defaultValue = "false")
    boolean configured;

    boolean allowPrivate;

    @PostConstruct
    void init() {
        boolean relaxed = ConfigUtils.getProfiles().stream().anyMatch(RELAXED_PROFILES::contains);
        if (configured && !relaxed) {
            LOG.warn("kyoso.webhook.allow-private-targets is ignored outside the test, dev and demo profiles");
        }
        allowPrivate = configured && relaxed;
    }

    /** The URL as a URI if it may be registered; else a 400 naming {@code field} and saying why. */
    public URI require(String url, String field) {
        URI uri = parse(url, field);
        Label problem = problem(uri);
        if (problem != null) {
            throw Problems.invalidField(field, problem);
        }
        return uri;
    }

    /** Null when the URL may be delivered to now; else why not. */
    public Label problem(URI uri) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Label.of("送信先のホスト名 " + uri.getHost() + " を解決できません",
                    "The host " + uri.getHost() + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            Refusal refusal = refusal(address);
            if (refusal != null && (refusal.always() || !allowPrivate)) {
                String shown = address.getHostAddress();
                return Label.of("送信先 " + uri.getHost() + " (" + shown + ") は" + refusal.why().ja() + "のため使えません",
                        "The target " + uri.getHost() + " (" + shown + ") is " + refusal.why().en() + " and may not be used");
            }
        }
        return null;
    }

    private URI parse(String url, String field) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw Problems.invalidField(field, Label.of("URL の形式が正しくありません", "Not a valid URL"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            throw Problems.invalidField(field, Label.of("https:// で始まる URL を指定してください",
                    "Must be an absolute https:// URL"));
        }
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw Problems.invalidField(field, Label.of("https:// で始まる URL を指定してください（http は使えません）",
                    "Must be an https:// URL (plain http is not allowed)"));
        }
        if (uri.getRawUserInfo() != null) {
            throw Problems.invalidField(field, Label.of("URL に利用者名やパスワードは含められません",
                    "The URL may not contain a user name or password"));
        }
        if (uri.getRawFragment() != null) {
            throw Problems.invalidField(field, Label.of("URL に # 以降（フラグメント）は含められません",
                    "The URL may not contain a fragment"));
        }
        return uri;
    }

    /** Why an address may not be a target, or null for a public unicast address. */
    static Refusal refusal(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return new Refusal(Label.of("未指定アドレス", "the unspecified address"), true);
        }
        if (address.isMulticastAddress()) {
            return new Refusal(Label.of("マルチキャストアドレス", "a multicast address"), true);
        }
        if (address.isLoopbackAddress()) {
            return new Refusal(Label.of("ループバックアドレス", "a loopback address"), false);
        }
        if (address.isLinkLocalAddress()) {
            return new Refusal(Label.of("リンクローカルアドレス", "a link-local address"), false);
        }
        if (address instanceof Inet4Address v4) {
            return refusal4(v4.getAddress());
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return new Refusal(Label.of("ユニークローカルアドレス", "a unique-local address"), false);
        }
        if (address.isSiteLocalAddress()) {
            return new Refusal(Label.of("プライベートアドレス", "a private address"), false);
        }
        if (first == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
            return new Refusal(Label.of("文書用の予約アドレス", "a documentation address"), false);
        }
        // IPv4 inside IPv6: compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry
        // an IPv4 address that is checked as such; Teredo (2001::/32) tunnels to anywhere.
        boolean zeros = true;
        for (int i = 0; i < 12; i++) {
            zeros &= b[i] == 0;
        }
        if (zeros || (first == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b)) {
            return refusal4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (first == 0x20 && b[1] == 0x02) {
            return refusal4(new byte[] {b[2], b[3], b[4], b[5]});
        }
        if (first == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            return new Refusal(Label.of("Teredo トンネルのアドレス", "a Teredo tunnel address"), false);
        }
        return address instanceof Inet6Address ? null : new Refusal(Label.of("不明な種類のアドレス", "an unknown kind of address"), true);
    }

    private static Refusal refusal4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return new Refusal(Label.of("未指定アドレス", "the unspecified address"), true);
        }
        if (a0 == 255 && a1 == 255 && a2 == 255 && (b[3] & 0xff) == 255) {
            return new Refusal(Label.of("ブロードキャストアドレス", "the broadcast address"), true);
        }
        if (a0 >= 224 && a0 <= 239) {
            return new Refusal(Label.of("マルチキャストアドレス", "a multicast address"), true);
        }
        if (a0 == 127) {
            return new Refusal(Label.of("ループバックアドレス", "a loopback address"), false);
        }
        if (a0 == 169 && a1 == 254) {
            return new Refusal(Label.of("リンクローカルアドレス", "a link-local address"), false);
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return new Refusal(Label.of("プライベートアドレス", "a private address"), false);
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return new Refusal(Label.of("共有アドレス（CGNAT）", "a shared (carrier-grade NAT) address"), false);
        }
        if ((a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) || (a0 == 198 && (a1 == 18 || a1 == 19))
                || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113) || a0 >= 240) {
            return new Refusal(Label.of("予約済みアドレス", "a reserved address"), false);
        }
        return null;
    }
}
