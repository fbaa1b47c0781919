package io.nova.messaging.core;

import io.nova.contracts.EventTypes;
import io.nova.kernel.api.Ids;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.db.GroupCommit;
import io.nova.kernel.errors.DomainException;
import io.nova.messaging.api.MediaView;
import io.nova.messaging.api.MessageView;
import io.nova.messaging.api.SendMessageRequest;
import io.nova.messaging.db.ConversationStore;
import io.nova.messaging.db.MessageRow;
import io.nova.messaging.db.MessageStore;
import io.nova.messaging.db.ReactionRow;
import io.nova.messaging.db.ReactionStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.UUID;

/**
 * Sending, editing and deleting messages. A text message is written together with the others waiting at that
 * moment, many to a transaction ({@link TextSends}). A message with media claims its media in media-service first
 * (a message never shows media that is not the sender's and ready), then takes the conversation's next seq, writes
 * the row and its event in one transaction; if that transaction fails before its commit, the media is given back
 * ({@link MediaReleases#writeOrGiveBack}). Edits and deletes are the author's alone.
 */
public final class MessageService {

    private final Jdbi jdbi;
    private final MessageStore messages;
    private final ReactionStore reactions;
    private final Access access;
    private final Media media;
    private final MediaReleases releases;
    private final Announcer announcer;
    private final GroupCommit<TextSends.Send, MessageRow> textSends;
    private final OneMessage one;

    public MessageService(Jdbi jdbi, ConversationStore conversations, MessageStore messages, ReactionStore reactions,
                          Access access, Media media, MediaReleases releases, Announcer announcer,
                          GroupCommit<TextSends.Send, MessageRow> textSends) {
        this.jdbi = jdbi;
        this.messages = messages;
        this.reactions = reactions;
        this.access = access;
        this.media = media;
        this.releases = releases;
        this.announcer = announcer;
        this.textSends = textSends;
        this.one = new OneMessage(conversations, messages, access, announcer);
    }

    public MessageView send(NovaPrincipal sender, String conversationId, SendMessageRequest request) {
        UUID me = sender.id();
        UUID conversation = Ids.inPath("Conversation", conversationId);
        MessageDraft draft = MessageDraft.of(request);
        UUID id = UUID.randomUUID();
        if (draft.mediaIds().isEmpty()) {
            // Written together with the other text messages waiting at this moment, under the same rules.
            MessageRow row = textSends.submit(new TextSends.Send(id, conversation, conversationId, me, draft));
            return Views.message(row, List.of(), List.of(), me);
        }
        // Media is claimed only for a conversation the sender may write to: checked before the claim.
        access.requireOpen(jdbi.withHandle(handle -> access.member(handle, conversation, me, conversationId)));
        List<MediaView> claimed = media.claim(sender, draft.mediaIds(), MediaReleases.claimant(id));
        MessageRow row = releases.writeOrGiveBack(id, draft.mediaIds(),
                handle -> one.write(handle, id, conversation, conversationId, me, draft, claimed, false));
        return Views.message(row, claimed, List.of(), me);
    }

    public MessageView edit(UUID caller, String messageId, String text) {
        if (text == null) {
            throw Fields.invalid("text", "is required");
        }
        MessageDraft.checkText(text);
        UUID id = Ids.inPath("Message", messageId);
        MessageRow before = requireOwnLive(jdbi.inTransaction(handle -> visible(handle, id, caller, messageId)),
                caller, "edit");
        MessageDraft.requireContent(text, before.mediaIds().size());
        access.requireOpen(jdbi.withHandle(handle -> access.member(handle, before.conversationId(), caller,
                messageId)));
        List<MediaView> shown = Views.media(before, media.views(before.mediaIds()));
        return jdbi.inTransaction(handle -> {
            lockOwnLive(handle, before, caller, messageId, "edit");
            MessageRow edited = messages.edit(handle, id, text);
            List<ReactionRow> counts = reactions.counts(handle, List.of(id), caller);
            announcer.toMembers(handle, EventTypes.MESSAGE_UPDATED, edited.conversationId(),
                    Views.message(edited, shown, counts, null));
            return Views.message(edited, shown, counts, caller);
        });
    }

    /**
     * Deletes for everyone: a tombstone keeps the seq; text, media and reactions go, and the media is given back.
     * Deleting a deleted message changes nothing.
     */
    public void delete(UUID caller, String messageId) {
        UUID id = Ids.inPath("Message", messageId);
        MessageRow before = jdbi.inTransaction(handle -> visible(handle, id, caller, messageId));
        List<UUID> media = jdbi.inTransaction(handle -> {
            MessageRow row = lockOwn(handle, before, caller, messageId, "delete");
            if (row.deleted()) {
                return List.<UUID>of();
            }
            MessageRow tombstone = messages.tombstone(handle, id);
            reactions.clear(handle, id);
            releases.record(handle, MediaReleases.claimant(id), row.mediaIds());
            announcer.toMembers(handle, EventTypes.MESSAGE_DELETED, row.conversationId(),
                    Views.message(tombstone, List.of(), List.of(), null));
            return row.mediaIds();
        });
        releases.now(MediaReleases.claimant(id), media);
    }

    /** A message of a conversation the caller is a member of; 404 otherwise. */
    MessageRow visible(Handle handle, UUID id, UUID caller, String asked) {
        MessageRow row = messages.find(handle, id).orElseThrow(() -> DomainException.notFound("Message", asked));
        try {
            access.member(handle, row.conversationId(), caller, asked);
        } catch (DomainException notMember) {
            throw DomainException.notFound("Message", asked);
        }
        return row;
    }

    /** Locks the message in a transaction that holds the conversation steady, checks it is the caller's. */
    private MessageRow lockOwn(Handle handle, MessageRow seen, UUID caller, String asked, String action) {
        try {
            access.member(handle, seen.conversationId(), caller, asked, ConversationStore.Lock.STABLE_MEMBERS);
        } catch (DomainException notMember) {
            throw DomainException.notFound("Message", asked);
        }
        MessageRow row = messages.lock(handle, seen.id()).orElseThrow();
        if (!row.senderId().equals(caller)) {
            throw DomainException.forbidden("Only its sender can " + action + " a message");
        }
        return row;
    }

    private void lockOwnLive(Handle handle, MessageRow seen, UUID caller, String asked, String action) {
        requireOwnLive(lockOwn(handle, seen, caller, asked, action), caller, action);
    }

    private static MessageRow requireOwnLive(MessageRow row, UUID caller, String action) {
        if (!row.senderId().equals(caller)) {
            throw DomainException.forbidden("Only its sender can " + action + " a message");
        }
        if (row.deleted()) {
            throw DomainException.unprocessable("message_deleted", "Message " + row.id() + " was deleted");
        }
        return row;
    }

    /** A reply is to a live message of the same conversation: 422 otherwise. */
    static void requireReplyable(MessageStore messages, Handle handle, UUID conversation, UUID replied) {
        messages.find(handle, replied)
                .filter(row -> row.conversationId().equals(conversation) && !row.deleted())
                .orElseThrow(() -> MessageDraft.replyNotFound(replied));
    }
}
