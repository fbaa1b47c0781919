package io.nova.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting, reading, listing and renaming conversations, against the real user-service. */
class ConversationsApiTest extends RunningMessagingStack {

    private HttpResponse<String> create(People.Person creator, Object... fields) {
        return http.send("POST", "/api/v1/conversations", creator.token(), ApiClient.body(fields));
    }

    @Test
    void aDirectConversationIsOnePerPairWhoeverStartsIt() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        HttpResponse<String> first = create(ann, "member_ids", List.of(bob.id()));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode created = ApiClient.json(first);
        assertThat(created.path("kind").asText()).isEqualTo("direct");
        assertThat(created.path("name").isNull()).isTrue();
        assertThat(created.path("member_count").asInt()).isEqualTo(2);
        assertThat(created.path("members")).extracting(member -> member.path("user_id").asText())
                .containsExactlyInAnyOrder(ann.id(), bob.id());
        assertThat(created.path("members")).allSatisfy(member ->
                assertThat(member.path("role").asText()).isEqualTo("member"));
        assertThat(created.path("unread_count").asLong()).isZero();
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/api/v1/conversations/" + created.path("id").asText()));

        HttpResponse<String> again = create(bob, "member_ids", List.of(ann.id(), bob.id()));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(ApiClient.json(again).path("id").asText()).isEqualTo(created.path("id").asText());
        assertThat(events(created.path("id").asText(), "conversation.created")).hasSize(1);
    }

    @Test
    void aGroupHasItsCreatorAsOwnerAndAnOptionalName() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cid = people.register();
        HttpResponse<String> response = create(ann, "member_ids", List.of(bob.id(), cid.id()), "name", "  Trip ");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode group = ApiClient.json(response);
        assertThat(group.path("kind").asText()).isEqualTo("group");
        assertThat(group.path("name").asText()).isEqualTo("Trip");
        assertThat(group.path("members")).extracting(member -> member.path("user_id").asText() + ":"
                + member.path("role").asText()).containsExactly(ann.id() + ":owner", bob.id() + ":member",
                cid.id() + ":member");

        // One other member with a name is a group too, and a second one is a second conversation.
        JsonNode pair = ApiClient.json(create(ann, "member_ids", List.of(bob.id()), "name", "Us"));
        assertThat(pair.path("kind").asText()).isEqualTo("group");
        assertThat(ApiClient.json(create(ann, "member_ids", List.of(bob.id()), "name", "Us")).path("id").asText())
                .isNotEqualTo(pair.path("id").asText());

        JsonNode seen = get(cid, "/api/v1/conversations/" + group.path("id").asText());
        assertThat(seen.path("name").asText()).isEqualTo("Trip");
    }

    @Test
    void badRequestsAreRefusedNamingTheProblem() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        assertError(create(ann, "member_ids", List.of()), 400, "validation_failed");
        assertError(create(ann, "member_ids", List.of(ann.id())), 400, "validation_failed");
        HttpResponse<String> malformed = create(ann, "member_ids", List.of(bob.id(), "not-an-id"));
        assertError(malformed, 400, "invalid_id");
        assertThat(ApiClient.json(malformed).path("details").path("field").asText()).isEqualTo("member_ids[1]");
        assertError(create(ann, "member_ids", List.of(bob.id(), bob.id())), 400, "validation_failed");
        assertError(create(ann, "member_ids", List.of(bob.id()), "name", " "), 400, "validation_failed");
        assertError(create(ann, "member_ids", List.of(bob.id()), "name", "n".repeat(101)), 400,
                "validation_failed");
        assertError(create(ann, "member_ids", List.of(bob.id()), "topic", "x"), 400, "unknown_field");
        assertError(http.send("POST", "/api/v1/conversations", ann.token(), "null"), 400, "malformed_json");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        assertError(create(ann, "member_ids", tooMany), 400, "validation_failed");
        assertThat(http.send("POST", "/api/v1/conversations", null, ApiClient.body("member_ids",
                List.of(bob.id()))).statusCode()).isEqualTo(401);
    }

    @Test
    void usersThatDoNotExistAreNamed() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String ghost = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        HttpResponse<String> response = create(ann, "member_ids", List.of(bob.id(), ghost, other));
        assertError(response, 422, "user_not_found");
        assertThat(ApiClient.json(response).path("details").path("user_ids"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder(ghost, other);
        assertThat(ApiClient.json(response).path("message").asText()).contains(ghost).contains(other);
    }

    @Test
    void blocksEitherWayForbidStartingAConversation() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cid = people.register();
        people.block(bob, ann);
        assertError(create(ann, "member_ids", List.of(bob.id())), 403, "forbidden");
        assertError(create(bob, "member_ids", List.of(ann.id())), 403, "forbidden");
        HttpResponse<String> group = create(ann, "member_ids", List.of(cid.id(), bob.id()), "name", "g");
        assertError(group, 403, "forbidden");
        assertThat(ApiClient.json(group).path("details").path("user_ids")).extracting(JsonNode::asText)
                .containsExactly(bob.id());
        people.unblock(bob, ann);
        assertThat(create(ann, "member_ids", List.of(bob.id())).statusCode()).isEqualTo(201);
    }

    @Test
    void nonMembersGet404ForEverything() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person eve = people.register();
        String id = start(ann, null, bob);
        String path = "/api/v1/conversations/" + id;
        assertError(http.get(path, eve.token()), 404, "not_found");
        assertError(http.send("PATCH", path, eve.token(), ApiClient.body("name", "mine")), 404, "not_found");
        assertError(http.get(path + "/messages", eve.token()), 404, "not_found");
        assertError(send(eve, id, "text", "hi"), 404, "not_found");
        assertError(http.send("POST", path + "/read", eve.token(), ApiClient.body("up_to_seq", 0)), 404,
                "not_found");
        assertError(http.send("POST", path + "/members/" + eve.id(), eve.token(), null), 404, "not_found");
        assertError(http.send("DELETE", path + "/members/" + ann.id(), eve.token(), null), 404, "not_found");
        assertError(http.get("/api/v1/conversations/" + UUID.randomUUID(), ann.token()), 404, "not_found");
        assertError(http.get("/api/v1/conversations/nonsense", ann.token()), 404, "not_found");
        assertThat(get(eve, "/api/v1/conversations").path("items")).isEmpty();
    }

    @Test
    void theListIsMineMostRecentlyActiveFirstWithPreviewsUnreadCountsAndCursors() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cid = people.register();
        String withBob = start(ann, null, bob);
        String withCid = start(ann, null, cid);
        String group = start(cid, "three", ann, bob);
        say(bob, withBob, "first");
        say(bob, withBob, "x".repeat(200));
        say(ann, withCid, "mine");
        say(cid, group, "hello group");

        JsonNode page = get(ann, "/api/v1/conversations?limit=2");
        assertThat(page.path("items")).extracting(item -> item.path("id").asText()).containsExactly(group, withCid);
        assertThat(page.path("items").get(0).path("unread_count").asLong()).isEqualTo(1);
        assertThat(page.path("items").get(1).path("unread_count").asLong()).isZero();
        assertThat(page.path("items").get(1).path("last_message").path("text").asText()).isEqualTo("mine");
        String cursor = page.path("next_cursor").asText();
        JsonNode rest = get(ann, "/api/v1/conversations?limit=2&cursor=" + cursor);
        assertThat(rest.path("items")).extracting(item -> item.path("id").asText()).containsExactly(withBob);
        assertThat(rest.path("next_cursor").isNull()).isTrue();
        JsonNode last = rest.path("items").get(0);
        assertThat(last.path("unread_count").asLong()).isEqualTo(2);
        assertThat(last.path("last_seq").asLong()).isEqualTo(2);
        assertThat(last.path("last_message").path("seq").asLong()).isEqualTo(2);
        assertThat(last.path("last_message").path("sender_id").asText()).isEqualTo(bob.id());
        assertThat(last.path("last_message").path("text").asText()).hasSize(141).endsWith("…");

        // A new message moves its conversation to the top.
        say(bob, withBob, "again");
        assertThat(get(ann, "/api/v1/conversations").path("items").get(0).path("id").asText()).isEqualTo(withBob);
        assertError(http.get("/api/v1/conversations?cursor=garbage", ann.token()), 400, "invalid_cursor");
    }

    @Test
    void ownersAndAdminsRenameGroupsOnly() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String group = start(ann, "old", bob);
        String path = "/api/v1/conversations/" + group;
        HttpResponse<String> renamed = http.send("PATCH", path, ann.token(), ApiClient.body("name", "new"));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(ApiClient.json(renamed).path("name").asText()).isEqualTo("new");
        assertError(http.send("PATCH", path, bob.token(), ApiClient.body("name", "bob's")), 403, "forbidden");
        assertError(http.send("PATCH", path, ann.token(), ApiClient.body("kind", "direct")), 400, "unknown_field");
        assertError(http.send("PATCH", path, ann.token(), ApiClient.body("name", 5)), 400, "validation_failed");
        assertError(http.send("PATCH", path, ann.token(), "{}"), 400, "validation_failed");
        HttpResponse<String> cleared = http.send("PATCH", path, ann.token(), "{\"name\":null}");
        assertThat(ApiClient.json(cleared).path("name").isNull()).isTrue();

        String direct = start(ann, null, bob);
        assertError(http.send("PATCH", "/api/v1/conversations/" + direct, ann.token(), ApiClient.body("name", "x")),
                422, "not_a_group");
        List<Event> updates = events(group, "conversation.updated");
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).data().path("name").asText()).isEqualTo("new");
        assertThat(updates.get(0).data().has("unread_count")).isFalse();
        assertThat(updates.get(0).recipients()).containsExactlyInAnyOrder(ann.id(), bob.id());
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cid = people.register();
        String body = ApiClient.body("member_ids", List.of(bob.id(), cid.id()), "name", "once");
        HttpResponse<String> first = http.send("POST", "/api/v1/conversations", ann.token(), body,
                "Idempotency-Key", "group-1");
        HttpResponse<String> retry = http.send("POST", "/api/v1/conversations", ann.token(), body,
                "Idempotency-Key", "group-1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(ApiClient.json(retry).path("id").asText()).isEqualTo(ApiClient.json(first).path("id").asText());
        assertThat(get(ann, "/api/v1/conversations").path("items")).hasSize(1);
    }
}
