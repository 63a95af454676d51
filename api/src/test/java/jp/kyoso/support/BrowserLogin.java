package jp.kyoso.support;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does to sign in: follows redirects one by one between the API and Keycloak,
 * keeps cookies like a browser (per host and path, any port; on localhost a browser also sends
 * Secure cookies over http) and fills in Keycloak's own login form.
 * Every hop stays visible to the test (status, Location, Set-Cookie).
 */
public final class BrowserLogin {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final String appBase;
    /** Cookie jar: name + path → cookie (all on localhost). */
    private final Map<String, HttpCookie> jar = new LinkedHashMap<>();
    private final HttpClient http;
    private final List<String> setCookieHeaders = new ArrayList<>();

    public BrowserLogin(String appBase) {
        this.appBase = appBase;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** GET, relative to the app when the URL starts with a slash. */
    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(resolve(url)).GET().build());
    }

    /** Follows redirects from {@code url} until a page answers or the chain leaves for Keycloak's login form. */
    public HttpResponse<String> follow(String url) {
        HttpResponse<String> response = get(url);
        for (int hop = 0; hop < 10 && isRedirect(response) && !isLoginForm(response); hop++) {
            response = get(response.headers().firstValue("Location").orElseThrow());
        }
        return response;
    }

    /** Posts the username and password into the Keycloak login page {@code page}; returns Keycloak's answer. */
    public HttpResponse<String> submitLogin(HttpResponse<String> page, String username, String password) {
        Matcher form = LOGIN_FORM.matcher(page.body());
        if (!form.find()) {
            throw new IllegalStateException("Not Keycloak's login page: " + page.uri() + "\n" + page.body());
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new IllegalStateException("Login form without action: " + form.group());
        }
        String target = action.group(1).replace("&amp;", "&");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        fields.put("credentialId", "");
        return send(HttpRequest.newBuilder(URI.create(target))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Keycloak.formBody(fields))).build());
    }

    /**
     * The whole sign-in: the API's login endpoint, Keycloak's page, the callback with the code,
     * until the API's last answer (normally 303 to {@code returnTo}).
     */
    public HttpResponse<String> signIn(String username, String returnTo) {
        HttpResponse<String> page = follow("/api/v1/auth/login?returnTo=" + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> back = submitLogin(page, username, "demo");
        if (back.statusCode() != 302) {
            throw new IllegalStateException("Keycloak did not accept " + username + ": " + back.statusCode());
        }
        return followWithinApp(back.headers().firstValue("Location").orElseThrow());
    }

    /**
     * Follows redirects while they stay on the API's own endpoints (the callback, then the login
     * endpoint again); returns the answer that sends the browser elsewhere (a page of the SPA).
     */
    public HttpResponse<String> followWithinApp(String url) {
        HttpResponse<String> response = get(url);
        for (int hop = 0; hop < 10 && isRedirect(response); hop++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (!next.toString().startsWith(appBase + "/api/")) {
                return response;
            }
            response = get(next.toString());
        }
        return response;
    }

    public static boolean isLoginForm(HttpResponse<String> response) {
        return response.statusCode() == 200 && LOGIN_FORM.matcher(response.body()).find();
    }

    public static boolean isRedirect(HttpResponse<String> response) {
        return response.statusCode() / 100 == 3 && response.headers().firstValue("Location").isPresent();
    }

    /** The API's cookies as a browser on this site would send them (name → value). */
    public Map<String, String> appCookies() {
        Map<String, String> values = new LinkedHashMap<>();
        for (HttpCookie cookie : jar.values()) {
            if (pathMatches(cookie, "/api/v1/")) {
                values.put(cookie.getName(), cookie.getValue());
            }
        }
        return values;
    }

    public List<String> setCookieHeaders() {
        return setCookieHeaders;
    }

    private URI resolve(String url) {
        return URI.create(url.startsWith("/") ? appBase + url : url);
    }

    private static boolean pathMatches(HttpCookie cookie, String path) {
        String cookiePath = cookie.getPath() == null || cookie.getPath().isEmpty() ? "/" : cookie.getPath();
        return path.startsWith(cookiePath) || (path + "/").equals(cookiePath);
    }

    private HttpResponse<String> send(HttpRequest request) {
        String path = request.uri().getRawPath() == null || request.uri().getRawPath().isEmpty() ? "/" : request.uri().getRawPath();
        String cookieHeader = jar.values().stream().filter(c -> pathMatches(c, path))
                .map(c -> c.getName() + "=" + c.getValue()).reduce((a, b) -> a + "; " + b).orElse(null);
        HttpRequest withCookies = cookieHeader == null ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).header("Cookie", cookieHeader).build();
        try {
            HttpResponse<String> response = http.send(withCookies, HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                setCookieHeaders.add(header);
                for (HttpCookie cookie : HttpCookie.parse(header)) {
                    String key = cookie.getName() + "|" + cookie.getPath();
                    if (cookie.getMaxAge() == 0 || cookie.hasExpired() || cookie.getValue().isEmpty()) {
                        jar.remove(key);
                    } else {
                        jar.put(key, cookie);
                    }
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
