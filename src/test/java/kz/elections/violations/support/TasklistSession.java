package kz.elections.violations.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A user logged in to the Camunda webapps (session cookie and CSRF token), calling what Tasklist calls. */
public final class TasklistSession {

    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private final String base;

    public TasklistSession(int port, String user) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
        send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).GET());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> login = send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login of " + user + " failed: " + login.statusCode() + " " + login.body());
        }
        // the login starts a new session; its first call hands out the session's CSRF token
        send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/task/count")).GET());
    }

    private String csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    public JsonNode get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json").GET());
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.statusCode() + " " + response.body(), e);
        }
    }

    /** Tasks as Tasklist lists them (the engine REST API behind the webapp, with the session). */
    public JsonNode tasks(String processInstanceId) {
        return get("/camunda/api/engine/engine/default/task?processInstanceId=" + processInstanceId);
    }

    /** A state-changing webapp call, with or without the CSRF token; returns the HTTP status. */
    public int post(String path, String json, boolean withCsrfToken) {
        return send("POST", path, json, withCsrfToken);
    }

    /** A webapp call with any method; returns the HTTP status. */
    public int send(String method, String path, String json, boolean withCsrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (withCsrfToken) {
            request.header("X-XSRF-TOKEN", csrfToken());
        }
        return send(request).statusCode();
    }

    /** A webapp call as Tasklist makes it (CSRF token, JSON), in the browser's language; the whole answer. */
    public HttpResponse<String> call(String method, String path, String json, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrfToken())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return send(request);
    }

    /** Any call with the session's cookie only (no CSRF token unless given in the headers), as a page makes it. */
    public HttpResponse<String> send(String method, String path, String contentType, byte[] body,
                                     java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
