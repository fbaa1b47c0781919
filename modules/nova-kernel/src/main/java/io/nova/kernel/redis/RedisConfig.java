package io.nova.kernel.redis;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The Redis server (REDIS_URL: {@code redis://[user:password@]host:port}, or {@code rediss://} for TLS). */
public final class RedisConfig {

    @NotBlank
    private String url;

    /** How long one command may take before it counts as failed. */
    @NotNull
    private Duration timeout = Duration.seconds(2);

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url;
    }

    @JsonProperty
    public Duration getTimeout() {
        return timeout;
    }

    @JsonProperty
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
