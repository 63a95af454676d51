package jp.kyoso.core.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jp.kyoso.core.web.RateLimits;
import jp.kyoso.support.EdgeProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The edge as production has it (issue 10, defect 7): a connection that stops halfway through its
 * headers is closed by the idle timeout, and the sign-in sends the identity provider back to the
 * configured public URL, whatever Host the request named.
 */
@QuarkusTest
@TestProfile(EdgeProfile.class)
class EdgeSettingsTest {

    @BeforeEach
    void freshWindows() {
        RateLimits.reset();
    }

    @Test
    void hstsGoesOutOnHttpsRequestsOnlyAsTheTrustedProxyReportsThem() {
        RestAssured.given().header("X-Forwarded-Proto", "https").get("/api/v1/themes").then().statusCode(200)
                .header("Strict-Transport-Security", org.hamcrest.Matchers.startsWith("max-age="));
        RestAssured.given().get("/api/v1/themes").then().statusCode(200)
                .header("Strict-Transport-Security", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theDefaultIdleTimeoutClosesStalledConnectionsWithinAMinute() throws IOException {
        java.util.Properties settings = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("src/main/resources/application.properties"))) {
            settings.load(in);
        }
        java.time.Duration idle = java.time.Duration.parse("PT" + settings.getProperty("quarkus.http.idle-timeout", "30M")
                .toUpperCase());
        assertTrue(idle.compareTo(java.time.Duration.ofMinutes(1)) <= 0, "quarkus.http.idle-timeout " + idle);
    }

    @Test
    void aConnectionThatSendsHalfItsHeadersIsClosed() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write("GET /api/v1/themes HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // The profile's idle timeout is 2 s; the read gives up after 20 s: closed (-1) well before.
            socket.setSoTimeout(20_000);
            InputStream in = socket.getInputStream();
            try {
                int read = in.read();
                assertTrue(read == -1, "the server closed the connection (read " + read + ")");
            } catch (SocketTimeoutException e) {
                fail("the half-sent request still held its connection after 20 s");
            } catch (IOException reset) {
                // A reset is a close as well.
            }
        }
    }

    @Test
    void theSignInRedirectUriIsBuiltFromThePublicUrlNotFromTheHostHeader() throws IOException {
        String head;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /api/v1/auth/login HTTP/1.1\r\nHost: evil.example:8443\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            head = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(head.startsWith("HTTP/1.1 302"), head);
        String location = head.lines().filter(l -> l.toLowerCase().startsWith("location:")).findFirst().orElseThrow();
        String redirect = URLDecoder.decode(location.replaceAll(".*[?&]redirect_uri=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        assertEquals(EdgeProfile.PUBLIC_URL + "/api/v1/auth/callback", redirect, location);
    }
}
