package io.nova.messaging.core;

import io.nova.messaging.api.IceServerView;
import io.nova.messaging.api.IceServersView;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a client puts into {@code RTCPeerConnection}'s {@code iceServers}: the configured STUN URLs, and the TURN
 * URLs with fresh credentials for the caller ({@link TurnCredentials}). Without TURN URLs there is no TURN entry
 * (and no secret is needed); without any URL the list is empty and clients connect directly or not at all.
 */
public final class IceServers {

    private final List<String> stunUrls;
    private final List<String> turnUrls;
    private final String turnSecret;
    private final Duration ttl;
    private final Clock clock;

    public IceServers(List<String> stunUrls, List<String> turnUrls, String turnSecret, Duration ttl, Clock clock) {
        if (!turnUrls.isEmpty() && (turnSecret == null || turnSecret.isEmpty())) {
            throw new IllegalArgumentException("TURN URLs are configured without the TURN shared secret");
        }
        this.stunUrls = List.copyOf(stunUrls);
        this.turnUrls = List.copyOf(turnUrls);
        this.turnSecret = turnSecret;
        this.ttl = ttl;
        this.clock = clock;
    }

    public IceServersView forUser(UUID user) {
        List<IceServerView> servers = new ArrayList<>();
        if (!stunUrls.isEmpty()) {
            servers.add(new IceServerView(stunUrls, null, null));
        }
        Instant now = clock.instant();
        if (!turnUrls.isEmpty()) {
            TurnCredentials credentials = TurnCredentials.issue(turnSecret, user, now, ttl.toSeconds());
            servers.add(new IceServerView(turnUrls, credentials.username(), credentials.credential()));
        }
        return new IceServersView(servers, ttl.toSeconds(), TurnCredentials.expiry(now, ttl.toSeconds()));
    }
}
