package jp.kyoso.core.boot;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.nio.file.Path;

/**
 * Entry point of the packaged application. Before Quarkus starts it provides what a new user's
 * machine lacks: with no datasource configured it starts an embedded PostgreSQL whose data
 * survives restarts, and in the demo run with no OIDC server configured it starts the local
 * identity provider. Configured production settings always win and start nothing.
 */
@QuarkusMain
public final class KyosoMain {

    public static void main(String... args) {
        if (!isConfigured("quarkus.datasource.jdbc.url")) {
            Path dataDir = Path.of(setting("kyoso.data-dir",
                    Path.of(System.getProperty("user.home"), ".kyoso", "data").toString()));
            EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, false);
            System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
            System.setProperty("quarkus.datasource.username", database.username());
            System.setProperty("quarkus.datasource.password", database.password());
            System.out.println("Kyoso: embedded PostgreSQL with data in " + dataDir);
        }
        if (!isConfigured("quarkus.oidc.auth-server-url")) {
            if (Boolean.parseBoolean(setting("kyoso.demo-data", "false"))) {
                int port = Integer.parseInt(setting("kyoso.dev-issuer.port", "8180"));
                DevIdentityProvider issuer = DevIdentityProvider.start(port);
                System.setProperty("quarkus.oidc.auth-server-url", issuer.issuer());
                System.out.println("Kyoso: local demo identity provider at " + issuer.issuer());
            } else {
                // No identity provider: every public read still works, writes answer 401.
                System.setProperty("quarkus.oidc.tenant-enabled", "false");
            }
        }
        Quarkus.run(args);
    }

    private static boolean isConfigured(String property) {
        return System.getProperty(property) != null || System.getenv(envName(property)) != null;
    }

    private static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(envName(property));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** MicroProfile Config's mapping of a property name to an environment variable name. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
