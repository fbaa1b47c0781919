package io.nova.messaging.resources.realtime;

import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The access token of an upgrade request: {@code Authorization: Bearer <token>}, or — for browsers, which cannot
 * set headers on a WebSocket — the subprotocol {@code bearer.<token>} next to {@code nova.v1}. Never the URL:
 * URLs end up in logs.
 */
record UpgradeCredentials(Optional<String> token, List<String> subprotocols) {

    static final String PROTOCOL = "nova.v1";
    private static final String BEARER_PROTOCOL = "bearer.";

    static UpgradeCredentials of(HttpServletRequest request) {
        List<String> offered = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("Sec-WebSocket-Protocol"))) {
            for (String protocol : header.split(",")) {
                if (!protocol.isBlank()) {
                    offered.add(protocol.strip());
                }
            }
        }
        String authorization = request.getHeader("Authorization");
        Optional<String> token = Optional.empty();
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = Optional.of(authorization.substring(7).strip()).filter(t -> !t.isEmpty());
        }
        if (token.isEmpty()) {
            token = offered.stream().filter(protocol -> protocol.startsWith(BEARER_PROTOCOL))
                    .map(protocol -> protocol.substring(BEARER_PROTOCOL.length()))
                    .filter(t -> !t.isEmpty()).findFirst();
        }
        return new UpgradeCredentials(token, List.copyOf(offered));
    }

    /** A client that offers subprotocols must offer ours: a browser fails the socket if the server picks none. */
    boolean protocolsAcceptable() {
        return subprotocols.isEmpty() || subprotocols.contains(PROTOCOL);
    }
}
