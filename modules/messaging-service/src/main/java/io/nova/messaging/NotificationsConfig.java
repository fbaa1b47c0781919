package io.nova.messaging;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** messaging-service's {@code notifications} block (docs/api-notifications.md, docs/configuration.md). */
public final class NotificationsConfig {

    /**
     * Likes of one post, and follows, that fall in the same window of this length are one entry. Windows are fixed
     * slices of time from the epoch (so concurrent and redelivered events agree on the group without reading).
     */
    @NotNull
    private Duration groupWindow = Duration.hours(24);

    /** The consumer group (prefixed with the service's name) that reads the events notifications come from. */
    @NotEmpty
    private String consumer = "notifications";

    @JsonProperty
    public Duration getGroupWindow() {
        return groupWindow;
    }

    @JsonProperty
    public void setGroupWindow(Duration groupWindow) {
        this.groupWindow = groupWindow;
    }

    @JsonProperty
    public String getConsumer() {
        return consumer;
    }

    @JsonProperty
    public void setConsumer(String consumer) {
        this.consumer = consumer;
    }
}
