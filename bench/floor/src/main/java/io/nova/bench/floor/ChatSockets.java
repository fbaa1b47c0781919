package io.nova.bench.floor;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /ws}: the floor's sockets, by user. The bearer is the user id (no token check). A socket gets a
 * {@code hello}, then every entry appended to its user's log while it is open; a {@code ping} frame is answered
 * with {@code pong}; anything else a client sends is read and dropped.
 */
public final class ChatSockets {

    private static final String HELLO = "{\"type\":\"hello\",\"data\":{\"last_event_id\":\"0-0\","
            + "\"heartbeat_interval_ms\":30000}}";

    private final Map<String, Set<Session>> byUser = new ConcurrentHashMap<>();

    void deliver(String user, String frame) {
        Set<Session> sessions = byUser.get(user);
        if (sessions != null) {
            for (Session session : sessions) {
                session.getAsyncRemote().sendText(frame);
            }
        }
    }

    HttpServlet servlet() {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String bearer = request.getHeader("Authorization");
                String user;
                try {
                    user = UUID.fromString(bearer == null ? "" : bearer.replaceFirst("^Bearer ", "")).toString();
                } catch (IllegalArgumentException e) {
                    response.sendError(401, "the bearer is a user id");
                    return;
                }
                ServerContainer container = (ServerContainer) getServletContext()
                        .getAttribute(ServerContainer.class.getName());
                ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Socket.class, "/ws")
                        .configurator(new ServerEndpointConfig.Configurator() {
                            @Override
                            public <T> T getEndpointInstance(Class<T> type) {
                                return type.cast(new Socket(user));
                            }
                        }).build();
                try {
                    container.upgradeHttpToWebSocket(request, response, config, Map.of());
                } catch (Exception e) {
                    System.err.println("floor: upgrade refused: " + e);
                    response.sendError(400, "not a WebSocket upgrade");
                }
            }
        };
    }

    public final class Socket extends Endpoint {
        private final String user;

        Socket(String user) {
            this.user = user;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            byUser.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(session);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                if (text.contains("\"ping\"")) {
                    session.getAsyncRemote().sendText("{\"type\":\"pong\"}");
                }
            });
            session.getAsyncRemote().sendText(HELLO);
        }

        @Override
        public void onClose(Session session, jakarta.websocket.CloseReason reason) {
            Set<Session> sessions = byUser.get(user);
            if (sessions != null) {
                sessions.remove(session);
            }
        }
    }
}
