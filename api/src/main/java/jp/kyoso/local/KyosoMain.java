package jp.kyoso.local;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.nio.file.Path;

/**
 * Entry point of the packaged application. Before Quarkus starts it provides what a new user's
 * machine lacks: with no datasource configured it starts an embedded PostgreSQL whose data
 * survives restarts, and in the demo run with no OIDC server configured it starts the local
 * identity provider. Configured production settings always win and start nothing.
 *
 * <p>{@code java -jar quarkus-run.jar database} starts only the embedded PostgreSQL (with the
 * same durable settings) on {@code KYOSO_DATABASE_PORT} (default 5432, loopback only) with its
 * data in {@code KYOSO_DATA_DIR}, and waits until it is stopped (SIGTERM stops the server
 * cleanly). An API started with {@code QUARKUS_DATASOURCE_JDBC_URL} pointing at it then uses it
 * like any external PostgreSQL: the crash test kills and restarts the two separately.
 */
@QuarkusMain
public final class KyosoMain {

    public static void main(String... args) {
        if (args.length > 0 && "database".equals(args[0])) {
            runDatabaseOnly();
            return;
        }
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

    /** The database-only mode: the embedded PostgreSQL in this process, and nothing else. */
    private static void runDatabaseOnly() {
        Path dataDir = Path.of(setting("kyoso.data-dir",
                Path.of(System.getProperty("user.home"), ".kyoso", "data").toString()));
        int port = Integer.parseInt(setting("kyoso.database.port", "5432"));
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(dataDir, false, port);
        } catch (RuntimeException e) {
            System.err.println("Kyoso: the embedded PostgreSQL did not start on port " + port + " with data in "
                    + dataDir + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("Kyoso: embedded PostgreSQL with data in " + dataDir + " at " + database.jdbcUrl()
                + " (user " + database.username() + "); stop it with SIGTERM (Ctrl-C)");
        // The library's own shutdown hook stops the server cleanly on SIGTERM.
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
