package io.nova.messaging.core.notifications;

import io.nova.contracts.EventTypes;
import io.nova.contracts.Topics;
import io.nova.kernel.events.Outbox;
import io.nova.messaging.api.MessagingEvents;
import io.nova.messaging.api.NotificationRemoved;
import io.nova.messaging.core.People;
import io.nova.messaging.db.NotificationStore;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores contributions into their owners' notifications and tells the owners' sockets, all in the caller's
 * transaction: the row, its actor and the {@code notification.*} event commit together, so a socket is never told
 * of an entry that is not there, and an entry is never there without its event.
 *
 * <p>Events (docs/api-notifications.md): {@code notification.created} when an entry appears,
 * {@code notification.updated} when a group grows or shrinks, {@code notification.deleted} when its last
 * contribution is taken back. Each is addressed to the owner alone and keyed by the owner, so one owner's events
 * stay in order.
 */
public final class NotificationService {

    private final NotificationStore store;
    private final People people;
    private final Outbox outbox;
    private final Duration window;

    public NotificationService(NotificationStore store, People people, Outbox outbox, Duration window) {
        this.store = store;
        this.people = people;
        this.outbox = outbox;
        this.window = window;
    }

    /** Applies one contribution: added when the rules let the owner hear of it, or taken back. */
    public void apply(Handle handle, Contribution contribution) {
        apply(handle, contribution, People.Blocks.NONE);
    }

    /** {@link #apply}, with the blocks a {@link #lookAhead} found for the contribution's batch. */
    public void apply(Handle handle, Contribution contribution, People.Blocks ahead) {
        if (contribution.change() == Contribution.Change.REMOVE) {
            remove(handle, contribution);
        } else if (mayNotify(contribution, ahead)) {
            add(handle, contribution);
        }
    }

    /**
     * Whether the owner may hear of it: never their own doing; never across a block either way. The block is
     * asked last, as user-service (through the relationship cache) answers it now — or answered when the batch
     * was looked up ahead, moments before.
     */
    private boolean mayNotify(Contribution contribution, People.Blocks ahead) {
        UUID owner = contribution.owner();
        UUID actor = contribution.actor();
        if (NotificationRules.isSelf(owner, actor)) {
            return false;
        }
        boolean blocked = ahead.eitherWay(owner, actor)
                .orElseGet(() -> !people.blockedEitherWay(owner, List.of(actor)).isEmpty());
        return NotificationRules.mayNotify(owner, actor, blocked);
    }

    /**
     * Contributions about to be applied one by one: the blocks {@link #mayNotify} will ask about are looked up
     * ahead, all at once, so applying them does not wait for Redis and user-service once per contribution.
     */
    public People.Blocks lookAhead(List<Contribution> contributions) {
        Map<UUID, Set<UUID>> actorsByOwner = new HashMap<>();
        for (Contribution contribution : contributions) {
            if (contribution.change() == Contribution.Change.ADD
                    && !NotificationRules.isSelf(contribution.owner(), contribution.actor())) {
                actorsByOwner.computeIfAbsent(contribution.owner(), owner -> new HashSet<>()).add(contribution.actor());
            }
        }
        return actorsByOwner.isEmpty() ? People.Blocks.NONE : people.lookAhead(actorsByOwner);
    }

    /** A block: what each of the two contributed to the other's notifications goes. */
    public void blocked(Handle handle, UUID one, UUID other) {
        store.removeActorFromOwner(handle, one, other);
        store.removeActorFromOwner(handle, other, one);
    }

    private void add(Handle handle, Contribution contribution) {
        String key = NotificationRules.groupKey(contribution.kind(), contribution.subject(), contribution.at(),
                window);
        UUID group = store.lockGroup(handle, contribution.owner(), contribution.kind().wire(),
                contribution.subject(), key, NotificationViews.targetJson(contribution.target()));
        if (!store.addActor(handle, group, contribution.actor())) {
            // Already counted (the same actor again in the window): nothing changed, nobody is told.
            store.deleteIfEmpty(handle, group);
            return;
        }
        var row = store.find(handle, group).orElseThrow();
        announce(handle, contribution.owner(), row.count() == 1 ? EventTypes.NOTIFICATION_CREATED
                : EventTypes.NOTIFICATION_UPDATED, NotificationViews.view(row));
    }

    private void remove(Handle handle, Contribution contribution) {
        Optional<UUID> group = store.lockContributed(handle, contribution.owner(), contribution.kind().wire(),
                contribution.subject(), contribution.actor());
        if (group.isEmpty() || !store.removeActor(handle, group.get(), contribution.actor())) {
            return;
        }
        var row = store.find(handle, group.get()).orElseThrow();
        if (store.deleteIfEmpty(handle, group.get())) {
            announce(handle, row.owner(), EventTypes.NOTIFICATION_DELETED,
                    new NotificationRemoved(group.get().toString()));
        } else {
            announce(handle, row.owner(), EventTypes.NOTIFICATION_UPDATED, NotificationViews.view(row));
        }
    }

    private void announce(Handle handle, UUID owner, String type, Object data) {
        outbox.append(handle, Topics.MESSAGING_EVENTS, type, owner.toString(),
                new MessagingEvents.Envelope(List.of(owner.toString()), data));
    }
}
