package io.nova.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.contracts.EventTypes;
import io.nova.contracts.Topics;
import io.nova.testing.ApiClient;
import io.nova.testing.EventLog;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Follows and blocks, their counts, lists and events — against real PostgreSQL, Redis and Kafka. */
class RelationshipsApiTest extends RunningUserService {

    private HttpResponse<String> follow(TestUsers.User who, String whom) {
        return http.send("PUT", "/api/v1/relationships/following/" + whom, who.token(), null);
    }

    private HttpResponse<String> unfollow(TestUsers.User who, String whom) {
        return http.send("DELETE", "/api/v1/relationships/following/" + whom, who.token(), null);
    }

    private HttpResponse<String> block(TestUsers.User who, String whom) {
        return http.send("PUT", "/api/v1/relationships/blocks/" + whom, who.token(), null);
    }

    private JsonNode profile(TestUsers.User viewer, String id) {
        HttpResponse<String> response = http.get("/api/v1/users/" + id, viewer.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(ApiClient.json(response).path("error").asText()).as(response.body()).isEqualTo(code);
    }

    private long edges(String follower, String followee) throws Exception {
        try (Connection db = platform.connect();
             PreparedStatement query = db.prepareStatement(
                     "SELECT count(*) FROM follows WHERE follower_id = ?::uuid AND followee_id = ?::uuid")) {
            query.setString(1, follower);
            query.setString(2, followee);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // --- follow / unfollow ---

    @Test
    void followIsIdempotentAndCountsStayExact() {
        TestUsers.User ann = users.register();
        TestUsers.User bob = users.register();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = follow(ann, bob.id());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode relation = ApiClient.json(response);
            assertThat(relation.path("user_id").asText()).isEqualTo(bob.id());
            assertThat(relation.path("following").asBoolean()).isTrue();
            assertThat(relation.path("followed_by").asBoolean()).isFalse();
        }
        assertThat(profile(ann, bob.id()).path("followers_count").asLong()).isEqualTo(1);
        assertThat(profile(ann, ann.id()).path("following_count").asLong()).isEqualTo(1);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = unfollow(ann, bob.id());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ApiClient.json(response).path("following").asBoolean()).isFalse();
        }
        assertThat(profile(ann, bob.id()).path("followers_count").asLong()).isZero();
        assertThat(profile(ann, ann.id()).path("following_count").asLong()).isZero();

        follow(ann, bob.id());
        follow(bob, ann.id());
        JsonNode mutual = ApiClient.json(follow(ann, bob.id()));
        assertThat(mutual.path("following").asBoolean()).isTrue();
        assertThat(mutual.path("followed_by").asBoolean()).isTrue();
        assertThat(profile(bob, ann.id()).path("followers_count").asLong()).isEqualTo(1);
        assertThat(profile(bob, ann.id()).path("following_count").asLong()).isEqualTo(1);
    }

    @Test
    void followingYourselfIs422AndUnknownUsersAre404() {
        TestUsers.User ann = users.register();
        assertError(follow(ann, ann.id()), 422, "cannot_follow_self");
        assertError(unfollow(ann, ann.id()), 422, "cannot_follow_self");
        assertError(block(ann, ann.id()), 422, "cannot_block_self");
        assertError(follow(ann, UUID.randomUUID().toString()), 404, "not_found");
        assertError(follow(ann, "not-a-user"), 404, "not_found");
        assertError(unfollow(ann, UUID.randomUUID().toString()), 404, "not_found");
        assertError(block(ann, UUID.randomUUID().toString()), 404, "not_found");
        assertThat(http.send("PUT", "/api/v1/relationships/following/" + ann.id(), null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aHundredParallelFollowsOfOnePairMakeOneEdge() throws Exception {
        TestUsers.User ann = users.register();
        TestUsers.User bob = users.register();
        int requests = 100;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return follow(ann, bob.id()).statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(edges(ann.id(), bob.id())).isEqualTo(1);
        assertThat(profile(ann, bob.id()).path("followers_count").asLong()).isEqualTo(1);
        assertThat(profile(ann, ann.id()).path("following_count").asLong()).isEqualTo(1);
        List<JsonNode> followed = EventLog.await(platform.kafkaBootstrapServers(), Topics.USER_EVENTS,
                event -> EventTypes.USER_FOLLOWED.equals(event.path("type").asText())
                        && ann.id().equals(event.path("payload").path("follower_id").asText()),
                2, Duration.ofSeconds(10));
        assertThat(followed).as("user.followed events for one new edge").hasSize(1);
    }

    @Test
    void parallelFollowsAndUnfollowsLeaveCountsMatchingTheEdges() throws Exception {
        TestUsers.User target = users.register();
        List<TestUsers.User> fans = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fans.add(users.register());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (TestUsers.User fan : fans) {
                    results.add(pool.submit(() -> follow(fan, target.id()).statusCode()));
                    results.add(pool.submit(() -> unfollow(fan, target.id()).statusCode()));
                    results.add(pool.submit(() -> follow(target, fan.id()).statusCode()));
                }
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        long followers = 0;
        for (TestUsers.User fan : fans) {
            followers += edges(fan.id(), target.id());
        }
        JsonNode counted = profile(target, target.id());
        assertThat(counted.path("followers_count").asLong()).isEqualTo(followers);
        assertThat(counted.path("following_count").asLong()).isEqualTo(fans.size());
    }

    // --- blocks ---

    @Test
    void blockingRemovesFollowsBothWaysAndPreventsFollowing() {
        TestUsers.User ann = users.register();
        TestUsers.User bob = users.register();
        follow(ann, bob.id());
        follow(bob, ann.id());

        HttpResponse<String> blocked = block(ann, bob.id());
        assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(200);
        JsonNode relation = ApiClient.json(blocked);
        assertThat(relation.path("blocking").asBoolean()).isTrue();
        assertThat(relation.path("following").asBoolean()).isFalse();
        assertThat(relation.path("followed_by").asBoolean()).isFalse();
        JsonNode annNow = profile(ann, ann.id());
        assertThat(annNow.path("followers_count").asLong()).isZero();
        assertThat(annNow.path("following_count").asLong()).isZero();

        assertError(follow(bob, ann.id()), 403, "forbidden");
        assertError(follow(ann, bob.id()), 422, "blocking_user");

        HttpResponse<String> unblocked = http.send("DELETE", "/api/v1/relationships/blocks/" + bob.id(), ann.token(),
                null);
        assertThat(ApiClient.json(unblocked).path("blocking").asBoolean()).isFalse();
        assertThat(follow(bob, ann.id()).statusCode()).isEqualTo(200);

        List<JsonNode> events = EventLog.await(platform.kafkaBootstrapServers(), Topics.USER_EVENTS,
                event -> event.path("payload").path("blocker_id").asText().equals(ann.id())
                        || (EventTypes.USER_UNFOLLOWED.equals(event.path("type").asText())
                        && List.of(ann.id(), bob.id()).contains(event.path("payload").path("follower_id").asText())),
                4, Duration.ofSeconds(60));
        assertThat(events).extracting(event -> event.path("type").asText()).containsExactlyInAnyOrder(
                EventTypes.USER_UNFOLLOWED, EventTypes.USER_UNFOLLOWED, EventTypes.USER_BLOCKED,
                EventTypes.USER_UNBLOCKED);
    }

    @Test
    void relationshipsForManyIdsInTheOrderAsked() {
        TestUsers.User ann = users.register();
        TestUsers.User bob = users.register();
        TestUsers.User cat = users.register();
        String nobody = UUID.randomUUID().toString();
        follow(ann, bob.id());
        follow(cat, ann.id());
        block(ann, cat.id());
        HttpResponse<String> response = http.get("/api/v1/relationships?ids=" + cat.id() + "," + nobody + ","
                + bob.id(), ann.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode items = ApiClient.json(response).path("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("user_id").asText()).isEqualTo(cat.id());
        assertThat(items.get(0).path("blocking").asBoolean()).isTrue();
        assertThat(items.get(0).path("followed_by").asBoolean()).as("the block removed cat's follow").isFalse();
        assertThat(items.get(1).path("following").asBoolean()).isFalse();
        assertThat(items.get(2).path("following").asBoolean()).isTrue();

        JsonNode fromCat = ApiClient.json(http.get("/api/v1/relationships?ids=" + ann.id(), cat.token())).path("items");
        assertThat(fromCat.get(0).path("blocked_by").asBoolean()).isTrue();

        assertError(http.get("/api/v1/relationships", ann.token()), 400, "missing_parameter");
        assertError(http.get("/api/v1/relationships?ids=" + bob.id() + ",nope", ann.token()), 400, "invalid_id");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append(UUID.randomUUID());
        }
        assertError(http.get("/api/v1/relationships?ids=" + many, ann.token()), 400, "too_many_ids");
    }

    // --- lists ---

    @Test
    void followersAndFollowingArePagedNewestFirst() {
        TestUsers.User star = users.register();
        List<String> fanIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestUsers.User fan = users.register();
            follow(fan, star.id());
            fanIds.add(0, fan.id());
            follow(star, fan.id());
        }
        List<String> seen = new ArrayList<>();
        String path = "/api/v1/users/" + star.id() + "/followers?limit=2";
        String cursor = null;
        do {
            HttpResponse<String> page = http.get(path + (cursor == null ? "" : "&cursor=" + cursor), star.token());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = ApiClient.json(page);
            body.path("items").forEach(item -> {
                seen.add(item.path("user").path("id").asText());
                assertThat(item.path("followed_at").asText()).endsWith("Z");
                assertThat(item.path("user").has("email")).isFalse();
            });
            cursor = body.path("next_cursor").isNull() ? null : body.path("next_cursor").asText();
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(fanIds);

        JsonNode following = ApiClient.json(http.get("/api/v1/users/" + star.id() + "/following?limit=100", star.token()));
        assertThat(following.path("items")).extracting(item -> item.path("user").path("id").asText())
                .containsExactlyElementsOf(fanIds);
        assertThat(following.path("next_cursor").isNull()).isTrue();
    }

    @Test
    void listsOfAPrivateAccountAreForItsFollowersOnly() {
        TestUsers.User shy = users.register();
        TestUsers.User fan = users.register();
        TestUsers.User stranger = users.register();
        http.send("PATCH", "/api/v1/users/me", shy.token(), ApiClient.body("private_account", true));
        follow(fan, shy.id());
        assertError(http.get("/api/v1/users/" + shy.id() + "/followers", fan.token()), 403, "forbidden");
        http.send("POST", "/api/v1/relationships/follow-requests/" + fan.id() + "/approve", shy.token(), null);
        assertThat(http.get("/api/v1/users/" + shy.id() + "/followers", fan.token()).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/users/" + shy.id() + "/following", shy.token()).statusCode()).isEqualTo(200);
        assertError(http.get("/api/v1/users/" + shy.id() + "/followers", stranger.token()), 403, "forbidden");
        assertError(http.get("/api/v1/users/" + shy.id() + "/following", stranger.token()), 403, "forbidden");
    }

    @Test
    void listsOfUnknownUsersAndBadCursorsAreRefused() {
        TestUsers.User ann = users.register();
        assertError(http.get("/api/v1/users/" + UUID.randomUUID() + "/followers", ann.token()), 404, "not_found");
        assertError(http.get("/api/v1/users/" + ann.id() + "/followers?cursor=bad", ann.token()), 400,
                "invalid_cursor");
        HttpResponse<String> clamped = http.get("/api/v1/users/" + ann.id() + "/following?limit=100000", ann.token());
        assertThat(clamped.statusCode()).isEqualTo(200);
    }
}
