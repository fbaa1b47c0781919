package io.nova.messaging;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.nova.clients.PeerSettings;
import jakarta.validation.constraints.NotNull;

/**
 * messaging-service's {@code conversations} block: where the services conversations and messages depend on are
 * ({@link PeerSettings}), and how often unfinished media releases are retried.
 */
public final class ConversationsConfig extends PeerSettings {

    @NotNull
    private Duration mediaReleaseRetry;

    @JsonProperty
    public Duration getMediaReleaseRetry() {
        return mediaReleaseRetry;
    }

    @JsonProperty
    public void setMediaReleaseRetry(Duration mediaReleaseRetry) {
        this.mediaReleaseRetry = mediaReleaseRetry;
    }
}
