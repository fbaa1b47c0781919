package io.nova.clients;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.nova.contracts.ServicePorts;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The settings of these clients, the same in every service that uses them: where user-service and media-service
 * are, how long a call to them may take, and how many relations to keep. A service's configuration block extends
 * it (content-service's {@code content}, messaging-service's {@code conversations}) and adds its own.
 */
public abstract class PeerSettings {

    /** Empty: the service on loopback at its port (io.nova.contracts.ServicePorts). */
    @NotNull
    private String userServiceTarget;

    /** Empty: the service on loopback at its port (io.nova.contracts.ServicePorts). */
    @NotNull
    private String mediaServiceTarget;

    @NotNull
    private Duration grpcDeadline;

    @Min(1)
    private long relationCacheSize;

    @JsonProperty
    public String getUserServiceTarget() {
        return ServicePorts.grpcTarget(userServiceTarget, "user-service");
    }

    @JsonProperty
    public void setUserServiceTarget(String userServiceTarget) {
        this.userServiceTarget = userServiceTarget == null ? "" : userServiceTarget.strip();
    }

    @JsonProperty
    public String getMediaServiceTarget() {
        return ServicePorts.grpcTarget(mediaServiceTarget, "media-service");
    }

    @JsonProperty
    public void setMediaServiceTarget(String mediaServiceTarget) {
        this.mediaServiceTarget = mediaServiceTarget == null ? "" : mediaServiceTarget.strip();
    }

    @JsonProperty
    public Duration getGrpcDeadline() {
        return grpcDeadline;
    }

    @JsonProperty
    public void setGrpcDeadline(Duration grpcDeadline) {
        this.grpcDeadline = grpcDeadline;
    }

    @JsonProperty
    public long getRelationCacheSize() {
        return relationCacheSize;
    }

    @JsonProperty
    public void setRelationCacheSize(long relationCacheSize) {
        this.relationCacheSize = relationCacheSize;
    }
}
