package jp.kyoso.local;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mode is chosen explicitly, and a production start names every setting it lacks. */
class StartupSettingsTest {

    private static final Map<String, String> PRODUCTION = Map.of(
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/kyoso",
            "quarkus.datasource.username", "kyoso",
            "quarkus.datasource.password", "s3cret",
            "quarkus.oidc.auth-server-url", "https://id.example.jp/realms/kyoso",
            "quarkus.oidc.credentials.secret", "client-secret",
            "kyoso.session-secret", "0123456789abcdef0123456789abcdef");

    private static StartupSettings settings(Map<String, String> values) {
        return new StartupSettings(values::get);
    }

    @Test
    void nothingSetIsProductionNotAnEmbeddedDatabase() {
        assertEquals(StartupSettings.Mode.PRODUCTION, settings(Map.of()).mode());
        assertEquals(StartupSettings.Mode.DEMO, settings(Map.of("kyoso.demo-data", "true")).mode());
        assertEquals(StartupSettings.Mode.LOCAL, settings(Map.of("kyoso.embedded-database", "true")).mode());
    }

    @Test
    void aCompleteProductionConfigurationStarts() {
        assertEquals(List.of(), settings(PRODUCTION).productionProblems());
    }

    @Test
    void eachMissingSettingIsNamedByItsVariable() {
        for (String property : PRODUCTION.keySet()) {
            Map<String, String> values = new HashMap<>(PRODUCTION);
            values.remove(property);
            List<String> problems = settings(values).productionProblems();
            assertEquals(1, problems.size(), property);
            assertTrue(problems.get(0).startsWith(StartupSettings.envName(property) + " is not set"), problems.get(0));
        }
        assertEquals(6, settings(Map.of()).productionProblems().size());
    }

    @Test
    void forwardedHeadersNeedTrustedProxies() {
        Map<String, String> values = new HashMap<>(PRODUCTION);
        values.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        List<String> problems = settings(values).productionProblems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES is not set"), problems.get(0));
        values.put("quarkus.http.proxy.trusted-proxies", "10.0.0.0/8");
        assertEquals(List.of(), settings(values).productionProblems());
    }

    @Test
    void aShortSessionSecretIsRefused() {
        Map<String, String> values = new HashMap<>(PRODUCTION);
        values.put("kyoso.session-secret", "CHANGE_ME");
        assertEquals(List.of("KYOSO_SESSION_SECRET has 9 characters; it needs at least 32"),
                settings(values).productionProblems());
    }
}
