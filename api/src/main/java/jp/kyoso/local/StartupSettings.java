package jp.kyoso.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * What the packaged application is asked to be, decided before Quarkus starts: an explicit mode,
 * never the absence of a setting. {@link Mode#DEMO} ({@code KYOSO_DEMO_DATA=true}) and
 * {@link Mode#LOCAL} ({@code KYOSO_EMBEDDED_DATABASE=true}) may start the embedded PostgreSQL;
 * {@link Mode#PRODUCTION} (neither) starts nothing of its own and refuses to start without its
 * database, identity provider and secrets, naming each missing variable.
 *
 * <p>A setting is read where Quarkus reads it at run time outside the jar: system properties,
 * environment variables, {@code .env} and {@code config/application.properties} in the working
 * directory.
 */
public final class StartupSettings {

    /** The shortest secret accepted for the session and state encryption. */
    public static final int SECRET_MIN_LENGTH = 32;

    public enum Mode {
        /** Demo data, the embedded PostgreSQL unless a datasource is configured, demo secrets. */
        DEMO,
        /** The embedded PostgreSQL unless a datasource is configured, no demo data. */
        LOCAL,
        /** Everything configured; nothing started on the side. */
        PRODUCTION
    }

    private final UnaryOperator<String> source;

    public StartupSettings(UnaryOperator<String> source) {
        this.source = source;
    }

    /** The settings of this process (system properties, environment, .env, config/application.properties). */
    public static StartupSettings fromEnvironment() {
        Map<String, String> files = new HashMap<>();
        readProperties(Path.of("config", "application.properties"), files);
        readProperties(Path.of(".env"), files);
        return new StartupSettings(property -> {
            String value = System.getProperty(property);
            if (value == null) {
                value = System.getenv(envName(property));
            }
            if (value == null) {
                value = files.get(property);
            }
            if (value == null) {
                value = files.get(envName(property));
            }
            return value == null || value.isBlank() ? null : value;
        });
    }

    public String get(String property) {
        return source.apply(property);
    }

    public String get(String property, String fallback) {
        String value = get(property);
        return value == null ? fallback : value;
    }

    public boolean isSet(String property) {
        return get(property) != null;
    }

    public boolean isTrue(String property) {
        return Boolean.parseBoolean(get(property, "false"));
    }

    public Mode mode() {
        if (isTrue("kyoso.demo-data")) {
            return Mode.DEMO;
        }
        if (isTrue("kyoso.embedded-database")) {
            return Mode.LOCAL;
        }
        return Mode.PRODUCTION;
    }

    /**
     * What keeps a production start from going ahead, one line per missing or unfit setting,
     * each naming its environment variable; empty when the start may go on.
     */
    public List<String> productionProblems() {
        List<String> problems = new ArrayList<>();
        require(problems, "quarkus.datasource.jdbc.url", "the PostgreSQL database, e.g. jdbc:postgresql://db:5432/kyoso");
        require(problems, "quarkus.datasource.username", "the database login");
        require(problems, "quarkus.datasource.password", "the database password");
        require(problems, "quarkus.oidc.auth-server-url", "the OIDC issuer, e.g. https://id.example.jp/realms/kyoso");
        require(problems, "quarkus.oidc.credentials.secret", "the API's client secret at the identity provider");
        String secret = get("kyoso.session-secret");
        if (secret == null) {
            problems.add(envName("kyoso.session-secret") + " is not set: " + SECRET_MIN_LENGTH
                    + "+ characters, the same on every instance, that encrypt browser sessions and sign-in state");
        } else if (secret.length() < SECRET_MIN_LENGTH) {
            problems.add(envName("kyoso.session-secret") + " has " + secret.length() + " characters; it needs at least "
                    + SECRET_MIN_LENGTH);
        }
        if (isTrue("quarkus.http.proxy.proxy-address-forwarding") && !isSet("quarkus.http.proxy.trusted-proxies")) {
            problems.add(envName("quarkus.http.proxy.trusted-proxies") + " is not set although "
                    + envName("quarkus.http.proxy.proxy-address-forwarding")
                    + "=true: name the proxies (addresses or CIDR ranges) whose X-Forwarded-* headers are trusted");
        }
        return problems;
    }

    private void require(List<String> problems, String property, String meaning) {
        if (!isSet(property)) {
            problems.add(envName(property) + " is not set: " + meaning);
        }
    }

    /** MicroProfile Config's mapping of a property name to an environment variable name. */
    public static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static void readProperties(Path file, Map<String, String> into) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        properties.stringPropertyNames().forEach(name -> into.put(name, properties.getProperty(name)));
    }
}
