package jp.kyoso.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Settings of the HTTP edge as production has them, scaled down so that a test can reach them:
 * low rate limits, a two-second idle timeout, a configured public URL, and a TLS proxy on the
 * loopback address whose forwarded headers are trusted. One profile for every test that needs
 * them, so the application restarts once for all of them.
 */
public class EdgeProfile implements QuarkusTestProfile {

    public static final String PUBLIC_URL = "https://kyoso.example.jp";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kyoso.rate-limit.anonymous-reads-per-minute", "5",
                "kyoso.rate-limit.writes-per-minute", "3",
                "quarkus.http.idle-timeout", "2s",
                "kyoso.public-url", PUBLIC_URL,
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
    }
}
