package io.nova.kernel.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/** How a stopping service leaves its Service endpoints before it stops accepting work. */
public final class ShutdownConfig {

    @NotNull
    private Duration drainDelay;

    @JsonProperty
    public Duration getDrainDelay() {
        return drainDelay;
    }

    @JsonProperty
    public void setDrainDelay(Duration drainDelay) {
        this.drainDelay = drainDelay;
    }
}
