package io.nova.kernel.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/**
 * How services verify access tokens: who issues them, for whom, for how long at most, and the issuer's public keys.
 * user-service issues with the same block, so the lifetime it gives and the one every verifier accepts are one
 * setting.
 */
public final class JwtConfig {

    @NotBlank
    private String issuer;

    @NotBlank
    private String audience;

    /**
     * One or more PEM public keys (JWT_PUBLIC_KEY_PEM). During a key rotation both the old and the new key are
     * listed; a token's {@code kid} (the RFC 7638 thumbprint of its key) picks the one to verify with.
     */
    private String publicKeys = "";

    /**
     * The issuer's JWKS document (JWT_JWKS_URL, e.g. {@code http://user-service:8083/.well-known/jwks.json}); used
     * instead of {@link #publicKeys} when set, so verifiers follow key rotations without a restart.
     */
    private String jwksUrl = "";

    /**
     * How long an access token lives (JWT_ACCESS_TOKEN_TTL): user-service issues them for this long, and every
     * service refuses a token that claims a longer life (plus {@link #clockSkew}), even with a good signature.
     */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration accessTokenTtl;

    /** Tolerated clock difference for {@code exp} and {@code nbf}. */
    @NotNull
    private Duration clockSkew = Duration.seconds(30);

    @JsonProperty
    public String getIssuer() {
        return issuer;
    }

    @JsonProperty
    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    @JsonProperty
    public String getAudience() {
        return audience;
    }

    @JsonProperty
    public void setAudience(String audience) {
        this.audience = audience;
    }

    @JsonProperty
    public String getPublicKeys() {
        return publicKeys;
    }

    @JsonProperty
    public void setPublicKeys(String publicKeys) {
        this.publicKeys = publicKeys == null ? "" : publicKeys;
    }

    @JsonProperty
    public String getJwksUrl() {
        return jwksUrl;
    }

    @JsonProperty
    public void setJwksUrl(String jwksUrl) {
        this.jwksUrl = jwksUrl == null ? "" : jwksUrl.trim();
    }

    @JsonProperty
    public Duration getClockSkew() {
        return clockSkew;
    }

    @JsonProperty
    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    @JsonProperty
    public Duration getAccessTokenTtl() {
        return accessTokenTtl;
    }

    @JsonProperty
    public void setAccessTokenTtl(Duration accessTokenTtl) {
        this.accessTokenTtl = accessTokenTtl;
    }
}
