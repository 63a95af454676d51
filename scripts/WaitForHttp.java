import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until a URL answers 200, at most SECONDS; exits 1 if it never does.
 * {@code java scripts/WaitForHttp.java URL SECONDS [WHAT]} (the demo run waits for Keycloak with it).
 */
public class WaitForHttp {

    public static void main(String[] args) throws InterruptedException {
        URI uri = URI.create(args[0]);
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
        String what = args.length > 2 ? args[2] : uri.toString();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    System.out.printf("%s is up (%d s)%n", what, Duration.ofNanos(System.nanoTime() - started).toSeconds());
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        System.err.println(what + " did not answer 200 at " + uri + " within " + args[1] + " s");
        System.exit(1);
    }
}
