package io.nova.messaging.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A call as stored. {@code state} is ringing, answered or ended; {@code endReason} (missed, rejected, cancelled,
 * hung_up) is set once it ended, when the session descriptions are gone.
 */
public record CallRow(UUID id, UUID conversationId, UUID callerId, List<UUID> calleeIds, List<UUID> declinedBy,
                      String kind, String state, String offerSdp, String answerSdp, Instant startedAt,
                      Instant ringDeadline, UUID answeredBy, Instant answeredAt, Instant endedAt, String endReason,
                      UUID endedBy) {

    public static final String RINGING = "ringing";
    public static final String ANSWERED = "answered";
    public static final String ENDED = "ended";

    public CallRow {
        calleeIds = List.copyOf(calleeIds);
        declinedBy = List.copyOf(declinedBy);
    }

    /** The caller and every callee. */
    public List<UUID> parties() {
        List<UUID> parties = new java.util.ArrayList<>(calleeIds.size() + 1);
        parties.add(callerId);
        parties.addAll(calleeIds);
        return parties;
    }
}
