package io.nova.messaging.core.realtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InboundRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstIsAllowedThenTheSustainedRate() {
        InboundRate rate = new InboundRate(10, 5, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(rate.tryAcquire(0)).isTrue();
        }
        assertThat(rate.tryAcquire(0)).isFalse();

        assertThat(rate.tryAcquire(SECOND / 10)).as("one frame per 100 ms").isTrue();
        assertThat(rate.tryAcquire(SECOND / 10)).isFalse();
        assertThat(rate.tryAcquire(10 * SECOND)).as("refilled, up to the burst").isTrue();
    }
}
