package io.nova.kernel.errors;

import io.nova.kernel.http.Lingering;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * After an answer to a request Jetty could not read, reads what the client still sends and throws it away, then
 * lets Jetty close the connection: {@link Lingering} for a request Jetty refused itself, at the level of its
 * connection, since no servlet ever sees it.
 *
 * <p>Why, and the three bounds ({@code limitBytes}, {@link Lingering#IDLE_MILLIS} of silence, {@link
 * Lingering#MAX_MILLIS} in all): see {@link Lingering}. Output is shut first, so a client reading to the end of the
 * stream is done as soon as the answer is, and closes its side.
 */
final class LingeringClose implements Callback {

    private final EndPoint endPoint;
    private final Callback then;
    private final long limitBytes;
    private final ByteBuffer buffer = BufferUtil.allocate(8 * 1024);
    private long read;
    private long startedNanos;

    private LingeringClose(EndPoint endPoint, Callback then, long limitBytes) {
        this.endPoint = endPoint;
        this.then = then;
        this.limitBytes = limitBytes;
    }

    /** A callback for the answer's write: once it is written, drains {@code endPoint}, then completes {@code then}. */
    static Callback afterAnswer(EndPoint endPoint, Callback then, long limitBytes) {
        return Callback.from(() -> new LingeringClose(endPoint, then, limitBytes).start(), then::failed);
    }

    private void start() {
        endPoint.shutdownOutput();
        endPoint.setIdleTimeout(Lingering.IDLE_MILLIS);
        startedNanos = System.nanoTime();
        drain();
    }

    private void drain() {
        try {
            while (true) {
                BufferUtil.clear(buffer);
                int n = endPoint.fill(buffer);
                if (n < 0) {
                    break; // the client's end of stream: it has everything it sent answered
                }
                if (n == 0) {
                    // Nothing yet: wait for more. If Jetty still holds the read interest, stop here, as before.
                    if (!endPoint.tryFillInterested(this)) {
                        break;
                    }
                    return;
                }
                read += n;
                if (read > limitBytes || System.nanoTime() - startedNanos > Lingering.MAX_MILLIS * 1_000_000) {
                    break;
                }
            }
        } catch (IOException e) {
            // The client reset or closed: there is nothing left to protect.
        }
        then.succeeded();
    }

    /** More bytes arrived. */
    @Override
    public void succeeded() {
        drain();
    }

    /** The idle timeout passed or the connection broke: done either way; the answer was written. */
    @Override
    public void failed(Throwable cause) {
        then.succeeded();
    }
}
