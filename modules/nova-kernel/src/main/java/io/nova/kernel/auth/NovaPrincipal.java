package io.nova.kernel.auth;

import java.security.Principal;
import java.time.Instant;

/**
 * The authenticated caller of a request: who (the user id), and which access token they presented. The token is
 * kept so calls made on the caller's behalf (gRPC to other services) carry the same identity; it is never logged.
 */
public record NovaPrincipal(String userId, String tokenId, Instant expiresAt, String accessToken)
        implements Principal {

    @Override
    public String getName() {
        return userId;
    }

    @Override
    public String toString() {
        return "NovaPrincipal[userId=" + userId + ", tokenId=" + tokenId + ", expiresAt=" + expiresAt + "]";
    }
}
