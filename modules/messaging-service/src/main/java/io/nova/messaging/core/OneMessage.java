package io.nova.messaging.core;

import io.nova.contracts.EventTypes;
import io.nova.messaging.api.MediaView;
import io.nova.messaging.db.ConversationStore;
import io.nova.messaging.db.MessageRow;
import io.nova.messaging.db.MessageStore;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.UUID;

/**
 * One message written in its own transaction: the next seq first — its row lock orders this send after any
 * membership change, which the checks after it then see — then the checks, the row and its event. A refusal
 * throws, and the rollback gives the seq back. For a message with media, and for a text message that is alone in
 * its batch (one statement fewer than a batch's way, which must check before it takes seqs).
 */
final class OneMessage {

    private final ConversationStore conversations;
    private final MessageStore messages;
    private final Access access;
    private final Announcer announcer;

    OneMessage(ConversationStore conversations, MessageStore messages, Access access, Announcer announcer) {
        this.conversations = conversations;
        this.messages = messages;
        this.access = access;
        this.announcer = announcer;
    }

    /**
     * Writes it in {@code handle}'s transaction. {@code checkBlocks}: false when the caller checked the blocks
     * before (a message with media, before its claim).
     */
    MessageRow write(Handle handle, UUID id, UUID conversation, String asked, UUID sender, MessageDraft draft,
                     List<MediaView> media, boolean checkBlocks) {
        long seq = conversations.nextSeq(handle, conversation).orElseThrow(() -> Access.notFound(asked));
        Access.Sending sending = access.sending(handle, conversation, sender, asked);
        if (checkBlocks) {
            // Under the seq's lock, which only other sends to this conversation wait for.
            access.requireOpen(sending.membership());
        }
        if (draft.replyTo().isPresent()) {
            MessageService.requireReplyable(messages, handle, conversation, draft.replyTo().get());
        }
        MessageRow written = messages.insert(handle, id, conversation, seq, sender, draft.text(), draft.mediaIds(),
                draft.replyTo().orElse(null));
        announcer.to(handle, EventTypes.MESSAGE_CREATED, conversation, sending.members(),
                Views.message(written, media, List.of(), null));
        return written;
    }
}
