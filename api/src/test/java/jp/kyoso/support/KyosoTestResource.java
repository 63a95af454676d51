package jp.kyoso.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.kyoso.core.boot.DevIdentityProvider;
import jp.kyoso.core.boot.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real parts every test runs against, started once per test run: a PostgreSQL server from
 * Maven Central binaries (fresh data directory) and the local OIDC issuer, whose signed tokens
 * quarkus-oidc verifies through discovery and JWKS exactly as it verifies Keycloak's.
 */
public class KyosoTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;
    private DevIdentityProvider issuer;

    @Override
    public Map<String, String> start() {
        try {
            Path dataDir = Files.createTempDirectory("kyoso-test-pg").resolve("data");
            database = EmbeddedDatabase.start(dataDir, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = DevIdentityProvider.start(0);
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password(),
                "quarkus.oidc.auth-server-url", issuer.issuer());
    }

    @Override
    public void stop() {
        if (issuer != null) {
            issuer.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
