package io.nova.messaging.core.realtime;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The fan-out's wake-up: what it carries survives the trip, and what it cannot carry becomes a plain wake-up. */
class WakeMessageTest {

    private final UUID one = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void carriedEntriesAndWakeUpsSurviveTheTrip() {
        LoggedEvent forOne = new LoggedEvent(new EventId(10, 0), "message.created", "{\"id\":\"m\"}");
        LoggedEvent forOther = new LoggedEvent(new EventId(11, 3), "message.created", "{\"id\":\"m\"}");
        ReplayLog.Appends appends = new ReplayLog.Appends(List.of(
                new ReplayLog.Appended(one, EventId.ZERO, forOne),
                new ReplayLog.Appended(other, new EventId(9, 1), forOther)), Set.of(UUID.randomUUID()));

        WakeMessage message = WakeMessage.of(appends);
        String text = message.encode("replica-a");

        assertThat(WakeMessage.decode(text)).contains(message);
        assertThat(WakeMessage.isFrom(text, "replica-a")).isTrue();
        assertThat(WakeMessage.isFrom(text, "replica-b")).isFalse();
        assertThat(WakeMessage.isFrom(text, "replica")).as("not a prefix of another id").isFalse();
        assertThat(text).as("one event's data is written once for all its recipients")
                .containsOnlyOnce("{\\\"id\\\":\\\"m\\\"}");
    }

    @Test
    void entriesBeyondTheSizeLimitAreWakeUpsInstead() {
        String big = "\"" + "x".repeat(WakeMessage.MAX_CARRIED_CHARS) + "\"";
        LoggedEvent small = new LoggedEvent(new EventId(1, 0), "t", "{}");
        ReplayLog.Appends appends = new ReplayLog.Appends(List.of(
                new ReplayLog.Appended(one, EventId.ZERO, small),
                new ReplayLog.Appended(other, EventId.ZERO, new LoggedEvent(new EventId(2, 0), "t", big))),
                Set.of());

        WakeMessage message = WakeMessage.of(appends);

        assertThat(message.carried()).extracting(ReplayLog.Appended::user).containsExactly(one);
        assertThat(message.wake()).containsExactly(other);
    }

    @Test
    void whatIsNotAWakeMessageDecodesToNothingOrLeavesItsBadPartsOut() {
        // The version before carried entries sent the user ids alone, space separated.
        assertThat(WakeMessage.decode(one + " " + other)).isEmpty();
        assertThat(WakeMessage.decode("[1,2]")).isEmpty();
        assertThat(WakeMessage.decode("{\"e\":[{\"t\":\"t\",\"d\":\"{}\",\"r\":[[\"not-a-user\",\"0-0\",\"1-0\"],"
                + "[\"" + one + "\",\"0-0\",\"bad\"]]}],\"w\":[\"nobody\",\"" + other + "\"]}"))
                .contains(new WakeMessage(List.of(), Set.of(other)));
    }
}
