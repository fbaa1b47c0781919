package io.nova.messaging.core;

import io.nova.messaging.api.CallView;
import io.nova.messaging.db.CallRow;

import java.time.Duration;
import java.util.UUID;

/**
 * Calls as clients see them, with the outcome and duration worked out. Pure. A view for an event ({@code viewer}
 * null) carries no session description; a callee's view of a ringing call carries the offer.
 */
public final class CallViews {

    private CallViews() {
    }

    public static CallView view(CallRow row, UUID viewer) {
        boolean offerShown = viewer != null && CallRow.RINGING.equals(row.state()) && row.calleeIds().contains(viewer);
        return new CallView(row.id().toString(), row.conversationId().toString(), row.kind(), row.state(),
                row.callerId().toString(), row.calleeIds().stream().map(UUID::toString).toList(),
                text(row.answeredBy()), row.startedAt(), row.ringDeadline(), row.answeredAt(), row.endedAt(),
                row.endReason(), text(row.endedBy()), outcome(row), durationSeconds(row),
                offerShown ? row.offerSdp() : null);
    }

    /** How the call went, once it ended: missed, rejected, cancelled or answered (then hung up); null before. */
    public static String outcome(CallRow row) {
        if (row.endReason() == null) {
            return null;
        }
        return CallRules.HUNG_UP.equals(row.endReason()) ? "answered" : row.endReason();
    }

    /** Whole seconds from the answer to the end; null for a call that was never answered or is still on. */
    public static Long durationSeconds(CallRow row) {
        if (row.answeredAt() == null || row.endedAt() == null) {
            return null;
        }
        return Duration.between(row.answeredAt(), row.endedAt()).toSeconds();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
