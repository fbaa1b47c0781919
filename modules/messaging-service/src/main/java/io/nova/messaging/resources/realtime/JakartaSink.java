package io.nova.messaging.resources.realtime;

import io.nova.messaging.core.realtime.FrameSink;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** A {@link FrameSink} over a Jakarta WebSocket session, asynchronous throughout. */
final class JakartaSink implements FrameSink {

    private static final Logger LOG = LoggerFactory.getLogger(JakartaSink.class);
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final Session session;

    JakartaSink(Session session) {
        this.session = session;
    }

    @Override
    public void send(String text, Consumer<Throwable> done) {
        try {
            session.getAsyncRemote().sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
        } catch (RuntimeException e) {
            done.accept(e);
        }
    }

    @Override
    public void ping() {
        try {
            session.getAsyncRemote().sendPing(EMPTY.duplicate());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Ping not sent: {}", e.toString());
        }
    }

    @Override
    public void close(int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Close not sent: {}", e.toString());
        }
    }
}
