package io.nova.messaging.core.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.kernel.events.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which events the fan-out delivers: exactly those in the contract's shape, whatever their type. */
class AddressedEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theContractsShapeIsDeliveredWithItsDataAsItIs() throws Exception {
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        var addressed = FanOut.Addressed.of(event("{\"recipients\":[\"" + one + "\",\"" + other + "\",\"" + one
                + "\"],\"data\":{\"id\":\"m1\",\"seq\":3}}")).orElseThrow();

        assertThat(addressed.recipients()).containsExactly(one, other);
        assertThat(addressed.data().toString()).isEqualTo("{\"id\":\"m1\",\"seq\":3}");
    }

    @Test
    void recipientsThatAreNotUserIdsAreSkipped() throws Exception {
        UUID one = UUID.randomUUID();

        var addressed = FanOut.Addressed.of(event("{\"recipients\":[\"" + one + "\",\"nobody\",7,null],"
                + "\"data\":{}}")).orElseThrow();

        assertThat(addressed.recipients()).containsExactly(one);
    }

    @Test
    void otherShapesAreNotForSockets() throws Exception {
        for (String payload : new String[] {"{}", "{\"recipients\":[]}", "{\"data\":{}}",
                "{\"recipients\":\"x\",\"data\":{}}", "{\"recipients\":[],\"data\":[1]}", "[1]", "\"text\""}) {
            assertThat(FanOut.Addressed.of(event(payload))).as(payload).isEmpty();
        }
    }

    private static EventEnvelope event(String payload) throws Exception {
        return new EventEnvelope(UUID.randomUUID(), "message.created", Instant.now(), "c1", JSON.readTree(payload));
    }
}
