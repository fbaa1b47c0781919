package io.nova.kernel.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Caps request bodies. A declared Content-Length over the cap is refused before anything is read; a body without
 * one (chunked) is counted as it is read and fails with 413 when it passes the cap. Media never flows through the
 * services (clients upload to S3 directly), so the cap is small.
 */
public final class RequestBodyLimitFilter implements Filter {

    private final long limitBytes;
    private final ObjectMapper mapper;

    public RequestBodyLimitFilter(long limitBytes, ObjectMapper mapper) {
        this.limitBytes = limitBytes;
        this.mapper = mapper;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (http.getContentLengthLong() > limitBytes) {
            HttpServletResponse httpResponse = (HttpServletResponse) response;
            httpResponse.setStatus(413);
            httpResponse.setContentType("application/json");
            httpResponse.setHeader("Connection", "close");
            mapper.writeValue(httpResponse.getOutputStream(), DomainException.payloadTooLarge(limitBytes).toError());
            return;
        }
        chain.doFilter(new CountingRequest(http, limitBytes), response);
    }

    private static final class CountingRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream counted;

        CountingRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingInputStream(super.getInputStream(), limit);
            }
            return counted;
        }
    }

    private static final class CountingInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw DomainException.payloadTooLarge(limit);
            }
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
}
