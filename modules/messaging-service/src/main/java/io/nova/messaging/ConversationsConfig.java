package io.nova.messaging;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.nova.contracts.ServicePorts;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * messaging-service's {@code conversations} block: where the services conversations and messages depend on are,
 * how long a call to them may take, and how many relations it keeps.
 */
public final class ConversationsConfig {

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

    @NotNull
    private Duration mediaReleaseRetry;

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

    @JsonProperty
    public Duration getMediaReleaseRetry() {
        return mediaReleaseRetry;
    }

    @JsonProperty
    public void setMediaReleaseRetry(Duration mediaReleaseRetry) {
        this.mediaReleaseRetry = mediaReleaseRetry;
    }
}
