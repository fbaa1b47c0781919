package io.nova.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.nova.contracts.ServicePorts;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/** The {@code feed} block: where content-service is (posts are hydrated and listed there) and how long a call may take. */
public final class FeedConfig {

    /** Empty: the service on loopback at its port (io.nova.contracts.ServicePorts). */
    @NotNull
    private String contentServiceTarget;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration grpcDeadline;

    @JsonProperty
    public String getContentServiceTarget() {
        return ServicePorts.grpcTarget(contentServiceTarget, "content-service");
    }

    @JsonProperty
    public void setContentServiceTarget(String contentServiceTarget) {
        this.contentServiceTarget = contentServiceTarget == null ? "" : contentServiceTarget.strip();
    }

    @JsonProperty
    public Duration getGrpcDeadline() {
        return grpcDeadline;
    }

    @JsonProperty
    public void setGrpcDeadline(Duration grpcDeadline) {
        this.grpcDeadline = grpcDeadline;
    }
}
