package io.nova.messaging.core.notifications;

import io.nova.contracts.EventTypes;
import io.nova.kernel.api.Ids;
import io.nova.kernel.events.EventEnvelope;
import io.nova.kernel.events.EventHandler;
import org.jdbi.v3.core.Handle;

import java.util.Optional;
import java.util.UUID;

/**
 * The notifications' consumer of the user, content and messaging events, run by the kernel's consumer runner:
 * each event is handled once in effect, in the transaction that records it as processed, so a redelivered like
 * never counts twice. Message notifications go through {@link OfflineMessages} (only for a recipient who is not
 * connected); a block removes what the two contributed to each other's notifications.
 */
public final class NotificationConsumer implements EventHandler {

    private final NotificationService notifications;
    private final OfflineMessages offline;

    public NotificationConsumer(NotificationService notifications, OfflineMessages offline) {
        this.notifications = notifications;
        this.offline = offline;
    }

    @Override
    public void handle(Handle handle, EventEnvelope event) {
        if (EventTypes.USER_BLOCKED.equals(event.type())) {
            Optional<UUID> blocker = Ids.parse(event.payload().path("blocker_id").asText(null));
            Optional<UUID> blocked = Ids.parse(event.payload().path("blocked_id").asText(null));
            if (blocker.isPresent() && blocked.isPresent()) {
                notifications.blocked(handle, blocker.get(), blocked.get());
            }
            return;
        }
        for (Contribution contribution : NotificationSources.of(event)) {
            if (contribution.kind() == NotificationKind.MESSAGE) {
                offline.claim(handle, contribution);
            } else {
                notifications.apply(handle, contribution);
            }
        }
    }
}
