package io.nova.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.nova.contracts.ServicePorts;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** content-service's {@code content} block: where its gRPC dependencies are and how long it trusts their answers. */
public final class ContentConfig {

    /** Empty: the service on loopback at its port (io.nova.contracts.ServicePorts). */
    @NotNull
    private String userServiceTarget;

    /** Empty: the service on loopback at its port (io.nova.contracts.ServicePorts). */
    @NotNull
    private String mediaServiceTarget;

    @NotNull
    private Duration grpcDeadline;

    @NotNull
    private Duration authorCacheTtl;

    @Min(0)
    private long authorCacheSize;

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
    public Duration getAuthorCacheTtl() {
        return authorCacheTtl;
    }

    @JsonProperty
    public void setAuthorCacheTtl(Duration authorCacheTtl) {
        this.authorCacheTtl = authorCacheTtl;
    }

    @JsonProperty
    public long getAuthorCacheSize() {
        return authorCacheSize;
    }

    @JsonProperty
    public void setAuthorCacheSize(long authorCacheSize) {
        this.authorCacheSize = authorCacheSize;
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
