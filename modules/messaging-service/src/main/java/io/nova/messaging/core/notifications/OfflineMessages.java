package io.nova.messaging.core.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nova.kernel.api.Ids;
import io.nova.messaging.core.realtime.MissedMessages;
import io.nova.messaging.core.realtime.Presence;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Message notifications, made only for a recipient who is not connected — decided with {@link Presence} so that
 * a socket closing while the message is in flight still ends in a notification (docs/api-notifications.md,
 * "Messages while offline"):
 * <ul>
 *   <li>the consumer {@link #claim}s the message for the recipient: when a socket of theirs counts, Presence keeps
 *       it as unseen (a socket sends it, or the last socket to close hands it back to {@link #store}); otherwise
 *       it is stored here, in the consumer's transaction;</li>
 *   <li>{@link #store} is that hand-back, in a transaction of its own.</li>
 * </ul>
 * Storing is idempotent (the entry's group key is the message id), so an entry handed over twice counts once.
 */
public final class OfflineMessages implements MissedMessages {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineMessages.class);
    /** Entries are ours alone: plain JSON. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final NotificationService notifications;
    private final Presence presence;

    public OfflineMessages(Jdbi jdbi, NotificationService notifications, Presence presence) {
        this.jdbi = jdbi;
        this.notifications = notifications;
        this.presence = presence;
    }

    /** In the consumer's transaction: stored now if the recipient has no socket, else left to the sockets. */
    void claim(Handle handle, Contribution message) {
        if (NotificationRules.isSelf(message.owner(), message.actor())) {
            return;
        }
        Presence.Claim claim = presence.claim(message.owner(), message.subject(), encode(message));
        if (claim.online()) {
            return;
        }
        notifications.apply(handle, message);
        if (!claim.orphans().isEmpty()) {
            // Left unseen by sockets of a replica that vanished: nobody else will send them.
            claim.orphans().values().forEach(entry -> decode(entry).ifPresent(m -> notifications.apply(handle, m)));
            handle.afterCommit(() -> presence.forget(message.owner(), claim.orphans().keySet()));
        }
    }

    @Override
    public void store(UUID user, Collection<String> entries) {
        jdbi.useTransaction(handle -> entries.forEach(entry -> decode(entry)
                .filter(message -> message.owner().equals(user))
                .ifPresent(message -> notifications.apply(handle, message))));
    }

    static String encode(Contribution message) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("owner", message.owner().toString());
        entry.put("actor", message.actor().toString());
        entry.put("message_id", message.subject());
        entry.put("conversation_id", message.target().get("conversation_id"));
        entry.put("at", message.at().toString());
        return entry.toString();
    }

    static Optional<Contribution> decode(String text) {
        try {
            JsonNode entry = JSON.readTree(text);
            Optional<UUID> owner = Ids.parse(entry.path("owner").asText(null));
            Optional<UUID> actor = Ids.parse(entry.path("actor").asText(null));
            Optional<UUID> message = Ids.parse(entry.path("message_id").asText(null));
            Optional<UUID> conversation = Ids.parse(entry.path("conversation_id").asText(null));
            if (owner.isEmpty() || actor.isEmpty() || message.isEmpty() || conversation.isEmpty()) {
                throw new IOException("missing ids");
            }
            return Optional.of(Contribution.add(NotificationKind.MESSAGE, owner.get(), actor.get(),
                    message.get().toString(), Map.of("conversation_id", conversation.get().toString(),
                            "message_id", message.get().toString()), Instant.parse(entry.path("at").asText())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Dropping an unseen-message entry that cannot be read: {} ({})", text, e.toString());
            return Optional.empty();
        }
    }
}
