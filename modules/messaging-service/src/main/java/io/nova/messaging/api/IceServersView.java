package io.nova.messaging.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /calls/ice-servers}: what goes into {@code RTCPeerConnection}'s {@code iceServers}, and how long the
 * TURN credentials in it last ({@code ttl} seconds, until {@code expires_at}).
 */
public record IceServersView(List<IceServerView> iceServers, long ttl, Instant expiresAt) {
}
