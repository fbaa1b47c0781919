package io.nova.messaging.core;

import io.nova.contracts.Topics;
import io.nova.kernel.events.Outbox;
import io.nova.messaging.api.MessagingEvents;
import io.nova.messaging.db.MemberStore;
import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes messaging's events to the outbox, in the transaction that makes the change, as the realtime layer reads
 * them: {@code {"recipients": [...], "data": {...}}}, keyed by the conversation so its events stay in order. The
 * recipients are read in that transaction after its conversation lock, so they are the members at commit time.
 */
public final class Announcer {

    private final Outbox outbox;
    private final MemberStore members;

    public Announcer(Outbox outbox, MemberStore members) {
        this.outbox = outbox;
        this.members = members;
    }

    /** To the conversation's current members (and {@code alsoTo}, e.g. a member just removed). */
    public void toMembers(Handle handle, String type, UUID conversation, Object data, UUID... alsoTo) {
        Set<UUID> recipients = new LinkedHashSet<>(members.recipients(handle, conversation));
        recipients.addAll(List.of(alsoTo));
        to(handle, type, conversation, recipients, data);
    }

    /** An event of one conversation for its recipients (read under the conversation's lock, as for {@link #to}). */
    public record Announcement(UUID conversation, Collection<UUID> recipients, Object data) {
    }

    /** Events of {@code type}, one per announcement, written with one statement in the order given. */
    public void toEach(Handle handle, String type, List<Announcement> announcements) {
        outbox.appendAll(handle, announcements.stream()
                .map(a -> new Outbox.Event(Topics.MESSAGING_EVENTS, type, a.conversation().toString(),
                        envelope(a.recipients(), a.data())))
                .toList());
    }

    /** To {@code recipients}: members the caller has just read under the conversation's lock. */
    public void to(Handle handle, String type, UUID conversation, Collection<UUID> recipients, Object data) {
        outbox.append(handle, Topics.MESSAGING_EVENTS, type, conversation.toString(), envelope(recipients, data));
    }

    private static MessagingEvents.Envelope envelope(Collection<UUID> recipients, Object data) {
        return new MessagingEvents.Envelope(recipients.stream().map(UUID::toString).toList(), data);
    }
}
