package io.nova.messaging;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.nova.kernel.config.NovaConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The kernel's configuration plus messaging-service's own blocks. */
public class MessagingServiceConfiguration extends NovaConfiguration {

    // Conversations and messages: their gRPC dependencies.
    @Valid
    @NotNull
    private ConversationsConfig conversations = new ConversationsConfig();

    @JsonProperty
    public ConversationsConfig getConversations() {
        return conversations;
    }

    @JsonProperty
    public void setConversations(ConversationsConfig conversations) {
        this.conversations = conversations;
    }

    /** The realtime socket /ws (docs/api-realtime.md). */
    @Valid
    @NotNull
    private RealtimeConfig realtime = new RealtimeConfig();

    @JsonProperty
    public RealtimeConfig getRealtime() {
        return realtime;
    }

    @JsonProperty
    public void setRealtime(RealtimeConfig realtime) {
        this.realtime = realtime;
    }

    /** Calls: ring timeout, ICE servers, TURN secret (docs/api-calls.md). */
    @Valid
    @NotNull
    private CallsConfig calls = new CallsConfig();

    @JsonProperty
    public CallsConfig getCalls() {
        return calls;
    }

    @JsonProperty
    public void setCalls(CallsConfig calls) {
        this.calls = calls;
    }

    /** Notifications (docs/api-notifications.md). */
    @Valid
    @NotNull
    private NotificationsConfig notifications = new NotificationsConfig();

    @JsonProperty
    public NotificationsConfig getNotifications() {
        return notifications;
    }

    @JsonProperty
    public void setNotifications(NotificationsConfig notifications) {
        this.notifications = notifications;
    }
}
