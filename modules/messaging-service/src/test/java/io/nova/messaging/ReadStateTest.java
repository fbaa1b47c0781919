package io.nova.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Read positions: forward only, within the conversation, visible to every member, and unread counts. */
class ReadStateTest extends RunningMessagingStack {

    private HttpResponse<String> read(People.Person who, String conversation, Object upTo) {
        return http.send("POST", "/api/v1/conversations/" + conversation + "/read", who.token(),
                ApiClient.body("up_to_seq", upTo));
    }

    @Test
    void unreadCountsOthersLiveMessagesAfterMyPosition() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cid = people.register();
        String group = start(ann, "g", bob, cid);
        say(bob, group, "1");
        say(ann, group, "2 (mine: never unread)");
        JsonNode third = say(cid, group, "3");
        say(bob, group, "4");
        assertThat(get(ann, "/api/v1/conversations/" + group).path("unread_count").asLong()).isEqualTo(3);
        // A tombstone has nothing to read: it is not counted.
        http.send("DELETE", "/api/v1/messages/" + third.path("id").asText(), cid.token(), null);
        assertThat(get(ann, "/api/v1/conversations/" + group).path("unread_count").asLong()).isEqualTo(2);

        HttpResponse<String> response = read(ann, group, 3);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode state = ApiClient.json(response);
        assertThat(state.path("conversation_id").asText()).isEqualTo(group);
        assertThat(state.path("last_read_seq").asLong()).isEqualTo(3);
        assertThat(state.path("unread_count").asLong()).isEqualTo(1);
        assertThat(get(ann, "/api/v1/conversations").path("items").get(0).path("unread_count").asLong())
                .isEqualTo(1);
    }

    @Test
    void thePositionNeverMovesBackwardsNorPastTheNewestMessage() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        for (int i = 0; i < 5; i++) {
            say(bob, direct, "m" + i);
        }
        assertThat(ApiClient.json(read(ann, direct, 4)).path("last_read_seq").asLong()).isEqualTo(4);
        JsonNode back = ApiClient.json(read(ann, direct, 2));
        assertThat(back.path("last_read_seq").asLong()).isEqualTo(4);
        assertThat(back.path("unread_count").asLong()).isEqualTo(1);
        HttpResponse<String> past = read(ann, direct, 6);
        assertError(past, 422, "seq_out_of_range");
        assertThat(ApiClient.json(past).path("details").path("last_seq").asLong()).isEqualTo(5);
        assertError(read(ann, direct, -1), 400, "validation_failed");
        assertError(read(ann, direct, "three"), 400, "invalid_field");
        assertError(http.send("POST", "/api/v1/conversations/" + direct + "/read", ann.token(), "{}"), 400,
                "validation_failed");
        assertThat(ApiClient.json(read(ann, direct, 5)).path("unread_count").asLong()).isZero();

        // Receipts: each member's position is part of the conversation every member sees, and an event.
        JsonNode seenByBob = get(bob, "/api/v1/conversations/" + direct);
        assertThat(seenByBob.path("members")).anySatisfy(member -> {
            assertThat(member.path("user_id").asText()).isEqualTo(ann.id());
            assertThat(member.path("last_read_seq").asLong()).isEqualTo(5);
        });
        assertThat(events(direct, "conversation.read")).extracting(event -> event.data().path("last_read_seq")
                .asLong()).containsExactly(4L, 5L);
        Event receipt = events(direct, "conversation.read").get(1);
        assertThat(receipt.recipients()).containsExactlyInAnyOrder(ann.id(), bob.id());
        assertThat(receipt.data().path("user_id").asText()).isEqualTo(ann.id());
        assertThat(receipt.data().path("conversation_id").asText()).isEqualTo(direct);
    }
}
