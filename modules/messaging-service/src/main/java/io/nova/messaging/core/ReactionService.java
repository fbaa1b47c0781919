package io.nova.messaging.core;

import io.nova.contracts.EventTypes;
import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.messaging.api.MessagingEvents;
import io.nova.messaging.api.ReactionsView;
import io.nova.messaging.db.ConversationStore;
import io.nova.messaging.db.MessageRow;
import io.nova.messaging.db.MessageStore;
import io.nova.messaging.db.ReactionStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.UUID;

/**
 * Reactions: a member puts an emoji on a message or takes it off. Both are idempotent — a repeat changes nothing
 * and announces nothing — and run under the message's row lock, so a count is exact and a deleted message takes
 * no new reaction. Each member may put at most {@value #MAX_PER_MEMBER} different emojis on one message.
 */
public final class ReactionService {

    static final int MAX_PER_MEMBER = 20;

    private final Jdbi jdbi;
    private final MessageStore messages;
    private final ReactionStore reactions;
    private final Access access;
    private final MessageService visibility;
    private final Announcer announcer;

    public ReactionService(Jdbi jdbi, MessageStore messages, ReactionStore reactions, Access access,
                           MessageService visibility, Announcer announcer) {
        this.jdbi = jdbi;
        this.messages = messages;
        this.reactions = reactions;
        this.access = access;
        this.visibility = visibility;
        this.announcer = announcer;
    }

    public ReactionsView add(UUID caller, String messageId, String emojiText) {
        String emoji = Emoji.parse(emojiText);
        UUID id = Ids.inPath("Message", messageId);
        MessageRow seen = jdbi.inTransaction(handle -> visibility.visible(handle, id, caller, messageId));
        access.requireOpen(jdbi.withHandle(handle -> access.member(handle, seen.conversationId(), caller,
                messageId)));
        return jdbi.inTransaction(handle -> {
            MessageRow row = lock(handle, seen, caller, messageId);
            if (row.deleted()) {
                throw DomainException.unprocessable("message_deleted", "Message " + id + " was deleted");
            }
            if (reactions.countByUser(handle, id, caller) >= MAX_PER_MEMBER
                    && reactions.counts(handle, List.of(id), caller).stream()
                    .noneMatch(count -> count.mine() && count.emoji().equals(emoji))) {
                throw DomainException.unprocessable("too_many_reactions",
                        "One member can put at most " + MAX_PER_MEMBER + " different emojis on a message");
            }
            if (reactions.add(handle, id, caller, emoji)) {
                announce(handle, EventTypes.REACTION_ADDED, row, caller, emoji);
            }
            return view(handle, id, caller);
        });
    }

    public ReactionsView remove(UUID caller, String messageId, String emojiText) {
        String emoji = Emoji.parse(emojiText);
        UUID id = Ids.inPath("Message", messageId);
        MessageRow seen = jdbi.inTransaction(handle -> visibility.visible(handle, id, caller, messageId));
        return jdbi.inTransaction(handle -> {
            MessageRow row = lock(handle, seen, caller, messageId);
            if (reactions.remove(handle, id, caller, emoji)) {
                announce(handle, EventTypes.REACTION_REMOVED, row, caller, emoji);
            }
            return view(handle, id, caller);
        });
    }

    /** The message locked, in a transaction that holds the conversation's members steady; 404 for a non-member. */
    private MessageRow lock(Handle handle, MessageRow seen, UUID caller, String asked) {
        try {
            access.member(handle, seen.conversationId(), caller, asked, ConversationStore.Lock.STABLE_MEMBERS);
        } catch (DomainException notMember) {
            throw DomainException.notFound("Message", asked);
        }
        return messages.lock(handle, seen.id()).orElseThrow();
    }

    private void announce(Handle handle, String type, MessageRow row, UUID caller, String emoji) {
        announcer.toMembers(handle, type, row.conversationId(), new MessagingEvents.Reaction(
                row.conversationId().toString(), row.id().toString(), row.seq(), caller.toString(), emoji,
                reactions.count(handle, row.id(), emoji)));
    }

    private ReactionsView view(Handle handle, UUID id, UUID caller) {
        return new ReactionsView(id.toString(), Views.reactions(reactions.counts(handle, List.of(id), caller), caller));
    }
}
