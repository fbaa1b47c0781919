package io.nova.messaging.core.notifications;

import io.nova.contracts.EventTypes;
import io.nova.kernel.api.Ids;
import io.nova.kernel.events.EventEnvelope;
import io.nova.kernel.events.EventHandler;
import io.nova.messaging.core.People;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The notifications' consumer of the user, content and messaging events, run by the kernel's consumer runner:
 * each event is handled once in effect, in the transaction that records it as processed, so a redelivered like
 * never counts twice. Message notifications go through {@link OfflineMessages} (only for a recipient who is not
 * connected); a block removes what the two contributed to each other's notifications. Events are handled in
 * batches, with the blocks they ask about looked up ahead.
 */
public final class NotificationConsumer implements EventHandler {

    /**
     * Events per transaction: each writes a few rows, so a burst of likes commits in batches, not one at a time.
     * Small enough that a group row locked by a batch is not held for long.
     */
    private static final int BATCH = 100;

    private final NotificationService notifications;
    private final OfflineMessages offline;

    public NotificationConsumer(NotificationService notifications, OfflineMessages offline) {
        this.notifications = notifications;
        this.offline = offline;
    }

    @Override
    public int batchSize() {
        return BATCH;
    }

    /**
     * Blocks and the events notifications are made from: the rest of the topics (among them the notification
     * events this service writes to the messaging topic itself) cost no transaction.
     */
    @Override
    public boolean wants(EventEnvelope event) {
        return EventTypes.USER_BLOCKED.equals(event.type()) || NotificationSources.reads(event.type());
    }

    /**
     * Looks up the batch's blocks at once, before the transaction (see {@link #batchSize}); the batch is then
     * handled with those answers.
     */
    @Override
    public EventHandler prepare(List<EventEnvelope> events) {
        List<Contribution> contributions = new ArrayList<>();
        for (EventEnvelope event : events) {
            NotificationSources.of(event).stream()
                    .filter(contribution -> contribution.kind() != NotificationKind.MESSAGE)
                    .forEach(contributions::add);
        }
        People.Blocks ahead = notifications.lookAhead(contributions);
        return (handle, event) -> handle(handle, event, ahead);
    }

    @Override
    public void handle(Handle handle, EventEnvelope event) {
        handle(handle, event, People.Blocks.NONE);
    }

    private void handle(Handle handle, EventEnvelope event, People.Blocks ahead) {
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
                notifications.apply(handle, contribution, ahead);
            }
        }
    }
}
