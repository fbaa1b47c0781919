package io.nova.messaging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * messaging-service's {@code calls} block (docs/api-calls.md, docs/configuration.md): how long a call rings, the
 * STUN and TURN servers clients are given and the TURN shared secret, and the start limit. URL lists are
 * comma-separated, as an environment variable holds them.
 */
public final class CallsConfig {

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration ringTimeout;

    /** How often each replica looks for calls that rang out (a tuning knob: Java default only). */
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration sweepInterval = Duration.seconds(1);

    /** Calls one user may start per minute, refused ones included (a tuning knob: Java default only). */
    @Min(1)
    private int startsPerMinute = 10;

    @NotNull
    private String stunUrls;

    @NotNull
    private String turnUrls;

    /** coturn's {@code static-auth-secret}; required when there are TURN URLs. */
    @NotNull
    private String turnSecret;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration turnCredentialTtl;

    /** The TURN URLs need the secret their credentials are made with. */
    @JsonIgnore
    @AssertTrue(message = "calls.turnSecret (CALL_TURN_SECRET) is required when calls.turnUrls is set")
    public boolean isTurnSecretGivenForTurnUrls() {
        return turnUrls().isEmpty() || (turnSecret != null && !turnSecret.isEmpty());
    }

    @JsonIgnore
    @AssertTrue(message = "calls.stunUrls must be stun: or stuns: URLs, calls.turnUrls turn: or turns: URLs")
    public boolean isEveryUrlOfItsKind() {
        return stunUrls().stream().allMatch(url -> url.startsWith("stun:") || url.startsWith("stuns:"))
                && turnUrls().stream().allMatch(url -> url.startsWith("turn:") || url.startsWith("turns:"));
    }

    @JsonIgnore
    public List<String> stunUrls() {
        return split(stunUrls);
    }

    @JsonIgnore
    public List<String> turnUrls() {
        return split(turnUrls);
    }

    private static List<String> split(String urls) {
        if (urls == null) {
            return List.of();
        }
        return Arrays.stream(urls.split(",")).map(String::strip).filter(url -> !url.isEmpty()).toList();
    }

    @JsonProperty
    public Duration getRingTimeout() {
        return ringTimeout;
    }

    @JsonProperty
    public void setRingTimeout(Duration ringTimeout) {
        this.ringTimeout = ringTimeout;
    }

    @JsonProperty
    public Duration getSweepInterval() {
        return sweepInterval;
    }

    @JsonProperty
    public void setSweepInterval(Duration sweepInterval) {
        this.sweepInterval = sweepInterval;
    }

    @JsonProperty
    public int getStartsPerMinute() {
        return startsPerMinute;
    }

    @JsonProperty
    public void setStartsPerMinute(int startsPerMinute) {
        this.startsPerMinute = startsPerMinute;
    }

    @JsonProperty
    public String getStunUrls() {
        return stunUrls;
    }

    @JsonProperty
    public void setStunUrls(String stunUrls) {
        this.stunUrls = stunUrls == null ? "" : stunUrls;
    }

    @JsonProperty
    public String getTurnUrls() {
        return turnUrls;
    }

    @JsonProperty
    public void setTurnUrls(String turnUrls) {
        this.turnUrls = turnUrls == null ? "" : turnUrls;
    }

    @JsonProperty
    public String getTurnSecret() {
        return turnSecret;
    }

    @JsonProperty
    public void setTurnSecret(String turnSecret) {
        this.turnSecret = turnSecret == null ? "" : turnSecret;
    }

    @JsonProperty
    public Duration getTurnCredentialTtl() {
        return turnCredentialTtl;
    }

    @JsonProperty
    public void setTurnCredentialTtl(Duration turnCredentialTtl) {
        this.turnCredentialTtl = turnCredentialTtl;
    }
}
