package io.nova.messaging.api;

import java.time.Instant;
import java.util.List;

/**
 * A call: who called whom in which conversation, its state (ringing, answered, ended), and once ended its
 * {@code outcome} (missed, rejected, cancelled, answered), {@code end_reason} (missed, rejected, cancelled,
 * hung_up), who ended it and, for an answered call, {@code duration_seconds}. {@code offer_sdp} is the caller's
 * offer, shown only to a callee and only while the call rings.
 */
public record CallView(String id, String conversationId, String kind, String state, String callerId,
                       List<String> calleeIds, String answeredBy, Instant startedAt, Instant ringDeadline,
                       Instant answeredAt, Instant endedAt, String endReason, String endedBy, String outcome,
                       Long durationSeconds, String offerSdp) {
}
