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
                requireSameMajor(dataDirectory);
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

    /** The PostgreSQL major version of the bundled server binaries (the zonky BOM in pom.xml). */
    public static final String MAJOR = "17";

    /**
     * A data directory written by another major version (the embedded server was 14 before) cannot
     * be opened by this server: say so and how to go on, instead of PostgreSQL's own error.
     */
    private static void requireSameMajor(Path dataDirectory) throws IOException {
        Path version = dataDirectory.resolve("PG_VERSION");
        if (!Files.exists(version)) {
            return;
        }
        String found = Files.readString(version).trim();
        if (!MAJOR.equals(found)) {
            throw new IllegalStateException("The data in " + dataDirectory + " was written by PostgreSQL " + found
                    + "; the embedded server is PostgreSQL " + MAJOR + ". Move the directory aside (or set KYOSO_DATA_DIR"
                    + " elsewhere) to start afresh, or dump it with PostgreSQL " + found
                    + "'s pg_dump and restore it with scripts/restore.sh (docs/operations.md, Upgrading PostgreSQL).");
        }
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
