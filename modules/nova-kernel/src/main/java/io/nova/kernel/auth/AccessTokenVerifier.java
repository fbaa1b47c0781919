package io.nova.kernel.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Decides whether a bearer token is a valid Nova access token: RS256 only (so neither {@code none} nor an HMAC
 * signed with the public key gets through), a known {@code kid}, a good signature, our issuer and audience,
 * within {@code nbf}..{@code exp} give or take the skew, a lifetime no longer than the issuer's (see
 * {@link #lifetime}), type {@code access}, and not revoked.
 *
 * <p>A client sends the same token with every request for its 15 minutes, so a token that passed is remembered (by
 * its exact text, for at most {@link #REMEMBER_FOR}): the next request skips parsing and the RSA signature check,
 * which are most of the cost. What can change meanwhile is checked every time: the clock against {@code exp}, the
 * signing key still being trusted, and revocation.
 */
public final class AccessTokenVerifier {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    /** About 1 KiB each: a bounded ~10 MiB per replica. */
    static final int REMEMBERED_TOKENS = 10_000;

    /** What a verified token said that later requests must check again. */
    private record Verified(NovaPrincipal principal, String keyId, Instant notBefore) {
    }

    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_TOKENS)
            .expireAfterWrite(REMEMBER_FOR)
            .build();

    private final VerificationKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration maxLifetime;
    private final Duration skew;
    private final RevokedTokens revoked;
    private final Clock clock;

    /** {@code maxLifetime}: how long the issuer makes access tokens live ({@code jwt.accessTokenTtl}). */
    public AccessTokenVerifier(VerificationKeys keys, String issuer, String audience, Duration maxLifetime,
                               Duration skew, RevokedTokens revoked, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.maxLifetime = maxLifetime;
        this.skew = skew;
        this.revoked = revoked;
        this.clock = clock;
    }

    public NovaPrincipal verify(String token) throws InvalidTokenException {
        Verified known = verified.getIfPresent(token);
        if (known == null) {
            known = verifySignatureAndClaims(token);
            verified.put(token, known);
        }
        Instant now = clock.instant();
        if (!now.minus(skew).isBefore(known.principal().expiresAt())) {
            throw new InvalidTokenException("expired");
        }
        if (known.notBefore() != null && now.plus(skew).isBefore(known.notBefore())) {
            throw new InvalidTokenException("not valid yet");
        }
        if (keys.find(known.keyId()).isEmpty()) {
            throw new InvalidTokenException("key " + known.keyId() + " is no longer trusted");
        }
        if (revoked.isRevoked(known.principal().tokenId())) {
            throw new InvalidTokenException("revoked");
        }
        return known.principal();
    }

    /** Everything that does not change while the token lives; the time checks are done here too, to fail early. */
    private Verified verifySignatureAndClaims(String token) throws InvalidTokenException {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("algorithm " + jwt.getHeader().getAlgorithm() + " is not accepted");
        }
        RSAPublicKey key = keys.find(jwt.getHeader().getKeyID())
                .orElseThrow(() -> new InvalidTokenException("unknown key id " + jwt.getHeader().getKeyID()));
        try {
            if (!jwt.verify(new RSASSAVerifier(key))) {
                throw new InvalidTokenException("bad signature");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("signature could not be verified");
        }
        Instant now = clock.instant();
        Instant expires = instant(claims.getExpirationTime());
        if (expires == null || !now.minus(skew).isBefore(expires)) {
            throw new InvalidTokenException("expired");
        }
        Instant notBefore = instant(claims.getNotBeforeTime());
        if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
            throw new InvalidTokenException("not valid yet");
        }
        Duration lifetime = lifetime(expires, instant(claims.getIssueTime()), notBefore, now);
        if (lifetime.compareTo(maxLifetime.plus(skew)) > 0) {
            // Defence in depth: a leaked signing key, or an issuer bug, must not mint tokens that live for years.
            throw new InvalidTokenException("lifetime " + lifetime + " is longer than " + maxLifetime);
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new InvalidTokenException("issuer " + claims.getIssuer());
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new InvalidTokenException("audience " + claims.getAudience());
        }
        Object type = claims.getClaim(TokenTypes.CLAIM);
        if (!TokenTypes.ACCESS.equals(type)) {
            throw new InvalidTokenException("token type " + type);
        }
        String subject = claims.getSubject();
        String tokenId = claims.getJWTID();
        if (subject == null || subject.isBlank() || tokenId == null || tokenId.isBlank()) {
            throw new InvalidTokenException("sub and jti are required");
        }
        return new Verified(new NovaPrincipal(subject, tokenId, expires, token), jwt.getHeader().getKeyID(),
                notBefore);
    }

    /**
     * The longest span the token claims or can still be used for: {@code exp} minus the earliest of {@code iat},
     * {@code nbf} and now. For the tokens user-service issues ({@code iat = nbf}, in the past) that is
     * {@code exp - iat}; without {@code iat} it is {@code exp - nbf}; with neither, {@code exp - now}. Taking the
     * earliest means a token cannot shorten its judged life by claiming a future {@code iat} while having no
     * {@code nbf} to keep it from being used now.
     */
    static Duration lifetime(Instant expires, Instant issuedAt, Instant notBefore, Instant now) {
        Instant start = now;
        if (issuedAt != null && issuedAt.isBefore(start)) {
            start = issuedAt;
        }
        if (notBefore != null && notBefore.isBefore(start)) {
            start = notBefore;
        }
        return Duration.between(start, expires);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
