package io.nova.messaging.resources.realtime;

import io.nova.kernel.auth.NovaPrincipal;
import io.nova.messaging.core.realtime.CloseCodes;
import io.nova.messaging.core.realtime.Connection;
import io.nova.messaging.core.realtime.Realtime;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/** One accepted socket, already authenticated by {@link SocketServlet}: hands its frames to a {@link Connection}. */
public final class SocketEndpoint extends Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SocketEndpoint.class);

    private final Realtime realtime;
    private final NovaPrincipal principal;
    private final int maxFrameBytes;
    private volatile Connection connection;

    SocketEndpoint(Realtime realtime, NovaPrincipal principal, int maxFrameBytes) {
        this.realtime = realtime;
        this.principal = principal;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        // Larger frames close the socket with 1009 (Jetty does it before any of our code runs).
        session.setMaxTextMessageBufferSize(maxFrameBytes);
        session.setMaxBinaryMessageBufferSize(maxFrameBytes);
        // A backstop only: the heartbeat closes silent sockets first, with 4002.
        session.setMaxIdleTimeout(realtime.settings().heartbeatInterval().toMillis() * 3);
        Optional<Connection> opened;
        try {
            opened = realtime.open(principal, new JakartaSink(session));
        } catch (RuntimeException e) {
            LOG.warn("A socket could not be opened: {}", e.toString());
            close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER, "try again");
            return;
        }
        if (opened.isEmpty()) {
            close(session, CloseReason.CloseCodes.getCloseCode(CloseCodes.SERVICE_RESTART), "service restart");
            return;
        }
        connection = opened.get();
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) connection::onText);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) bytes -> connection.onBinary());
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> connection.onPong());
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        if (connection != null) {
            connection.onClosed();
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        // Network errors and oversized frames end here; Jetty closes the socket and onClose follows.
        LOG.debug("Socket error: {}", failure.toString());
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException e) {
            LOG.debug("Close not sent: {}", e.toString());
        }
    }
}
