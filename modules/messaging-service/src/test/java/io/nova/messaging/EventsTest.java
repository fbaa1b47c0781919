package io.nova.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.kernel.api.Ids;
import io.nova.testing.ApiClient;
import io.nova.testing.EventLog;
import io.nova.testing.People;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract with the realtime layer: every client-visible change is one event on nova.messaging.events, keyed
 * by its conversation, whose payload is exactly {@code {"recipients": [...], "data": {...}}} with no per-viewer
 * field — checked in the outbox for a whole conversation's life, and on the real Kafka topic.
 */
class EventsTest extends RunningMessagingStack {

    @Test
    void everyChangeIsOneEventOfTheContractsShape() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cid = people.register();
        String group = start(ann, "life", bob);
        JsonNode message = say(bob, group, "hello");
        String id = message.path("id").asText();
        http.send("PUT", "/api/v1/messages/" + id + "/reactions/%F0%9F%91%8D", ann.token(), null);
        http.send("POST", "/api/v1/conversations/" + group + "/read", ann.token(), ApiClient.body("up_to_seq", 1));
        http.send("PATCH", "/api/v1/messages/" + id, bob.token(), ApiClient.body("text", "hello!"));
        http.send("POST", "/api/v1/conversations/" + group + "/members/" + cid.id(), ann.token(), null);
        http.send("PATCH", "/api/v1/conversations/" + group, ann.token(), ApiClient.body("name", "renamed"));
        http.send("DELETE", "/api/v1/messages/" + id + "/reactions/%F0%9F%91%8D", ann.token(), null);
        http.send("DELETE", "/api/v1/messages/" + id, bob.token(), null);
        http.send("DELETE", "/api/v1/conversations/" + group + "/members/" + bob.id(), bob.token(), null);

        List<Event> events = events(group);
        assertThat(events).extracting(Event::type).containsExactly("conversation.created", "message.created",
                "reaction.added", "conversation.read", "message.updated", "member.added", "conversation.updated",
                "reaction.removed", "message.deleted", "member.removed");
        for (Event event : events) {
            assertThat(event.aggregateId()).isEqualTo(group);
            List<String> keys = new ArrayList<>();
            event.payload().fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as(event.type()).containsExactlyInAnyOrder("recipients", "data");
            assertThat(event.recipients()).as(event.type()).isNotEmpty()
                    .allSatisfy(recipient -> assertThat(Ids.parse(recipient)).isPresent());
            assertThat(event.data().isObject()).isTrue();
            assertThat(event.data().toString()).as(event.type()).doesNotContain("unread_count")
                    .doesNotContain("reacted_by_me");
        }
        assertThat(events.get(0).recipients()).containsExactlyInAnyOrder(ann.id(), bob.id());
        assertThat(events.get(0).data().path("id").asText()).isEqualTo(group);
        assertThat(events.get(4).data().path("reactions").get(0).path("count").asLong()).isEqualTo(1);
        assertThat(events.get(5).recipients()).containsExactlyInAnyOrder(ann.id(), bob.id(), cid.id());
        // Leaving: the one who left is told too.
        assertThat(events.get(9).recipients()).containsExactlyInAnyOrder(ann.id(), bob.id(), cid.id());
    }

    @Test
    void eventsReachTheRealKafkaTopicKeyedByConversation() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        say(ann, direct, "to kafka");
        List<JsonNode> published = EventLog.await(platform.kafkaBootstrapServers(), "nova.messaging.events",
                event -> "message.created".equals(event.path("type").asText())
                        && direct.equals(event.path("payload").path("data").path("conversation_id").asText()),
                1, Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        JsonNode event = published.get(0);
        assertThat(event.path("aggregate_id").asText()).isEqualTo(direct);
        assertThat(event.path("payload").path("recipients")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(ann.id(), bob.id());
        assertThat(event.path("payload").path("data").path("text").asText()).isEqualTo("to kafka");
    }
}
