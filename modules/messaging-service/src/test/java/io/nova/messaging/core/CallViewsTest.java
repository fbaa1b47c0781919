package io.nova.messaging.core;

import io.nova.messaging.api.CallView;
import io.nova.messaging.db.CallRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CallViewsTest {

    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    private static CallRow call(String state, Instant answeredAt, Instant endedAt, String reason) {
        return new CallRow(UUID.randomUUID(), UUID.randomUUID(), ANN, List.of(BOB), List.of(), "audio", state,
                CallRow.RINGING.equals(state) ? "v=0 offer" : null, null, START, START.plusSeconds(45),
                answeredAt == null ? null : BOB, answeredAt, endedAt, reason, reason == null ? null : ANN);
    }

    @Test
    void outcomeAndDurationOnceEnded() {
        CallRow talked = call(CallRow.ENDED, START.plusSeconds(3), START.plusSeconds(125).plusMillis(900),
                CallRules.HUNG_UP);
        assertThat(CallViews.outcome(talked)).isEqualTo("answered");
        assertThat(CallViews.durationSeconds(talked)).isEqualTo(122);
        for (String reason : List.of(CallRules.MISSED, CallRules.REJECTED, CallRules.CANCELLED)) {
            CallRow ended = call(CallRow.ENDED, null, START.plusSeconds(45), reason);
            assertThat(CallViews.outcome(ended)).isEqualTo(reason);
            assertThat(CallViews.durationSeconds(ended)).isNull();
        }
        CallRow live = call(CallRow.ANSWERED, START.plusSeconds(3), null, null);
        assertThat(CallViews.outcome(live)).isNull();
        assertThat(CallViews.durationSeconds(live)).isNull();
    }

    @Test
    void onlyACalleeSeesTheOfferAndOnlyWhileItRings() {
        CallRow ringing = call(CallRow.RINGING, null, null, null);
        assertThat(CallViews.view(ringing, BOB).offerSdp()).isEqualTo("v=0 offer");
        assertThat(CallViews.view(ringing, ANN).offerSdp()).isNull();
        assertThat(CallViews.view(ringing, null).offerSdp()).isNull();
        CallView view = CallViews.view(ringing, BOB);
        assertThat(view.callerId()).isEqualTo(ANN.toString());
        assertThat(view.calleeIds()).containsExactly(BOB.toString());
        assertThat(view.state()).isEqualTo("ringing");
    }
}
