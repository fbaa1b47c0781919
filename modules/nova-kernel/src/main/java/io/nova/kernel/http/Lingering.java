package io.nova.kernel.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

import java.io.IOException;
import java.io.InputStream;

/**
 * A lingering close: after answering a request whose body was not read, read what the client still sends and drop
 * it, so that the close that follows is not a reset. Closing a socket with unread bytes makes the kernel reset the
 * connection, and a client still writing its body then gets the reset instead of the answer already on its way.
 * Jetty 12 does not linger: once a non-persistent exchange is done, bytes that still arrive close the connection
 * ("Parser is terminated").
 *
 * <p>Bounded three times: at most {@link #limitBytes} (a client sending more than that loses the answer, as it
 * would without lingering), a client silent for {@link #IDLE_MILLIS} is closed on, and so is one still trickling
 * bytes after {@link #MAX_MILLIS}. Reading is cheap, so the byte bound is not below 1 MiB even with a smaller cap.
 */
public final class Lingering {

    public static final long IDLE_MILLIS = 1_000;
    public static final long MAX_MILLIS = 3_000;
    private static final long LEAST_LIMIT_BYTES = 1024 * 1024;

    private Lingering() {
    }

    /** How much of a refused body is read, for services whose bodies are capped at {@code bodyCapBytes}. */
    public static long limitBytes(long bodyCapBytes) {
        return Math.max(bodyCapBytes, LEAST_LIMIT_BYTES);
    }

    /**
     * For a servlet request: completes the answer (the client has it whole before anything is read), then reads
     * the request's body from wherever the application stopped in it until its end or a bound. Taken inside the
     * guard: a request whose body was opened as a reader refuses its stream, and that only ends the lingering.
     */
    static void afterAnswer(HttpServletRequest request, HttpServletResponse response, long limitBytes) {
        try {
            complete(response);
            InputStream body = request.getInputStream();
            ServletContextRequest.getServletContextRequest(request).getConnectionMetaData().getConnection()
                    .getEndPoint().setIdleTimeout(IDLE_MILLIS);
            long started = System.nanoTime();
            byte[] buffer = new byte[8 * 1024];
            long read = 0;
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                read += n;
                if (read > limitBytes || System.nanoTime() - started > MAX_MILLIS * 1_000_000) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {

            // Silent for too long, reset, or a body the stream refuses to go on with: nothing left to protect.
        }
    }

    private static void complete(HttpServletResponse response) throws IOException {
        ServletOutputStream out;
        try {
            out = response.getOutputStream();
        } catch (IllegalStateException writerInUse) {
            response.getWriter().close();
            return;
        }
        out.close();
    }
}
