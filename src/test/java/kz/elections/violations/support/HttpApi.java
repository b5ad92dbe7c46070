package kz.elections.violations.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for tests that call the running application as its users do. */
public final class HttpApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public HttpApi(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Answer(int status, JsonNode body, String text, HttpResponse<String> response) {
        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    public Answer get(String user, String path) {
        return send(user, "GET", path, null);
    }

    public Answer post(String user, String path, Object body) {
        return send(user, "POST", path, body);
    }

    public Answer put(String user, String path, Object body) {
        return send(user, "PUT", path, body);
    }

    /** Deploys one file as Camunda Modeler does: a multipart POST to /engine-rest/deployment/create. */
    public Answer deploy(String user, String fileName, String content) {
        String boundary = "----modeler" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + "from modeler\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content
                + "\r\n--" + boundary + "--\r\n";
        return send(user, "POST", "/engine-rest/deployment/create", body, "multipart/form-data; boundary=" + boundary);
    }

    /** user "name" authenticates with the demo password (the same as the name); null sends no credentials. */
    public Answer send(String user, String method, String path, Object body) {
        return send(user, method, path, body, "application/json");
    }

    /** As {@link #send(String, String, String, Object)}, with extra request headers (replacing Accept if named). */
    public Answer send(String user, String method, String path, Object body, java.util.Map<String, String> headers) {
        return send(user, method, path, body, "application/json", headers);
    }

    private Answer send(String user, String method, String path, Object body, String contentType) {
        return send(user, method, path, body, contentType, java.util.Map.of());
    }

    private Answer send(String user, String method, String path, Object body, String contentType,
                        java.util.Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                                    : JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::setHeader);
            if (user != null) {
                String credentials = user.contains(":") ? user : user + ":" + user;
                request.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // a page or plain text
            }
            return new Answer(response.statusCode(), json, response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
