package jp.kyoso.authorization;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.LinkedHashMap;
import java.util.Map;

/** One request of a matrix cell: built fresh for the cell, sent as the cell's person. */
final class Req {

    final String method;
    final String path;
    Object body;
    String contentType;
    String accept;
    final Map<String, String> headers = new LinkedHashMap<>();
    /** Set when the cell acts as someone other than the column's usual person (fresh accounts for DELETE /me). */
    String actor;
    boolean actorOverridden;

    private Req(String method, String path, Object body) {
        this.method = method;
        this.path = path.startsWith("/api/") ? path : "/api/v1" + path;
        this.body = body;
    }

    static Req get(String path) {
        return new Req("GET", path, null);
    }

    static Req delete(String path) {
        return new Req("DELETE", path, null);
    }

    static Req post(String path, Object body) {
        return new Req("POST", path, body);
    }

    static Req put(String path, Object body) {
        return new Req("PUT", path, body);
    }

    /** The same request with another body. */
    Req withBody(Object otherBody) {
        Req copy = new Req(method, path, otherBody);
        copy.contentType = contentType;
        copy.accept = accept;
        copy.headers.putAll(headers);
        copy.actor = actor;
        copy.actorOverridden = actorOverridden;
        return copy;
    }

    Req header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Req ifMatch(String value) {
        return header("If-Match", value);
    }

    Req csv(String text) {
        body = text;
        contentType = "text/csv; charset=UTF-8";
        return this;
    }

    Req form(String text) {
        body = text;
        contentType = "application/x-www-form-urlencoded";
        return this;
    }

    Req accept(String mediaType) {
        accept = mediaType;
        return this;
    }

    Req as(String username) {
        actor = username;
        actorOverridden = true;
        return this;
    }

    Response send(String username) {
        RequestSpecification spec = AuthzWorld.spec(actorOverridden ? actor : username).redirects().follow(false);
        if (contentType != null) {
            spec = spec.contentType(contentType);
        }
        if (accept != null) {
            spec = spec.accept(accept);
        }
        if (body != null) {
            spec = spec.body(body);
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            spec = spec.header(h.getKey(), h.getValue());
        }
        Response response = spec.request(method, path);
        AuthzWorld.remember(response);
        return response;
    }

    @Override
    public String toString() {
        return method + " " + path + (headers.isEmpty() ? "" : " " + headers);
    }
}
