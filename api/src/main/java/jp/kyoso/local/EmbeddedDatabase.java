package jp.kyoso.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real PostgreSQL server run from the binaries that ship on Maven Central (zonky), so that
 * the local run and the tests need neither Docker nor a system installation.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server whose data lives in {@code dataDirectory}. An existing directory is
     * reused as it is, so a restart loses nothing; {@code clean} wipes it first (tests).
     */
    public static EmbeddedDatabase start(Path dataDirectory, boolean clean) {
        return start(dataDirectory, clean, 0);
    }

    /**
     * As {@link #start(Path, boolean)}, listening on {@code port} of the loopback interface
     * (0: any free port).
     */
    public static EmbeddedDatabase start(Path dataDirectory, boolean clean, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            if (!clean) {
                stopOrphanedServer(dataDirectory);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            if (!clean) {
                // The embedded server starts with fsync and synchronous commit off (fast, for
                // throw-away test data). Data a user keeps must survive a crash: turn both on.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    /**
     * A JVM killed with SIGKILL leaves its PostgreSQL child running and holding the data
     * directory. Ask that server to shut down (SIGTERM = smart shutdown) before reusing the
     * directory; its clients are gone, so it stops at once.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
            if (process.info().command().map(c -> c.contains("postgres")).orElse(false)) {
                process.destroy();
                process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            }
        });
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
