package io.nova.kernel.auth;

/** Access tokens revoked before they expire (logout). Looked up by the token's {@code jti}. */
public interface RevokedTokens {

    boolean isRevoked(String tokenId);
}
