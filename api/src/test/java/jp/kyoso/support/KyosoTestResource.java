package jp.kyoso.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.kyoso.local.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real parts every test runs against: a PostgreSQL server from Maven Central binaries
 * (fresh data directory) and Keycloak, which the Maven build starts once per run from
 * Keycloak's own distribution with the realm in docker/keycloak (see api/pom.xml).
 */
public class KyosoTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            Path dataDir = Files.createTempDirectory("kyoso-test-pg").resolve("data");
            database = EmbeddedDatabase.start(dataDir, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password(),
                "quarkus.oidc.auth-server-url", Keycloak.awaitRealm());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
