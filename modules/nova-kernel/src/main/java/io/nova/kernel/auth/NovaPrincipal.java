package io.nova.kernel.auth;

import java.security.Principal;
import java.time.Instant;

/** The authenticated caller of a request: who (the user id), and which access token they presented. */
public record NovaPrincipal(String userId, String tokenId, Instant expiresAt) implements Principal {

    @Override
    public String getName() {
        return userId;
    }
}
