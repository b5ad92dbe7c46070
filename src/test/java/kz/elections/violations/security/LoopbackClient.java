package kz.elections.violations.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client at a loopback address of its own (127.0.0.x; Linux answers on all of them), so that a test can
 * be several clients whose TCP peer addresses differ, as the throttle sees them. It speaks HTTP/1.0: one
 * request per connection, the answer ends when the connection closes.
 */
final class LoopbackClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final int port;
    private final InetAddress address;

    LoopbackClient(int port, String address) {
        this.port = port;
        try {
            this.address = InetAddress.getByName(address);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String address() {
        return address.getHostAddress();
    }

    record Reply(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** A refusal of the login throttle (its problem type), not an authentication's own 401. */
        boolean isThrottled() {
            return body.contains("\"type\":\"urn:problem:login-throttled\"");
        }
    }

    /** A request with HTTP Basic credentials {@code user:password}. */
    Reply basic(String method, String path, String user, String password, String jsonBody, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        all.add("Authorization: Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (jsonBody != null) {
            all.add("Content-Type: application/json");
        }
        return send(method, path, jsonBody, all);
    }

    Reply get(String path, String user, String password, String... headers) {
        return basic("GET", path, user, password, null, headers);
    }

    /** The Tasklist login form, as the browser sends it: the page first, for the session and its CSRF token. */
    Reply logInToTasklist(String user, String password) {
        Reply page = send("GET", "/camunda/app/tasklist/default/", null, List.of());
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String cookie : page.headers("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        String cookieHeader = String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .toList());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", form, List.of(
                "Content-Type: application/x-www-form-urlencoded", "Cookie: " + cookieHeader,
                "X-XSRF-TOKEN: " + cookies.getOrDefault("XSRF-TOKEN", "")));
    }

    Reply send(String method, String path, String body, List<String> headers) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n");
        headers.forEach(header -> request.append(header).append("\r\n"));
        request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, address, 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return new Reply(status, headers, text.substring(end + 4));
    }
}
