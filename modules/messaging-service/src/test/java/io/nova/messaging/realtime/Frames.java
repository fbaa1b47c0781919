package io.nova.messaging.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.messaging.core.realtime.EventId;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What tests check of received frames. */
final class Frames {

    private Frames() {
    }

    static Predicate<JsonNode> events() {
        return frame -> "test.event".equals(frame.path("type").asText());
    }

    static List<Integer> numbers(List<JsonNode> frames) {
        return frames.stream().map(frame -> frame.path("data").path("n").asInt()).toList();
    }

    static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    static EventId id(JsonNode frame) {
        return EventId.parse(frame.path("id").asText()).orElseThrow();
    }

    /** Event frames have exactly type, id and data, and their ids strictly increase. */
    static void assertWellFormedAndIncreasing(List<JsonNode> frames) {
        Comparator<EventId> order = Comparator.comparingLong(EventId::millis).thenComparingLong(EventId::sequence);
        for (int i = 0; i < frames.size(); i++) {
            JsonNode frame = frames.get(i);
            assertThat(frame.properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactly("type", "id", "data");
            if (i > 0) {
                assertThat(order.compare(id(frames.get(i - 1)), id(frame))).as("ids increase").isNegative();
            }
        }
    }
}
