package io.nova.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sending, paging, editing and deleting messages. */
class MessagesApiTest extends RunningMessagingStack {

    @Test
    void messagesGetConsecutiveSeqsAndTheirEventsGoToEveryMember() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        HttpResponse<String> response = send(ann, direct, "text", "hi 👋");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode first = ApiClient.json(response);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/api/v1/messages/" + first.path("id").asText()));
        assertThat(first.path("seq").asLong()).isEqualTo(1);
        assertThat(first.path("conversation_id").asText()).isEqualTo(direct);
        assertThat(first.path("sender_id").asText()).isEqualTo(ann.id());
        assertThat(first.path("text").asText()).isEqualTo("hi 👋");
        assertThat(first.path("media")).isEmpty();
        assertThat(first.path("reactions")).isEmpty();
        assertThat(first.path("edited_at").isNull()).isTrue();
        assertThat(first.path("deleted").asBoolean()).isFalse();
        JsonNode second = say(bob, direct, "hello");
        assertThat(second.path("seq").asLong()).isEqualTo(2);

        List<Event> created = events(direct, "message.created");
        assertThat(created).hasSize(2);
        assertThat(created.get(0).aggregateId()).isEqualTo(direct);
        assertThat(created.get(0).recipients()).containsExactlyInAnyOrder(ann.id(), bob.id());
        assertThat(created.get(0).data()).isEqualTo(first);
    }

    @Test
    void repliesAndBadMessagesAreChecked() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cid = people.register();
        String direct = start(ann, null, bob);
        String other = start(ann, null, cid);
        JsonNode original = say(bob, direct, "question");
        JsonNode elsewhere = say(cid, other, "not here");

        HttpResponse<String> reply = send(ann, direct, "text", "answer", "reply_to", original.path("id").asText());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(ApiClient.json(reply).path("reply_to").asText()).isEqualTo(original.path("id").asText());
        assertError(send(ann, direct, "text", "x", "reply_to", elsewhere.path("id").asText()), 422,
                "reply_to_not_found");
        assertError(send(ann, direct, "text", "x", "reply_to", UUID.randomUUID().toString()), 422,
                "reply_to_not_found");
        assertError(send(ann, direct, "text", "x", "reply_to", "nope"), 422, "reply_to_not_found");

        assertThat(send(ann, direct, "text", "😀".repeat(4000)).statusCode()).isEqualTo(201);
        HttpResponse<String> long_ = send(ann, direct, "text", "x".repeat(4001));
        assertError(long_, 400, "validation_failed");
        assertThat(ApiClient.json(long_).path("details").path("fields").has("text")).isTrue();
        assertError(send(ann, direct, "text", "   "), 400, "empty_message");
        assertError(send(ann, direct), 400, "empty_message");
        assertError(send(ann, direct, "text", "bell\u0007"), 400, "invalid_field");
        assertError(send(ann, direct, "text", "x", "sticker", "y"), 400, "unknown_field");
        assertError(http.send("POST", "/api/v1/conversations/" + direct + "/messages", ann.token(), "[1]"), 400,
                "invalid_field");
        // A refused send takes no seq: the next one follows on.
        assertThat(say(ann, direct, "next").path("seq").asLong()).isEqualTo(4);
    }

    @Test
    void pagesGoBackAndForthBySeq() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        for (int i = 1; i <= 7; i++) {
            say(i % 2 == 0 ? bob : ann, direct, "m" + i);
        }
        String path = "/api/v1/conversations/" + direct + "/messages";
        JsonNode newest = get(ann, path + "?limit=3");
        assertThat(seqs(newest)).containsExactly(7L, 6L, 5L);
        JsonNode older = get(ann, path + "?limit=3&cursor=" + newest.path("next_cursor").asText());
        assertThat(seqs(older)).containsExactly(4L, 3L, 2L);
        JsonNode oldest = get(ann, path + "?limit=3&cursor=" + older.path("next_cursor").asText());
        assertThat(seqs(oldest)).containsExactly(1L);
        assertThat(oldest.path("next_cursor").isNull()).isTrue();

        JsonNode forward = get(ann, path + "?after_seq=2&limit=2");
        assertThat(seqs(forward)).containsExactly(3L, 4L);
        assertThat(seqs(get(ann, path + "?limit=2&cursor=" + forward.path("next_cursor").asText())))
                .containsExactly(5L, 6L);
        assertThat(seqs(get(ann, path + "?before_seq=3"))).containsExactly(2L, 1L);
        assertThat(seqs(get(ann, path + "?after_seq=7")).isEmpty()).isTrue();
        HttpResponse<String> linked = http.get(path + "?limit=3", ann.token());
        assertThat(linked.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link).contains("rel=\"next\""));

        assertError(http.get(path + "?before_seq=3&after_seq=1", ann.token()), 400, "invalid_parameter");
        assertError(http.get(path + "?before_seq=-1", ann.token()), 400, "invalid_parameter");
        HttpResponse<String> word = http.get(path + "?after_seq=ten", ann.token());
        assertError(word, 400, "invalid_parameter");
        assertThat(ApiClient.json(word).path("details").path("parameter").asText()).isEqualTo("after_seq");
        assertError(http.get(path + "?after_seq=1&cursor=" + forward.path("next_cursor").asText(), ann.token()),
                400, "invalid_parameter");
        assertError(http.get(path + "?cursor=bogus", ann.token()), 400, "invalid_cursor");
        assertThat(seqs(get(ann, path + "?limit=1000"))).hasSize(7);
    }

    @Test
    void onlyTheSenderEditsAndDeletesAndATombstoneKeepsItsSeq() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person eve = people.register();
        String direct = start(ann, null, bob);
        JsonNode message = say(ann, direct, "typo");
        say(bob, direct, "reply");
        String path = "/api/v1/messages/" + message.path("id").asText();

        HttpResponse<String> edited = http.send("PATCH", path, ann.token(), ApiClient.body("text", "fixed"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(ApiClient.json(edited).path("text").asText()).isEqualTo("fixed");
        assertThat(ApiClient.json(edited).path("edited_at").asText()).isNotEmpty();
        assertThat(ApiClient.json(edited).path("seq").asLong()).isEqualTo(1);
        assertError(http.send("PATCH", path, bob.token(), ApiClient.body("text", "mine now")), 403, "forbidden");
        assertError(http.send("PATCH", path, eve.token(), ApiClient.body("text", "hi")), 404, "not_found");
        assertError(http.send("PATCH", path, ann.token(), ApiClient.body("text", "x".repeat(4001))), 400,
                "validation_failed");
        assertError(http.send("PATCH", path, ann.token(), ApiClient.body("text", " ")), 400, "empty_message");
        assertError(http.send("PATCH", path, ann.token(), "{}"), 400, "validation_failed");
        assertError(http.send("PATCH", "/api/v1/messages/" + UUID.randomUUID(), ann.token(),
                ApiClient.body("text", "x")), 404, "not_found");

        assertError(http.send("DELETE", path, bob.token(), null), 403, "forbidden");
        assertError(http.send("DELETE", path, eve.token(), null), 404, "not_found");
        assertThat(http.send("DELETE", path, ann.token(), null).statusCode()).isEqualTo(204);
        assertThat(http.send("DELETE", path, ann.token(), null).statusCode()).isEqualTo(204);
        assertError(http.send("PATCH", path, ann.token(), ApiClient.body("text", "back")), 422, "message_deleted");

        JsonNode tombstone = get(bob, "/api/v1/conversations/" + direct + "/messages").path("items").get(1);
        assertThat(tombstone.path("seq").asLong()).isEqualTo(1);
        assertThat(tombstone.path("deleted").asBoolean()).isTrue();
        assertThat(tombstone.path("text").isNull()).isTrue();
        assertThat(tombstone.path("media")).isEmpty();
        assertThat(tombstone.path("sender_id").asText()).isEqualTo(ann.id());

        assertThat(events(direct, "message.updated")).singleElement()
                .satisfies(event -> assertThat(event.data().path("text").asText()).isEqualTo("fixed"));
        assertThat(events(direct, "message.deleted")).singleElement().satisfies(event -> {
            assertThat(event.data().path("deleted").asBoolean()).isTrue();
            assertThat(event.data().path("text").isNull()).isTrue();
            assertThat(event.recipients()).containsExactlyInAnyOrder(ann.id(), bob.id());
        });
    }

    @Test
    void aBlockEitherWayStopsNewMessagesInADirectConversation() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        JsonNode sent = say(ann, direct, "before");
        people.block(bob, ann);
        assertError(send(ann, direct, "text", "after"), 403, "forbidden");
        assertError(send(bob, direct, "text", "after"), 403, "forbidden");
        assertError(http.send("PATCH", "/api/v1/messages/" + sent.path("id").asText(), ann.token(),
                ApiClient.body("text", "edit")), 403, "forbidden");
        // Reading stays possible.
        assertThat(get(bob, "/api/v1/conversations/" + direct + "/messages").path("items")).hasSize(1);
        people.unblock(bob, ann);
        assertThat(say(ann, direct, "again").path("seq").asLong()).isEqualTo(2);
    }

    @Test
    void anIdempotencyKeyMakesARetrySendNothingNew() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        String body = ApiClient.body("text", "only once");
        String path = "/api/v1/conversations/" + direct + "/messages";
        HttpResponse<String> first = http.send("POST", path, ann.token(), body, "Idempotency-Key", "m-1");
        HttpResponse<String> retry = http.send("POST", path, ann.token(), body, "Idempotency-Key", "m-1");
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(ApiClient.json(retry).path("id").asText()).isEqualTo(ApiClient.json(first).path("id").asText());
        assertError(http.send("POST", path, ann.token(), ApiClient.body("text", "other"), "Idempotency-Key", "m-1"),
                422, "idempotency_key_reused");
        assertThat(say(ann, direct, "next").path("seq").asLong()).isEqualTo(2);
    }

    private static List<Long> seqs(JsonNode page) {
        List<Long> seqs = new java.util.ArrayList<>();
        page.path("items").forEach(item -> seqs.add(item.path("seq").asLong()));
        return seqs;
    }
}
