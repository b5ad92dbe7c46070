package kz.elections.violations.web;

import kz.elections.violations.api.CachedBodyRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than the APIs need with 413 and a problem body: at most
 * {@value #MAX_BODY} bytes (64 KiB; a fact with every text at its longest takes under 30 KB of JSON), and
 * {@value #MAX_MULTIPART_BODY} bytes (5 MiB) for a multipart upload such as a deployment from Camunda
 * Modeler. An evidence file sent to a case ({@code POST /api/cases/{n}/evidence}, multipart) may take
 * up to the evidence limit ({@code evidence.max-file-size} and 64 KiB for the rest of the form); a JSON
 * body sent there keeps the JSON limit. A body that declares its length is refused before any of it is
 * read; a chunked body, which does not, is read here up to one byte past the limit and handed on from
 * memory. (A chunked form-encoded body is left to the servlet container, which parses form parameters
 * itself.)
 */
class RequestBodyLimit extends OncePerRequestFilter {

    static final long MAX_BODY = 64 * 1024;
    static final long MAX_MULTIPART_BODY = 5 * 1024 * 1024;
    private static final Pattern EVIDENCE_UPLOAD = Pattern.compile("/api/cases/[^/]+/evidence/?");

    private final long maxEvidenceBody;

    /** @param maxEvidenceBody the largest body of an evidence upload ({@code EvidenceSettings.maxRequestBytes}) */
    RequestBodyLimit(long maxEvidenceBody) {
        this.maxEvidenceBody = maxEvidenceBody;
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
        return isEvidenceUpload(request) ? maxEvidenceBody : MAX_MULTIPART_BODY;
    }

    private static boolean isEvidenceUpload(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && EVIDENCE_UPLOAD.matcher(path).matches();
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
