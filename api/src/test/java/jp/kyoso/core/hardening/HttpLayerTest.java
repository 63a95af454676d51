package jp.kyoso.core.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Errors of the HTTP layer are answered like every other error: problem+json with the security
 * headers (issue 10, defect 7), and HSTS is never sent over plain HTTP.
 */
@QuarkusTest
class HttpLayerTest {

    /** One request as raw bytes, and the whole answer as text (the server closes the connection). */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
                if (complete(answer.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static boolean complete(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = answer.substring(0, end).toLowerCase();
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int length = Integer.parseInt(head.substring(at + 15, head.indexOf('\r', at) < 0 ? head.length()
                : head.indexOf('\r', at)).trim());
        return answer.getBytes(StandardCharsets.UTF_8).length >= end + 4 + length;
    }

    private static void assertProblem(String answer, int status) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status), answer);
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        assertTrue(head.contains("content-type: application/problem+json"), answer);
        assertTrue(head.contains("x-content-type-options: nosniff"), answer);
        assertTrue(head.contains("x-frame-options: deny"), answer);
        assertTrue(answer.contains("\"status\":" + status), answer);
    }

    @Test
    void aTooLongUriIsA414Problem() throws IOException {
        assertProblem(exchange("GET /api/v1/municipalities?q=" + "x".repeat(9_000)
                + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n"), 414);
    }

    @Test
    void tooLargeHeadersAreA431Problem() throws IOException {
        assertProblem(exchange("GET /api/v1/municipalities HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                + "y".repeat(20_000) + "\r\n\r\n"), 431);
    }

    @Test
    void aRequestWithoutHostIsA400Problem() throws IOException {
        assertProblem(exchange("GET /api/v1/municipalities HTTP/1.1\r\nAccept: application/json\r\n\r\n"), 400);
    }

    @Test
    void hstsIsNotSentOverPlainHttp() throws IOException {
        String answer = exchange("GET /api/v1/municipalities HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertFalse(answer.toLowerCase().contains("strict-transport-security"), answer);
    }
}
