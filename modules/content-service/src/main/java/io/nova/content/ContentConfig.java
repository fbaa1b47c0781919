package io.nova.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.nova.clients.PeerSettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * content-service's {@code content} block: where its gRPC dependencies are and how long it trusts their answers
 * ({@link PeerSettings}), and its cache of author summaries.
 */
public final class ContentConfig extends PeerSettings {

    @NotNull
    private Duration authorCacheTtl;

    @Min(0)
    private long authorCacheSize;

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
}
