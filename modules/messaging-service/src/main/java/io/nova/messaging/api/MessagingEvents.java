package io.nova.messaging.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The events messaging-service writes to {@code nova.messaging.events}. Every payload is an {@link Envelope}: the
 * users whose sockets must receive it, and the {@code data} the socket frame carries — the REST views, without
 * per-viewer fields. The realtime layer reads only the envelope.
 */
public final class MessagingEvents {

    private MessagingEvents() {
    }

    /** {@code recipients}: user ids; {@code data}: the frame's data. */
    public record Envelope(List<String> recipients, Object data) {
    }

    /** {@code member.added}: who joined, as a member entry, and who added them. */
    public record MemberAdded(String conversationId, MemberView member, String addedBy) {
    }

    /** {@code member.removed}: who went and who removed them (themselves, when they left). */
    public record MemberRemoved(String conversationId, String userId, String removedBy) {
    }

    /** {@code reaction.added} / {@code reaction.removed}: one member's reaction, and the emoji's count now. */
    public record Reaction(String conversationId, String messageId, long seq, String userId, String emoji,
                           long count) {
    }

    /** {@code conversation.read}: a member's new read position (a read receipt). */
    public record Read(String conversationId, String userId, long lastReadSeq) {
    }

    /**
     * {@code call.started}, {@code call.answered}, {@code call.ended}: the call; {@code call.ringing} and (to the
     * caller) {@code call.answered} also carry the offer or the answer as {@code sdp}.
     */
    public record CallSignal(CallView call, String sdp) {
    }

    /** {@code call.candidates}: a batch of one party's ICE candidates for the other; empty = no more. */
    public record CallCandidates(String callId, String conversationId, String fromUserId,
                                 List<JsonNode> candidates) {
    }
}
