package io.nova.kernel.auth;

import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;

import java.security.Principal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The authenticated caller of a request: who (the user id), and which access token they presented. The token is
 * kept so calls made on the caller's behalf (gRPC to other services) carry the same identity; it is never logged.
 * The subject is read as a user id once, here, so services work with {@link #id()} and never parse it again.
 */
public final class NovaPrincipal implements Principal {

    private final String userId;
    private final UUID id;
    private final String tokenId;
    private final Instant expiresAt;
    private final String accessToken;

    public NovaPrincipal(String userId, String tokenId, Instant expiresAt, String accessToken) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.id = Ids.parse(userId).orElse(null);
        this.tokenId = tokenId;
        this.expiresAt = expiresAt;
        this.accessToken = accessToken;
    }

    /** The token's subject as sent. */
    public String userId() {
        return userId;
    }

    /**
     * The caller's user id. Every token user-service issues has one as its subject; a token whose subject is not
     * a user id (signed by a trusted key, but never issued for a user) is refused.
     */
    public UUID id() {
        if (id == null) {
            throw DomainException.unauthenticated("A valid access token is required");
        }
        return id;
    }

    public String tokenId() {
        return tokenId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String accessToken() {
        return accessToken;
    }

    @Override
    public String getName() {
        return userId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NovaPrincipal that && userId.equals(that.userId) && Objects.equals(tokenId, that.tokenId)
                && Objects.equals(expiresAt, that.expiresAt) && Objects.equals(accessToken, that.accessToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, tokenId, expiresAt);
    }

    @Override
    public String toString() {
        return "NovaPrincipal[userId=" + userId + ", tokenId=" + tokenId + ", expiresAt=" + expiresAt + "]";
    }
}
