package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;
import io.nova.messaging.db.ConversationStore;
import io.nova.messaging.db.MemberRow;
import io.nova.messaging.db.MemberStore;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may see a conversation: its current members, and nobody else — to anyone else it does not exist (404, never
 * 403, which would confirm it does). A former member may still read the messages of their time as a member
 * ({@link #readableUpTo}) and nothing more. Direct conversations between users who block each other (either way)
 * take no new messages, edits or reactions: 403.
 */
public final class Access {

    private final ConversationStore conversations;
    private final MemberStore members;
    private final People people;

    public Access(ConversationStore conversations, MemberStore members, People people) {
        this.conversations = conversations;
        this.members = members;
        this.people = people;
    }

    /** The conversation and the caller's membership, or 404. */
    public Membership member(Handle handle, UUID conversation, UUID caller, String asked) {
        return member(conversations.withMember(handle, conversation, caller, Optional.empty()), asked);
    }

    /**
     * The same, under a lock on the conversation taken first; call it in the transaction that makes the change,
     * so a membership ended meanwhile is seen.
     */
    public Membership member(Handle handle, UUID conversation, UUID caller, String asked,
                             ConversationStore.Lock lock) {
        return member(conversations.withMember(handle, conversation, caller, Optional.of(lock)), asked);
    }

    /**
     * A sender's membership and the conversation's current members, or 404: call it in the send's transaction once
     * the seq's lock is held, so both are what they are at commit.
     */
    public Sending sending(Handle handle, UUID conversation, UUID caller, String asked) {
        ConversationStore.WithMembers found = conversations.withMemberAndMembers(handle, conversation, caller)
                .orElseThrow(() -> notFound(asked));
        return new Sending(member(Optional.of(found.withMember()), asked), found.members());
    }

    /** What {@link #sending} found: the sender's membership, and to whom the message goes. */
    public record Sending(Membership membership, List<UUID> members) {
    }

    /**
     * The newest seq the caller may read: every one for a member, up to their leaving for a former member; 404 for
     * anyone who never was one.
     */
    public long readableUpTo(Handle handle, UUID conversation, UUID caller, String asked) {
        MemberRow row = members.find(handle, conversation, caller).orElseThrow(() -> notFound(asked));
        return row.active() ? Long.MAX_VALUE : row.leftSeq();
    }

    /** A direct conversation whose users block each other (either way) takes nothing new: 403. */
    public void requireOpen(Membership membership) {
        requireOpen(membership, People.Blocks.NONE);
    }

    /** The same, answered from {@code known} (a batch's lookups) where it has the pair. */
    void requireOpen(Membership membership, People.Blocks known) {
        if (membership.conversation().direct()) {
            UUID me = membership.member().userId();
            UUID other = membership.otherOfDirect();
            boolean blocked = known.eitherWay(me, other)
                    .orElseGet(() -> !people.blockedEitherWay(me, List.of(other)).isEmpty());
            if (blocked) {
                throw DomainException.forbidden("You cannot message this user");
            }
        }
    }

    static Membership member(Optional<ConversationStore.WithMember> row, String asked) {
        ConversationStore.WithMember found = row.orElseThrow(() -> notFound(asked));
        MemberRow member = found.member().filter(MemberRow::active).orElseThrow(() -> notFound(asked));
        return new Membership(found.conversation(), member);
    }

    static DomainException notFound(String asked) {
        return DomainException.notFound("Conversation", asked);
    }
}
