package kz.elections.violations.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Holds back the body of an error answer (status 400 and above when the body is first written) so that
 * a filter may replace it; any other answer streams to the client as it is written. Its length header
 * is held back too until the wrapper knows which of the two it is.
 */
final class ErrorBodyCapture extends HttpServletResponseWrapper {

    private boolean decided;
    private ByteArrayOutputStream captured;
    private ServletOutputStream output;
    private PrintWriter writer;
    private long contentLength = -1;

    ErrorBodyCapture(HttpServletResponse response) {
        super(response);
    }

    /** The error answer's body, or null when the answer was not held back. */
    byte[] capturedBody() {
        if (captured == null) {
            return null;
        }
        if (writer != null) {
            writer.flush();
        }
        return captured.toByteArray();
    }

    /** Sends the answer as it was written, when it was held back; completes the length header otherwise. */
    void sendAsWritten() throws IOException {
        byte[] body = capturedBody();
        if (body != null) {
            super.setContentLength(body.length);
            super.getOutputStream().write(body);
        } else if (!decided && contentLength >= 0) {
            super.setContentLengthLong(contentLength);
        }
    }

    /**
     * Streams whatever is written from now on: the request went asynchronous, and its answer is written
     * after the filter that would replace it has returned.
     */
    void streamFromNowOn() {
        if (!decided) {
            decided = true;
            if (contentLength >= 0) {
                super.setContentLengthLong(contentLength);
            }
        }
    }

    private boolean capturing() {
        if (!decided) {
            decided = true;
            if (getStatus() >= 400) {
                captured = new ByteArrayOutputStream();
            } else if (contentLength >= 0) {
                super.setContentLengthLong(contentLength);
            }
        }
        return captured != null;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (output == null) {
            output = capturing() ? new CapturingStream(captured) : super.getOutputStream();
        }
        return output;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            if (capturing()) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(captured, charset));
            } else {
                writer = super.getWriter();
            }
        }
        return writer;
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        if (!decided) {
            contentLength = length;
        } else if (captured == null) {
            super.setContentLengthLong(length);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if ("Content-Length".equalsIgnoreCase(name)) {
            setContentLengthLong(Long.parseLong(value));
        } else {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        setHeader(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, String.valueOf(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        setHeader(name, String.valueOf(value));
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (!capturing()) {
            super.flushBuffer();
        }
    }

    @Override
    public boolean isCommitted() {
        return captured == null && super.isCommitted();
    }

    @Override
    public void resetBuffer() {
        if (captured != null) {
            captured.reset();
        } else {
            super.resetBuffer();
        }
    }

    @Override
    public void reset() {
        super.reset();
        if (captured != null) {
            captured.reset();
        }
        contentLength = -1;
    }

    private static final class CapturingStream extends ServletOutputStream {
        private final ByteArrayOutputStream target;

        CapturingStream(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            target.write(bytes, offset, length);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("an error answer is held back in memory");
        }
    }
}
