package jp.kyoso.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jp.kyoso.local.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real parts every test runs against: a PostgreSQL server from Maven Central binaries
 * (fresh data directory), an SMTP server (GreenMail, in process on a free port; a test reads what
 * arrived through a {@link MailServer} field) and Keycloak, which the Maven build starts once per run from
 * Keycloak's own distribution with the realm in docker/keycloak (see api/pom.xml).
 */
public class KyosoTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;
    private GreenMail mail;

    @Override
    public Map<String, String> start() {
        try {
            Path dataDir = Files.createTempDirectory("kyoso-test-pg").resolve("data");
            database = EmbeddedDatabase.start(dataDir, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A real SMTP server on a free port (GreenMail, in process): the API's mail goes over a socket.
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(mail.getSmtp().getPort()),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password(),
                "quarkus.oidc.auth-server-url", Keycloak.awaitRealm());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(mail, new TestInjector.AnnotatedAndMatchesType(MailServer.class, GreenMail.class));
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.stop();
        }
        if (database != null) {
            database.close();
        }
    }
}
