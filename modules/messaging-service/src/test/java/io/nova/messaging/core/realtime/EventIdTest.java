package io.nova.messaging.core.realtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdTest {

    @Test
    void parsesStreamIdsAndRefusesAnythingElse() {
        assertThat(EventId.parse("1733389000000-7")).contains(new EventId(1733389000000L, 7));
        assertThat(EventId.parse("0-0")).contains(EventId.ZERO);
        assertThat(EventId.parse("1733389000000-7").orElseThrow().toString()).isEqualTo("1733389000000-7");
        for (String bad : new String[] {null, "", "0", "-1-0", "1-", "abc-1", "1-1-1", "1234567890123456-0",
                "1-12345678901", " 1-1"}) {
            assertThat(EventId.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void ordersByMillisecondsThenSequence() {
        assertThat(new EventId(2, 0).isAfter(new EventId(1, 9))).isTrue();
        assertThat(new EventId(1, 10).isAfter(new EventId(1, 9))).isTrue();
        assertThat(new EventId(1, 9).isAfter(new EventId(1, 9))).isFalse();
        assertThat(new EventId(1, 9).isAfter(new EventId(2, 0))).isFalse();
        assertThat(new EventId(1, 0).isAfter(EventId.ZERO)).isTrue();
    }
}
