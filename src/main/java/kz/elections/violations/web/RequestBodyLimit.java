package kz.elections.violations.web;

import kz.elections.violations.api.CachedBodyRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than the APIs need with 413 and a problem body: at most
 * {@value #MAX_BODY} bytes (64 KiB; a fact with every text at its longest takes under 30 KB of JSON), and
 * {@value #MAX_MULTIPART_BODY} bytes (5 MiB) for a multipart upload such as a deployment from Camunda
 * Modeler. A route declared as a {@link LargeUpload} takes a multipart body up to its own limit (a
 * complaint with its files). A body that declares its length is refused before any of it is read; a
 * chunked body, which does not, is read here up to one byte past the limit and handed on from memory. (A
 * chunked form-encoded body is left to the servlet container, which parses form parameters itself.)
 */
class RequestBodyLimit extends OncePerRequestFilter {

    static final long MAX_BODY = 64 * 1024;
    static final long MAX_MULTIPART_BODY = 5 * 1024 * 1024;
    private final List<LargeUpload> largeUploads;

    RequestBodyLimit(List<LargeUpload> largeUploads) {
        this.largeUploads = List.copyOf(largeUploads);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, limit, "has " + declared + " bytes");
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null && !isForm(request)) {
            byte[] body = readAtMost(request.getInputStream(), limit + 1);
            if (body.length > limit) {
                tooLarge(response, limit, "is larger");
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private long limitOf(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/")) {
            return MAX_BODY;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return largeUploads.stream().filter(upload -> upload.method().equals(request.getMethod())
                        && upload.matches(path)).mapToLong(LargeUpload::maxBytes).findFirst()
                .orElse(MAX_MULTIPART_BODY);
    }

    /** The largest multipart body any route takes: what the servlet's multipart parser must let through. */
    static long largestMultipartBody(List<LargeUpload> largeUploads) {
        return Math.max(MAX_MULTIPART_BODY, largeUploads.stream().mapToLong(LargeUpload::maxBytes).max().orElse(0));
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while (body.size() < max && (read = in.read(buffer, 0, (int) Math.min(buffer.length, max - body.size()))) != -1) {
            body.write(buffer, 0, read);
        }
        return body.toByteArray();
    }

    private static void tooLarge(HttpServletResponse response, long limit, String thisOne) throws IOException {
        ProblemAnswer.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "urn:problem:payload-too-large",
                "The request body is too large", "A request body here may be at most " + limit
                        + " bytes (" + (limit / 1024) + " KiB); this one " + thisOne, null);
    }
}
