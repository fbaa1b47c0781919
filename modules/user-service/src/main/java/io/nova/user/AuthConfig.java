package io.nova.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/**
 * How user-service issues tokens and keeps passwords. The defaults are the production values; tests lower the
 * Argon2 cost only to stay fast. The access tokens' lifetime is the kernel's {@code jwt.accessTokenTtl}: every
 * service verifies against the same value.
 */
public final class AuthConfig {

    /** PKCS#8 PEM of the RSA signing key (JWT_PRIVATE_KEY_PEM); empty: tokens cannot be issued (503). */
    private String signingKey;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration refreshTokenTtl = Duration.days(30);

    /**
     * Argon2id memory in KiB. The default is OWASP's m=7 MiB, t=5, p=1 — one of the settings its Password Storage
     * Cheat Sheet lists as the same defence as m=19 MiB, t=2 (Keycloak ships it too, on the same BouncyCastle
     * generator). Why the low-memory one: BouncyCastle allocates the memory as 1 KiB blocks on the Java heap; 19 MiB
     * still alive at a young collection overflows the survivor space and is promoted, and the old generation then
     * fills with dead hashes — on a 256 MiB heap a full collection (≈ 100 ms, stopping every feed request in the
     * replica) every few logins. 7 MiB mostly dies young (docs/benchmarks.md, "user-service").
     */
    @Min(8)
    @Max(4 * 1024 * 1024)
    private int argon2MemoryKib = 7168;

    @Min(1)
    @Max(100)
    private int argon2Iterations = 5;

    @Min(1)
    @Max(16)
    private int argon2Parallelism = 1;

    /** Login attempts per account (and per unknown login name) in one window, whatever the client address. */
    @Min(1)
    private int loginAttemptsPerAccount = 5;

    /** Login attempts per client address in one window, whichever accounts they try. */
    @Min(1)
    private int loginAttemptsPerAddress = 20;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration loginWindow = Duration.minutes(1);

    /** How often expired refresh-token rows are deleted (they are useless once expired, kept a day for audits). */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration refreshTokenPruneInterval = Duration.hours(1);

    @JsonProperty
    public String getSigningKey() {
        return signingKey;
    }

    @JsonProperty
    public void setSigningKey(String signingKey) {
        this.signingKey = signingKey == null ? "" : signingKey;
    }

    @JsonProperty
    public Duration getRefreshTokenTtl() {
        return refreshTokenTtl;
    }

    @JsonProperty
    public void setRefreshTokenTtl(Duration refreshTokenTtl) {
        this.refreshTokenTtl = refreshTokenTtl;
    }

    @JsonProperty
    public int getArgon2MemoryKib() {
        return argon2MemoryKib;
    }

    @JsonProperty
    public void setArgon2MemoryKib(int argon2MemoryKib) {
        this.argon2MemoryKib = argon2MemoryKib;
    }

    @JsonProperty
    public int getArgon2Iterations() {
        return argon2Iterations;
    }

    @JsonProperty
    public void setArgon2Iterations(int argon2Iterations) {
        this.argon2Iterations = argon2Iterations;
    }

    @JsonProperty
    public int getArgon2Parallelism() {
        return argon2Parallelism;
    }

    @JsonProperty
    public void setArgon2Parallelism(int argon2Parallelism) {
        this.argon2Parallelism = argon2Parallelism;
    }

    @JsonProperty
    public int getLoginAttemptsPerAccount() {
        return loginAttemptsPerAccount;
    }

    @JsonProperty
    public void setLoginAttemptsPerAccount(int loginAttemptsPerAccount) {
        this.loginAttemptsPerAccount = loginAttemptsPerAccount;
    }

    @JsonProperty
    public int getLoginAttemptsPerAddress() {
        return loginAttemptsPerAddress;
    }

    @JsonProperty
    public void setLoginAttemptsPerAddress(int loginAttemptsPerAddress) {
        this.loginAttemptsPerAddress = loginAttemptsPerAddress;
    }

    @JsonProperty
    public Duration getLoginWindow() {
        return loginWindow;
    }

    @JsonProperty
    public void setLoginWindow(Duration loginWindow) {
        this.loginWindow = loginWindow;
    }

    @JsonProperty
    public Duration getRefreshTokenPruneInterval() {
        return refreshTokenPruneInterval;
    }

    @JsonProperty
    public void setRefreshTokenPruneInterval(Duration refreshTokenPruneInterval) {
        this.refreshTokenPruneInterval = refreshTokenPruneInterval;
    }
}
