package io.nova.messaging.core;

import io.nova.contracts.EventTypes;
import io.nova.messaging.api.CallView;
import io.nova.messaging.api.MessagingEvents;
import io.nova.messaging.db.CallRow;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.UUID;

/**
 * The call events, written through the {@link Announcer} in the transaction of the change they report, addressed
 * to the parties stored with the call (so a missed call reaches exactly the people it rang, whoever ends it). The
 * session descriptions go only to whom they are for: the offer to the callees, the answer to the caller.
 */
public final class CallNews {

    private final Announcer announcer;

    public CallNews(Announcer announcer) {
        this.announcer = announcer;
    }

    /** {@code call.started} to the caller's devices, {@code call.ringing} with the offer to the callees. */
    void started(Handle handle, CallRow call) {
        CallView view = CallViews.view(call, null);
        announcer.to(handle, EventTypes.CALL_STARTED, call.conversationId(), List.of(call.callerId()),
                new MessagingEvents.CallSignal(view, null));
        announcer.to(handle, EventTypes.CALL_RINGING, call.conversationId(), call.calleeIds(),
                new MessagingEvents.CallSignal(view, call.offerSdp()));
    }

    /** {@code call.answered}: with the answer to the caller; without it to the callees, who stop ringing. */
    void answered(Handle handle, CallRow call) {
        CallView view = CallViews.view(call, null);
        announcer.to(handle, EventTypes.CALL_ANSWERED, call.conversationId(), List.of(call.callerId()),
                new MessagingEvents.CallSignal(view, call.answerSdp()));
        announcer.to(handle, EventTypes.CALL_ANSWERED, call.conversationId(), call.calleeIds(),
                new MessagingEvents.CallSignal(view, null));
    }

    /** {@code call.ended} to every party, with the reason and the outcome. */
    void ended(Handle handle, CallRow call) {
        announcer.to(handle, EventTypes.CALL_ENDED, call.conversationId(), call.parties(),
                new MessagingEvents.CallSignal(CallViews.view(call, null), null));
    }

    void candidates(Handle handle, CallRow call, UUID from, List<UUID> to, CandidateBatch batch) {
        announcer.to(handle, EventTypes.CALL_CANDIDATES, call.conversationId(), to,
                new MessagingEvents.CallCandidates(call.id().toString(), call.conversationId().toString(),
                        from.toString(), batch.candidates()));
    }
}
