package io.nova.messaging.resources.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.kernel.auth.AccessTokenVerifier;
import io.nova.kernel.auth.InvalidTokenException;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.ApiError;
import io.nova.kernel.errors.DomainException;
import io.nova.messaging.core.realtime.Realtime;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /ws}: authenticates the upgrade request before anything is upgraded — a missing or bad token is a
 * plain 401 in the API's error format — then upgrades it (Jakarta WebSocket 2.1's programmatic upgrade) to a
 * {@link SocketEndpoint} that already knows its user.
 */
public final class SocketServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(SocketServlet.class);

    private final transient Realtime realtime;
    private final transient AccessTokenVerifier tokens;
    private final transient ObjectMapper mapper;
    private final int maxFrameBytes;

    public SocketServlet(Realtime realtime, AccessTokenVerifier tokens, ObjectMapper mapper, int maxFrameBytes) {
        this.realtime = realtime;
        this.tokens = tokens;
        this.mapper = mapper;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!realtime.sockets().accepting()) {
            refuse(response, 503, "shutting_down", "This replica is stopping; connect again");
            return;
        }
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            refuse(response, 400, "upgrade_required", "/ws is a WebSocket: send an upgrade request");
            return;
        }
        if (request.getHeader("Sec-WebSocket-Key") == null
                || !"13".equals(request.getHeader("Sec-WebSocket-Version"))) {
            response.setHeader("Sec-WebSocket-Version", "13");
            refuse(response, 400, "invalid_upgrade", "A WebSocket upgrade needs Sec-WebSocket-Key and version 13");
            return;
        }
        UpgradeCredentials credentials = UpgradeCredentials.of(request);
        NovaPrincipal principal = credentials.token().flatMap(this::verified).orElse(null);
        if (principal == null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"nova\", error=\"invalid_token\"");
            refuse(response, 401, "unauthorized", "A valid access token is required");
            return;
        }
        if (!credentials.protocolsAcceptable()) {
            refuse(response, 400, "unsupported_subprotocol",
                    "Offer the subprotocol " + UpgradeCredentials.PROTOCOL + " (with bearer.<token> if you must)");
            return;
        }
        ServerContainer container = (ServerContainer) getServletContext()
                .getAttribute(ServerContainer.class.getName());
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(SocketEndpoint.class, "/ws")
                .subprotocols(List.of(UpgradeCredentials.PROTOCOL))
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(new SocketEndpoint(realtime, principal, maxFrameBytes));
                    }
                })
                .build();
        try {
            container.upgradeHttpToWebSocket(request, response, config, Map.of());
        } catch (IllegalStateException e) {
            // Jetty's answer to an upgrade request it finds invalid beyond the checks above.
            if (!response.isCommitted()) {
                refuse(response, 400, "invalid_upgrade", "Not a valid WebSocket upgrade request");
            }
        } catch (DeploymentException e) {
            LOG.error("The WebSocket endpoint could not be set up", e);
            refuse(response, 500, "internal_error", "The socket could not be opened");
        }
    }

    private java.util.Optional<NovaPrincipal> verified(String token) {
        try {
            NovaPrincipal principal = tokens.verify(token);
            principal.id();
            return java.util.Optional.of(principal);
        } catch (InvalidTokenException | DomainException e) {
            LOG.debug("Refused a socket's token: {}", e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private void refuse(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        // The client asked for a socket, not for more HTTP on this connection (a gateway's tunnel waits for EOF).
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        mapper.writeValue(response.getOutputStream(), new ApiError(code, message));
    }
}
