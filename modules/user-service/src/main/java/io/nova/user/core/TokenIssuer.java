package io.nova.user.core;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.nova.kernel.auth.TokenTypes;
import io.nova.kernel.auth.VerificationKeys;

import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Mints the RS256 access and refresh tokens (claims {@code iss aud sub jti typ iat nbf exp}, header {@code kid})
 * and checks refresh tokens presented back. Access tokens are checked by every service's kernel instead.
 */
public final class TokenIssuer {

    /** A signed pair and what the server records about it. */
    public record Issued(String accessToken, String accessTokenId, Instant accessExpiresAt,
                         String refreshToken, UUID refreshTokenId, Instant refreshExpiresAt, long expiresInSeconds) {
    }

    /** What a valid refresh token says. */
    public record RefreshClaims(UUID tokenId, String userId) {
    }

    private final SigningKey key;
    private final VerificationKeys verificationKeys;
    private final String issuer;
    private final String audience;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final Duration skew;
    private final Clock clock;

    /**
     * @param verificationKeys keys refresh tokens may carry besides the current one (the configured public keys, so
     *                         refresh tokens signed before a key rotation stay valid)
     */
    public TokenIssuer(SigningKey key, VerificationKeys verificationKeys, String issuer, String audience,
                       Duration accessTtl, Duration refreshTtl, Duration skew, Clock clock) {
        this.key = key;
        this.verificationKeys = verificationKeys;
        this.issuer = issuer;
        this.audience = audience;
        this.accessTtl = accessTtl;
        this.refreshTtl = refreshTtl;
        this.skew = skew;
        this.clock = clock;
    }

    public String keyId() {
        return key.keyId();
    }

    public Issued issue(String userId) {
        Instant now = clock.instant();
        String accessId = UUID.randomUUID().toString();
        UUID refreshId = UUID.randomUUID();
        Instant accessExpires = now.plus(accessTtl);
        Instant refreshExpires = now.plus(refreshTtl);
        return new Issued(sign(userId, accessId, TokenTypes.ACCESS, now, accessExpires), accessId, accessExpires,
                sign(userId, refreshId.toString(), TokenTypes.REFRESH, now, refreshExpires), refreshId,
                refreshExpires, accessTtl.toSeconds());
    }

    /** The claims of a genuine, unexpired refresh token of ours; empty for anything else (including access tokens). */
    public Optional<RefreshClaims> verifyRefresh(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            String kid = jwt.getHeader().getKeyID();
            Optional<RSAPublicKey> publicKey = key.keyId().equals(kid)
                    ? Optional.of(key.publicKey()) : verificationKeys.find(kid);
            if (publicKey.isEmpty() || !jwt.verify(new RSASSAVerifier(publicKey.get()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null
                    || !now.minus(skew).isBefore(claims.getExpirationTime().toInstant())
                    || !issuer.equals(claims.getIssuer())
                    || claims.getAudience() == null || !claims.getAudience().contains(audience)
                    || !TokenTypes.REFRESH.equals(claims.getClaim(TokenTypes.CLAIM))
                    || claims.getSubject() == null || claims.getJWTID() == null) {
                return Optional.empty();
            }
            return Optional.of(new RefreshClaims(UUID.fromString(claims.getJWTID()), claims.getSubject()));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String userId, String tokenId, String type, Instant now, Instant expires) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(userId)
                .jwtID(tokenId)
                .claim(TokenTypes.CLAIM, type)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT).keyID(key.keyId()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a token failed", e);
        }
        return jwt.serialize();
    }
}
