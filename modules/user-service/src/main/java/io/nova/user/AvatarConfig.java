package io.nova.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.nova.contracts.ServicePorts;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/** Where avatars come from: media-service, asked over gRPC to check a new avatar and for its download URL. */
public final class AvatarConfig {

    /** Empty: the service on loopback at its port (io.nova.contracts.ServicePorts). */
    @NotNull
    private String mediaServiceTarget;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration grpcDeadline;

    /** Avatar URLs kept in memory (until shortly before their signature expires). */
    @Min(0)
    private int urlCacheSize = 100_000;

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
    public int getUrlCacheSize() {
        return urlCacheSize;
    }

    @JsonProperty
    public void setUrlCacheSize(int urlCacheSize) {
        this.urlCacheSize = urlCacheSize;
    }
}
