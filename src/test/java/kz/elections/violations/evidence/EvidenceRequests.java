package kz.elections.violations.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Evidence uploads and downloads over HTTP as a client sends them: multipart bodies, raw bytes back. */
public final class EvidenceRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public EvidenceRequests(int port) {
        this.base = "http://localhost:" + port;
    }

    /** One part of a multipart/form-data body: a file when it has a file name, a field otherwise. */
    public record Part(String name, String fileName, String contentType, byte[] content) {
        public static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        public static Part file(String fileName, String contentType, byte[] content) {
            return new Part("file", fileName, contentType, content);
        }
    }

    /** A multipart body and its content type. */
    record Body(String contentType, byte[] bytes) {
    }

    /** An answer: status, headers, the bytes and, when it is JSON, the JSON. */
    public record Answer(int status, HttpHeaders headers, byte[] bytes, JsonNode json) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static Body multipart(Part... parts) {
        String boundary = "----evidence" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + part.name() + "\"");
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName()).append("\"");
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            head.append("\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Body("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public Answer upload(String user, String caseNumber, Part... parts) {
        Body body = multipart(parts);
        return send(user, "POST", "/api/cases/" + caseNumber + "/evidence", body.contentType(), body.bytes());
    }

    Answer get(String user, String path) {
        return send(user, "GET", path, null, null);
    }

    Answer send(String user, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = null;
            if (response.headers().firstValue("Content-Type").orElse("").contains("json")) {
                json = JSON.readTree(response.body());
            }
            return new Answer(response.statusCode(), response.headers(), response.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A photo as a camera writes it: the JPEG signature, then bytes of its own. */
    static byte[] jpeg(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
        System.arraycopy(head, 0, bytes, 0, Math.min(head.length, size));
        return bytes;
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.7\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }
}
