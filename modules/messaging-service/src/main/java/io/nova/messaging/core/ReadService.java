package io.nova.messaging.core;

import io.nova.contracts.EventTypes;
import io.nova.kernel.api.Ids;
import io.nova.messaging.api.MessagingEvents;
import io.nova.messaging.api.ReadRequest;
import io.nova.messaging.api.ReadState;
import io.nova.messaging.db.ConversationStore;
import io.nova.messaging.db.MemberStore;
import org.jdbi.v3.core.Jdbi;

import java.util.UUID;

/**
 * Read positions: a member reports how far they have read; the position only moves forward
 * ({@link ReadPosition}), every member is told (read receipts), and the answer carries what is still unread,
 * counted in the same transaction.
 */
public final class ReadService {

    private final Jdbi jdbi;
    private final MemberStore members;
    private final Access access;
    private final Announcer announcer;

    public ReadService(Jdbi jdbi, MemberStore members, Access access, Announcer announcer) {
        this.jdbi = jdbi;
        this.members = members;
        this.access = access;
        this.announcer = announcer;
    }

    public ReadState read(UUID caller, String id, ReadRequest request) {
        UUID conversation = Ids.inPath("Conversation", id);
        return jdbi.inTransaction(handle -> {
            Membership membership = access.member(handle, conversation, caller, id,
                    ConversationStore.Lock.STABLE_MEMBERS);
            long position = ReadPosition.next(membership.member().readSeq(), request.upToSeq(),
                    membership.conversation().lastSeq());
            if (position > membership.member().readSeq()) {
                members.raiseRead(handle, conversation, caller, position).ifPresent(raised ->
                        announcer.toMembers(handle, EventTypes.CONVERSATION_READ, conversation,
                                new MessagingEvents.Read(conversation.toString(), caller.toString(), raised)));
            }
            long now = members.find(handle, conversation, caller).orElseThrow().readSeq();
            return new ReadState(conversation.toString(), now, members.unread(handle, conversation, caller, now));
        });
    }
}
