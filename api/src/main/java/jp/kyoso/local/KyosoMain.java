package jp.kyoso.local;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.nio.file.Path;
import java.util.List;

/**
 * Entry point of the packaged application. The mode is explicit ({@link StartupSettings}):
 *
 * <ul>
 * <li>demo ({@code KYOSO_DEMO_DATA=true}) and local ({@code KYOSO_EMBEDDED_DATABASE=true}) run with
 * the Quarkus profile {@code demo} (its demo secrets) and, unless a datasource URL is configured,
 * on an embedded PostgreSQL whose data survives restarts ({@code KYOSO_DATA_DIR}). People sign in
 * against {@code QUARKUS_OIDC_AUTH_SERVER_URL} (the Keycloak that {@code ./mvnw -Pdemo} starts);
 * without one the public reads work and writes answer 401.</li>
 * <li>production (neither) starts nothing of its own: without its datasource, identity provider
 * and secrets it stops at once with a message naming each missing variable.</li>
 * </ul>
 *
 * <p>{@code KYOSO_MIGRATE_ONLY=true} migrates the database (Flyway) and exits 0: the Kubernetes
 * migration Job. {@code java -jar quarkus-run.jar database} starts only the embedded PostgreSQL
 * (with the same durable settings) on {@code KYOSO_DATABASE_PORT} (default 5432, loopback only)
 * with its data in {@code KYOSO_DATA_DIR}, and waits until it is stopped (SIGTERM stops the
 * server cleanly): the crash test kills and restarts the two separately.
 */
@QuarkusMain
public final class KyosoMain {

    public static void main(String... args) {
        StartupSettings settings = StartupSettings.fromEnvironment();
        if (args.length > 0 && "database".equals(args[0])) {
            runDatabaseOnly(settings);
            return;
        }
        StartupSettings.Mode mode = settings.mode();
        if (mode == StartupSettings.Mode.PRODUCTION) {
            List<String> problems = settings.productionProblems();
            if (!problems.isEmpty()) {
                System.err.println("Kyoso: cannot start in production mode:");
                problems.forEach(p -> System.err.println("  - " + p));
                System.err.println("(For the demo or a local trial on an embedded PostgreSQL set KYOSO_DEMO_DATA=true or"
                        + " KYOSO_EMBEDDED_DATABASE=true; docs/configuration.md lists every setting.)");
                System.exit(2);
                return;
            }
        } else {
            if (!settings.isSet("quarkus.profile")) {
                System.setProperty("quarkus.profile", "demo");
            }
            if (!settings.isSet("quarkus.datasource.jdbc.url")) {
                Path dataDir = dataDir(settings);
                EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, false);
                System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
                System.setProperty("quarkus.datasource.username", database.username());
                System.setProperty("quarkus.datasource.password", database.password());
                System.out.println("Kyoso: embedded PostgreSQL " + EmbeddedDatabase.MAJOR + " with data in " + dataDir);
            }
            if (!settings.isSet("quarkus.oidc.auth-server-url")) {
                // No identity provider: every public read still works, writes answer 401.
                System.setProperty("quarkus.oidc.tenant-enabled", "false");
                System.out.println("Kyoso: no QUARKUS_OIDC_AUTH_SERVER_URL, so no sign-in (public reads only);"
                        + " ./mvnw -Pdemo starts Keycloak with the demo realm");
            }
        }
        if (settings.isTrue("kyoso.migrate-only")) {
            System.setProperty("quarkus.flyway.migrate-at-start", "true");
            Quarkus.run(MigrateOnly.class, args);
            return;
        }
        Quarkus.run(args);
    }

    /** Started, i.e. migrated by Flyway at start-up: nothing more to do. */
    public static final class MigrateOnly implements QuarkusApplication {
        @Override
        public int run(String... args) {
            System.out.println("Kyoso: database migrated (KYOSO_MIGRATE_ONLY); exiting");
            return 0;
        }
    }

    private static Path dataDir(StartupSettings settings) {
        return Path.of(settings.get("kyoso.data-dir",
                Path.of(System.getProperty("user.home"), ".kyoso", "data").toString()));
    }

    /** The database-only mode: the embedded PostgreSQL in this process, and nothing else. */
    private static void runDatabaseOnly(StartupSettings settings) {
        Path dataDir = dataDir(settings);
        int port = Integer.parseInt(settings.get("kyoso.database.port", "5432"));
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
}
