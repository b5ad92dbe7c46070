package kz.elections.violations.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client of the complaints API as the public page, a partner and the staff call it: JSON or multipart
 * with files, any headers (X-Forwarded-For from the trusted proxy 127.0.0.1 stands for the client's
 * address), and answers with their bytes.
 */
public final class ComplaintClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public ComplaintClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A file of a multipart complaint: its name, its bytes and the type its sender claims. */
    public record Upload(String name, byte[] content, String contentType) {
    }

    public record Reply(int status, JsonNode body, byte[] bytes, HttpResponse<byte[]> response) {

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** {@code POST /api/complaints} with a JSON body. */
    public Reply submit(Object complaint, Map<String, String> headers) {
        try {
            return send("POST", "/api/complaints", JSON.writeValueAsBytes(complaint), "application/json", null, headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /api/complaints} as the public page sends it: a part {@code complaint} and parts {@code files}. */
    public Reply submitWithFiles(Object complaint, List<Upload> files, Map<String, String> headers) {
        String boundary = "----complaint" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            part(body, boundary, "Content-Disposition: form-data; name=\"complaint\"; filename=\"blob\"\r\n"
                    + "Content-Type: application/json", JSON.writeValueAsBytes(complaint));
            for (Upload file : files) {
                part(body, boundary, "Content-Disposition: form-data; name=\"files\"; filename=\"" + file.name() + "\"\r\n"
                        + "Content-Type: " + file.contentType(), file.content());
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send("POST", "/api/complaints", body.toByteArray(), "multipart/form-data; boundary=" + boundary, null,
                headers);
    }

    /** A GET as a user (password = user id), or without credentials for null. */
    public Reply get(String user, String path, Map<String, String> headers) {
        return send("GET", path, null, null, user, headers);
    }

    public Reply send(String method, String path, byte[] body, String contentType, String user,
                      Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Accept", "application/json");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        new LinkedHashMap<>(headers).forEach(request::setHeader);
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = null;
            try {
                json = response.body().length == 0 ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // a file
            }
            return new Reply(response.statusCode(), json, response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content)
            throws IOException {
        body.write(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
