package io.nova.messaging.core.realtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SendQueueTest {

    @Test
    void typingIsRefusedWhenFullAndEvictedToMakeRoomForEvents() {
        SendQueue queue = new SendQueue(3);
        queue.offerEvent("e1");
        assertThat(queue.offerEphemeral("t1")).isTrue();
        queue.offerEvent("e2");
        assertThat(queue.offerEphemeral("t2")).as("full").isFalse();
        assertThat(queue.roomForEvents()).as("t1 may be evicted").isEqualTo(1);

        queue.offerEvent("e3");

        assertThat(drain(queue)).containsExactly("e1", "e2", "e3");
    }

    @Test
    void controlFramesAreAlwaysKept() {
        SendQueue queue = new SendQueue(1);
        queue.offerEvent("e1");
        queue.offerControl("pong");

        assertThat(queue.roomForEvents()).isZero();
        assertThat(drain(queue)).containsExactly("e1", "pong");
    }

    @Test
    void aResumeDropsTheEventsNotYetSentButKeepsTheRest() {
        SendQueue queue = new SendQueue(10);
        queue.offerEvent("e1");
        queue.offerControl("pong");
        queue.offerEphemeral("t1");
        queue.offerEvent("e2");

        queue.dropEvents();

        assertThat(drain(queue)).containsExactly("pong", "t1");
        assertThat(queue.roomForEvents()).isEqualTo(10);
    }

    private static List<String> drain(SendQueue queue) {
        List<String> sent = new ArrayList<>();
        for (String next = queue.poll(); next != null; next = queue.poll()) {
            sent.add(next);
        }
        return sent;
    }
}
