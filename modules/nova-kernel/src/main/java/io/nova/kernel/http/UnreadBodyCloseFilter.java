package io.nova.kernel.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Answers {@code Connection: close} whenever a response is committed before its request body was read to the end
 * (a 413 for a body over the cap, a 401 or 415 decided on the head, a validation error on a body Jackson stopped
 * reading early).
 *
 * <p>Why: Jetty closes such a connection after the response, since the rest of the body is still on the wire, but
 * once the application has committed the response it no longer says so in the response. A client that pooled the
 * connection then sends its next request into a closing socket and gets no answer ("header parser received no
 * bytes"). With the header the client knows not to reuse it. Then the rest of the body is read and dropped
 * ({@link Lingering}), so that a client still sending it gets the answer rather than a reset. Requests without a
 * body are passed through untouched.
 */
public final class UnreadBodyCloseFilter implements Filter {

    private final long lingerLimitBytes;

    /** @param lingerLimitBytes how much of an unread body is read after the answer ({@link Lingering}) */
    public UnreadBodyCloseFilter(long lingerLimitBytes) {
        this.lingerLimitBytes = lingerLimitBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        boolean hasBody = http.getContentLengthLong() > 0 || http.getHeader("Transfer-Encoding") != null;
        if (!hasBody) {
            chain.doFilter(request, response);
            return;
        }
        TrackedRequest tracked = new TrackedRequest(http);
        GuardedResponse guarded = new GuardedResponse((HttpServletResponse) response, tracked);
        chain.doFilter(tracked, guarded);
        // A response without an entity (204, a bare status) is committed only after this returns.
        guarded.beforeCommit();
        if (!tracked.bodyFullyRead() && !http.isAsyncStarted()) {
            Lingering.afterAnswer(http, (HttpServletResponse) response, lingerLimitBytes);
        }
    }

    /** Knows whether the application read the body to its end. */
    private static final class TrackedRequest extends HttpServletRequestWrapper {
        private final long declaredLength;
        private TrackedInputStream stream;

        TrackedRequest(HttpServletRequest request) {
            super(request);
            this.declaredLength = request.getContentLengthLong();
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new TrackedInputStream(super.getInputStream());
            }
            return stream;
        }

        boolean bodyFullyRead() {
            if (stream == null) {
                return false;
            }
            return stream.ended || (declaredLength >= 0 && stream.read >= declaredLength) || stream.in.isFinished();
        }
    }

    private static final class TrackedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private long read;
        private boolean ended;

        TrackedInputStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                ended = true;
            } else {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                ended = true;
            } else {
                read += n;
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    /** Adds {@code Connection: close} at the last moment before the response can be committed. */
    private static final class GuardedResponse extends HttpServletResponseWrapper {
        private final TrackedRequest request;

        GuardedResponse(HttpServletResponse response, TrackedRequest request) {
            super(response);
            this.request = request;
        }

        void beforeCommit() {
            if (!isCommitted() && !request.bodyFullyRead()) {
                setHeader("Connection", "close");
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            beforeCommit();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            beforeCommit();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            beforeCommit();
            super.flushBuffer();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            beforeCommit();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            beforeCommit();
            super.sendError(status);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            beforeCommit();
            super.sendRedirect(location);
        }
    }
}
