package io.nova.kernel.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The service's gRPC server: where it listens, how many calls it serves at once, how long they get when it stops. */
public final class GrpcConfig {

    /** 0 picks a free port (tests). */
    @Min(0)
    @Max(65535)
    private int port;

    /** The address to listen on; null or blank: every interface. */
    private String bindHost;

    @NotNull
    private Duration shutdownTimeout;

    /** Calls served at once; more wait in a queue (see ManagedGrpcServer). */
    @Min(1)
    private int maxThreads = 64;

    @JsonProperty
    public int getPort() {
        return port;
    }

    @JsonProperty
    public void setPort(int port) {
        this.port = port;
    }

    @JsonProperty
    public String getBindHost() {
        return bindHost;
    }

    @JsonProperty
    public void setBindHost(String bindHost) {
        this.bindHost = bindHost;
    }

    @JsonProperty
    public int getMaxThreads() {
        return maxThreads;
    }

    @JsonProperty
    public void setMaxThreads(int maxThreads) {
        this.maxThreads = maxThreads;
    }

    @JsonProperty
    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    @JsonProperty
    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }
}
