package io.nova.messaging.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.contracts.Topics;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every notification source end to end — the producers' real APIs, their outboxes, Kafka, messaging-service's
 * consumer — and what the owner reads: grouping, undo, blocks, own actions, the read marker, privacy, paging.
 */
class NotificationsApiTest extends NotificationsStack {

    @Test
    void followsOfOneWindowAreOneEntryAndAnUnfollowTakesItsPartBack() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cat = people.register();

        people.follow(bob, ann);
        people.follow(cat, ann);
        List<JsonNode> items = awaitNotifications(ann, now -> follows(now) == 2);

        assertThat(of(items, "follow", null, null)).hasSize(1);
        JsonNode follow = of(items, "follow", null, null).get(0);
        assertThat(ids(follow.path("actor_ids"))).containsExactly(cat.id(), bob.id());
        assertThat(follow.path("unread").asBoolean()).isTrue();

        HttpResponse<String> unfollow = new ApiClient(peers.users).send("DELETE",
                "/api/v1/relationships/following/" + ann.id(), bob.token(), null);
        assertThat(unfollow.statusCode()).as(unfollow.body()).isEqualTo(200);
        items = awaitNotifications(ann, now -> follows(now) == 1);
        assertThat(ids(of(items, "follow", null, null).get(0).path("actor_ids"))).containsExactly(cat.id());
    }

    /**
     * A request to follow a private account is one entry per requester; an answer takes it away — an approval
     * leaves a follow for the owner and "accepted" for the requester, a decline nothing.
     */
    @Test
    void aFollowRequestIsAnEntryUntilItIsAnsweredAndAnApprovalIsAcceptedForTheRequester() throws Exception {
        People.Person shy = people.register();
        People.Person fan = people.register();
        People.Person pest = people.register();
        people.makePrivate(shy);
        people.follow(fan, shy);
        people.follow(pest, shy);
        List<JsonNode> items = awaitNotifications(shy, now -> of(now, "follow_request", null, null).size() == 2);
        assertThat(of(items, "follow_request", null, null)).extracting(item -> ids(item.path("actor_ids")))
                .containsExactlyInAnyOrder(List.of(fan.id()), List.of(pest.id()));

        people.approve(shy, fan);
        HttpResponse<String> declined = new ApiClient(peers.users).send("POST",
                "/api/v1/relationships/follow-requests/" + pest.id() + "/decline", shy.token(), null);
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);

        items = awaitNotifications(shy, now -> of(now, "follow_request", null, null).isEmpty() && follows(now) == 1);
        assertThat(ids(of(items, "follow", null, null).get(0).path("actor_ids"))).containsExactly(fan.id());
        List<JsonNode> fans = awaitNotifications(fan, now -> !of(now, "follow_accepted", null, null).isEmpty());
        assertThat(ids(of(fans, "follow_accepted", null, null).get(0).path("actor_ids"))).containsExactly(shy.id());
        assertThat(notifications(pest)).as("a declined requester is not told").isEmpty();
    }

    @Test
    void fiftyConcurrentLikesOfAPostAreOneEntryOfFiftyAndAnUnlikeMakesItFortyNine() throws Exception {
        People.Person ann = people.register();
        String post = post(ann, "like me");
        List<People.Person> likers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            likers.add(people.register());
        }

        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<?>> done = new ArrayList<>();
            likers.forEach(liker -> done.add(pool.submit(() -> like(liker, post))));
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<JsonNode> items = awaitNotifications(ann, now -> likeCount(now, post) == 50);
        assertThat(of(items, "like", "post_id", post)).hasSize(1);
        JsonNode group = of(items, "like", "post_id", post).get(0);
        assertThat(group.path("actor_ids")).hasSize(8);
        assertThat(likers.stream().map(People.Person::id).toList()).containsAll(ids(group.path("actor_ids")));

        unlike(likers.get(0), post);
        awaitNotifications(ann, now -> likeCount(now, post) == 49);
    }

    @Test
    void anUnlikeRemovesItsLikeAndAGroupAtZeroDisappears() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String post = post(ann, "one like");

        like(bob, post);
        awaitNotifications(ann, now -> likeCount(now, post) == 1);
        unlike(bob, post);
        List<JsonNode> items = awaitNotifications(ann, now -> of(now, "like", "post_id", post).isEmpty());

        assertThat(of(items, "like", "post_id", post)).isEmpty();
    }

    @Test
    void commentsAreOneEachAndADeletedCommentTakesItsEntryAway() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String post = post(ann, "talk to me");

        String first = comment(bob, post, "first");
        String second = comment(bob, post, "second");
        List<JsonNode> items = awaitNotifications(ann, now -> of(now, "comment", "post_id", post).size() == 2);
        JsonNode entry = of(items, "comment", "comment_id", first).get(0);
        assertThat(entry.path("count").asInt()).isEqualTo(1);
        assertThat(ids(entry.path("actor_ids"))).containsExactly(bob.id());

        HttpResponse<String> deleted = contentHttp.send("DELETE", "/api/v1/posts/" + post + "/comments/" + first,
                bob.token(), null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        items = awaitNotifications(ann, now -> of(now, "comment", "comment_id", first).isEmpty());
        assertThat(of(items, "comment", "comment_id", second)).hasSize(1);
    }

    @Test
    void aMentionNotifiesTheMentioned() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();

        String post = post(bob, "hello @" + ann.username());

        List<JsonNode> items = awaitNotifications(ann, now -> !of(now, "mention", "post_id", post).isEmpty());
        assertThat(ids(of(items, "mention", "post_id", post).get(0).path("actor_ids"))).containsExactly(bob.id());
    }

    @Test
    void nobodyIsNotifiedOfTheirOwnDoing() throws Exception {
        People.Person ann = people.register();
        String post = post(ann, "mine");

        like(ann, post);
        comment(ann, post, "talking to myself");
        settleContent(ann, post);

        List<JsonNode> items = notifications(ann);
        assertThat(of(items, "like", "post_id", post)).isEmpty();
        assertThat(of(items, "comment", "post_id", post)).hasSize(1);  // the marker's, by someone else
    }

    @Test
    void aMessageToAnOfflineMemberIsANotificationButNotForItsSender() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String conversation = conversation(bob, null, ann);

        String message = say(bob, conversation, "are you there?");

        List<JsonNode> items = awaitNotifications(ann, now -> !of(now, "message", "message_id", message).isEmpty());
        JsonNode entry = of(items, "message", "message_id", message).get(0);
        assertThat(entry.path("target").path("conversation_id").asText()).isEqualTo(conversation);
        assertThat(ids(entry.path("actor_ids"))).containsExactly(bob.id());
        assertThat(of(notifications(bob), "message", null, null)).isEmpty();
    }

    @Test
    void noMessageNotificationFromSomeoneYouBlockedOrWhoBlockedYou() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cat = people.register();
        People.Person dan = people.register();
        String group = conversation(ann, "group", bob, cat, dan);
        people.block(ann, bob);
        people.block(dan, bob);

        String message = say(bob, group, "can anyone hear me?");

        // cat's notification comes from the same event, in the same transaction as ann's and dan's decisions.
        awaitNotifications(cat, now -> !of(now, "message", "message_id", message).isEmpty());
        assertThat(of(notifications(ann), "message", "message_id", message)).isEmpty();
        assertThat(of(notifications(dan), "message", "message_id", message)).isEmpty();
    }

    @Test
    void aBlockTakesAwayWhatTheBlockedContributed() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cat = people.register();
        String post = post(ann, "liked twice");
        like(bob, post);
        like(cat, post);
        awaitNotifications(ann, now -> likeCount(now, post) == 2);

        people.block(ann, bob);

        List<JsonNode> items = awaitNotifications(ann, now -> likeCount(now, post) == 1);
        assertThat(ids(of(items, "like", "post_id", post).get(0).path("actor_ids"))).containsExactly(cat.id());
    }

    @Test
    void aMissedCallNotifiesTheCalleesNotTheCaller() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String call = UUID.randomUUID().toString();
        String conversation = UUID.randomUUID().toString();

        callEnded(call, conversation, bob, "answered", ann);
        String missed = UUID.randomUUID().toString();
        callEnded(missed, conversation, bob, "missed", ann);

        List<JsonNode> items = awaitNotifications(ann, now -> !of(now, "missed_call", "call_id", missed).isEmpty());
        assertThat(of(items, "missed_call", "call_id", call)).as("an answered call is no missed call").isEmpty();
        JsonNode entry = of(items, "missed_call", "call_id", missed).get(0);
        assertThat(entry.path("target").path("conversation_id").asText()).isEqualTo(conversation);
        assertThat(ids(entry.path("actor_ids"))).containsExactly(bob.id());
        assertThat(of(notifications(bob), "missed_call", null, null)).isEmpty();
    }

    @Test
    void theReadMarkerNeverMovesBackwards() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String post = post(ann, "read me");
        comment(bob, post, "one");
        comment(bob, post, "two");
        List<JsonNode> items = awaitNotifications(ann, now -> now.size() == 2);
        assertThat(unread(ann).path("unread_count").asLong()).isEqualTo(2);
        assertThat(unread(ann).path("read_up_to").isNull()).isTrue();
        String newest = items.get(0).path("latest_at").asText();
        String older = items.get(1).path("latest_at").asText();

        JsonNode marker = read(ann, newest);
        assertThat(Instant.parse(marker.path("read_up_to").asText())).isEqualTo(Instant.parse(newest));
        assertThat(marker.path("unread_count").asLong()).isZero();

        JsonNode back = read(ann, older);
        assertThat(Instant.parse(back.path("read_up_to").asText())).isEqualTo(Instant.parse(newest));
        assertThat(back.path("unread_count").asLong()).isZero();
        assertThat(notifications(ann)).allSatisfy(item -> assertThat(item.path("unread").asBoolean()).isFalse());

        comment(bob, post, "three");
        awaitNotifications(ann, now -> now.size() == 3);
        assertThat(unread(ann).path("unread_count").asLong()).isEqualTo(1);

        JsonNode future = read(ann, "2999-01-01T00:00:00Z");
        assertThat(Instant.parse(future.path("read_up_to").asText())).isBefore(Instant.now().plusSeconds(5));
    }

    @Test
    void aBadReadIs400() {
        People.Person ann = people.register();
        for (String body : List.of("{}", "{\"up_to\":\"yesterday\"}", "{\"up_to\":12}", "null",
                "{\"up_to\":\"+999999999-12-31T23:59:59Z\"}")) {
            HttpResponse<String> response = http.send("POST", "/api/v1/notifications/read", ann.token(), body);
            assertThat(response.statusCode()).as(body + " → " + response.body()).isIn(200, 400);
            if (response.statusCode() == 400) {
                assertThat(ApiClient.json(response).path("error").asText()).isNotEmpty();
            }
        }
        HttpResponse<String> missing = http.send("POST", "/api/v1/notifications/read", ann.token(), "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
    }

    @Test
    void onlyTheOwnerSeesTheirNotifications() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String post = post(ann, "private matters");
        comment(bob, post, "hi");
        awaitNotifications(ann, now -> !now.isEmpty());

        assertThat(notifications(bob)).isEmpty();
        assertThat(unread(bob).path("unread_count").asLong()).isZero();
        assertThat(http.get("/api/v1/notifications").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/notifications/unread-count").statusCode()).isEqualTo(401);
    }

    @Test
    void pagesWalkEveryEntryNewestFirstOnce() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String post = post(ann, "many comments");
        for (int i = 0; i < 5; i++) {
            comment(bob, post, "comment " + i);
        }
        awaitNotifications(ann, now -> now.size() == 5);

        List<JsonNode> walked = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> response = http.get("/api/v1/notifications?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), ann.token());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = ApiClient.json(response);
            page.path("items").forEach(walked::add);
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);

        assertThat(walked).hasSize(5);
        Set<String> ids = new HashSet<>();
        walked.forEach(item -> ids.add(item.path("id").asText()));
        assertThat(ids).hasSize(5);
        for (int i = 1; i < walked.size(); i++) {
            assertThat(Instant.parse(walked.get(i - 1).path("latest_at").asText()))
                    .isAfterOrEqualTo(Instant.parse(walked.get(i).path("latest_at").asText()));
        }
        assertThat(http.get("/api/v1/notifications?cursor=garbage", ann.token()).statusCode()).isEqualTo(400);
    }

    // --- helpers ---

    private JsonNode unread(People.Person owner) {
        HttpResponse<String> response = http.get("/api/v1/notifications/unread-count", owner.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private JsonNode read(People.Person owner, String upTo) {
        HttpResponse<String> response = http.send("POST", "/api/v1/notifications/read", owner.token(),
                ApiClient.body("up_to", upTo));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    /** A call.ended event as the calls signaling writes it: through messaging-service's outbox. */
    private void callEnded(String call, String conversation, People.Person caller, String outcome,
                           People.Person... callees) throws SQLException {
        var payload = ApiClient.JSON.createObjectNode();
        var recipients = payload.putArray("recipients");
        var data = payload.putObject("data");
        data.put("call_id", call);
        data.put("conversation_id", conversation);
        data.put("caller_id", caller.id());
        data.put("outcome", outcome);
        var calleeIds = data.putArray("callee_ids");
        for (People.Person callee : callees) {
            calleeIds.add(callee.id());
            recipients.add(callee.id());
        }
        try (Connection connection = platform.connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO nova_outbox (event_id, topic, event_type, aggregate_id, payload)
                VALUES (?, ?, 'call.ended', ?, CAST(? AS jsonb))""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, Topics.MESSAGING_EVENTS);
            insert.setString(3, conversation);
            insert.setString(4, payload.toString());
            insert.executeUpdate();
        }
    }

    private static long follows(List<JsonNode> items) {
        List<JsonNode> follow = of(items, "follow", null, null);
        return follow.isEmpty() ? 0 : follow.get(0).path("count").asLong();
    }

    private static long likeCount(List<JsonNode> items, String post) {
        List<JsonNode> like = of(items, "like", "post_id", post);
        return like.isEmpty() ? 0 : like.get(0).path("count").asLong();
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(id -> out.add(id.asText()));
        return out;
    }
}
