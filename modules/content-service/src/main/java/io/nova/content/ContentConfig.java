package io.nova.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** content-service's {@code content} block: where its gRPC dependencies are and how long it trusts their answers. */
public final class ContentConfig {

    @NotBlank
    private String userServiceTarget = "127.0.0.1:9083";

    @NotBlank
    private String mediaServiceTarget = "127.0.0.1:9082";

    @NotNull
    private Duration grpcDeadline = Duration.seconds(2);

    @NotNull
    private Duration authorCacheTtl = Duration.seconds(30);

    @Min(0)
    private long authorCacheSize = 100_000;

    @Min(1)
    private long relationCacheSize = 100_000;

    @JsonProperty
    public String getUserServiceTarget() {
        return userServiceTarget;
    }

    @JsonProperty
    public void setUserServiceTarget(String userServiceTarget) {
        this.userServiceTarget = userServiceTarget;
    }

    @JsonProperty
    public String getMediaServiceTarget() {
        return mediaServiceTarget;
    }

    @JsonProperty
    public void setMediaServiceTarget(String mediaServiceTarget) {
        this.mediaServiceTarget = mediaServiceTarget;
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
