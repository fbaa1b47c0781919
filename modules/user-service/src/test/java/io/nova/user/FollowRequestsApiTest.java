package io.nova.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.contracts.EventTypes;
import io.nova.contracts.Topics;
import io.nova.testing.ApiClient;
import io.nova.testing.EventLog;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Following a private account asks first: requests, their answers, and their events — real PostgreSQL and Kafka. */
class FollowRequestsApiTest extends RunningUserService {

    private HttpResponse<String> follow(TestUsers.User who, String whom) {
        return http.send("PUT", "/api/v1/relationships/following/" + whom, who.token(), null);
    }

    private HttpResponse<String> answer(TestUsers.User who, String requester, String verb) {
        return http.send("POST", "/api/v1/relationships/follow-requests/" + requester + "/" + verb, who.token(), null);
    }

    private void makePrivate(TestUsers.User who, boolean value) {
        HttpResponse<String> response = http.send("PATCH", "/api/v1/users/me", who.token(),
                ApiClient.body("private_account", value));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private TestUsers.User privateAccount() {
        TestUsers.User account = users.register();
        makePrivate(account, true);
        return account;
    }

    private List<TestUsers.User> registered(int count) {
        List<TestUsers.User> registered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            registered.add(users.register());
        }
        return registered;
    }

    private JsonNode relation(TestUsers.User viewer, String other) {
        HttpResponse<String> response = http.get("/api/v1/relationships?ids=" + other, viewer.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response).path("items").get(0);
    }

    private long followers(TestUsers.User viewer, String id) {
        return ApiClient.json(http.get("/api/v1/users/" + id, viewer.token())).path("followers_count").asLong();
    }

    private List<String> incoming(TestUsers.User who) {
        HttpResponse<String> response = http.get("/api/v1/relationships/follow-requests?limit=100", who.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        ApiClient.json(response).path("items").forEach(item -> ids.add(item.path("user").path("id").asText()));
        return ids;
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(ApiClient.json(response).path("error").asText()).as(response.body()).isEqualTo(code);
    }

    private List<JsonNode> eventsBetween(String one, String other, int count) {
        return EventLog.await(platform.kafkaBootstrapServers(), Topics.USER_EVENTS, event -> {
            JsonNode p = event.path("payload");
            String from = p.has("requester_id") ? p.path("requester_id").asText() : p.path("follower_id").asText();
            String to = p.has("target_id") ? p.path("target_id").asText() : p.path("followee_id").asText();
            return from.equals(one) && to.equals(other);
        }, count, Duration.ofSeconds(60));
    }

    @Test
    void followingAPrivateAccountAsksAndApprovingMakesTheFollow() {
        TestUsers.User shy = users.register();
        TestUsers.User fan = users.register();
        makePrivate(shy, true);

        for (int i = 0; i < 3; i++) {
            JsonNode asked = ok(follow(fan, shy.id()));
            assertThat(asked.path("following").asBoolean()).isFalse();
            assertThat(asked.path("requested").asBoolean()).isTrue();
        }
        assertThat(followers(fan, shy.id())).isZero();
        assertThat(relation(shy, fan.id()).path("requested_by").asBoolean()).isTrue();
        assertThat(incoming(shy)).containsExactly(fan.id());
        assertThat(incoming(fan)).as("a request is listed for its target only").isEmpty();

        JsonNode approved = ok(answer(shy, fan.id(), "approve"));
        assertThat(approved.path("followed_by").asBoolean()).isTrue();
        assertThat(approved.path("requested_by").asBoolean()).isFalse();
        assertThat(relation(fan, shy.id()).path("following").asBoolean()).isTrue();
        assertThat(relation(fan, shy.id()).path("requested").asBoolean()).isFalse();
        assertThat(followers(fan, shy.id())).isEqualTo(1);
        assertThat(incoming(shy)).isEmpty();
        // Approving again changes nothing; so does following again.
        assertThat(ok(answer(shy, fan.id(), "approve")).path("followed_by").asBoolean()).isTrue();
        assertThat(ok(follow(fan, shy.id())).path("following").asBoolean()).isTrue();
        assertThat(followers(fan, shy.id())).isEqualTo(1);

        List<JsonNode> events = eventsBetween(fan.id(), shy.id(), 3);
        assertThat(events).extracting(event -> event.path("type").asText()).containsExactlyInAnyOrder(
                EventTypes.USER_FOLLOW_REQUESTED, EventTypes.USER_FOLLOW_REQUEST_REMOVED, EventTypes.USER_FOLLOWED);
        for (JsonNode event : events) {
            switch (event.path("type").asText()) {
                case EventTypes.USER_FOLLOW_REQUEST_REMOVED ->
                        assertThat(event.path("payload").path("reason").asText()).isEqualTo("approved");
                case EventTypes.USER_FOLLOWED ->
                        assertThat(event.path("payload").path("approved_request").asBoolean()).isTrue();
                default -> assertThat(event.path("payload").path("requested_at").asText()).endsWith("Z");
            }
        }
    }

    @Test
    void declineAndWithdrawLeaveNoRequestAndNoFollow() {
        TestUsers.User shy = users.register();
        TestUsers.User fan = users.register();
        TestUsers.User other = users.register();
        makePrivate(shy, true);

        ok(follow(fan, shy.id()));
        JsonNode declined = ok(answer(shy, fan.id(), "decline"));
        assertThat(declined.path("requested_by").asBoolean()).isFalse();
        assertThat(declined.path("followed_by").asBoolean()).isFalse();
        assertThat(ok(answer(shy, fan.id(), "decline")).path("requested_by").asBoolean())
                .as("declining again is idempotent").isFalse();
        assertThat(relation(fan, shy.id()).path("requested").asBoolean()).isFalse();
        assertError(answer(shy, fan.id(), "approve"), 404, "follow_request_not_found");

        // Asking again after a decline is allowed; unfollowing withdraws it.
        ok(follow(fan, shy.id()));
        JsonNode withdrawn = ok(http.send("DELETE", "/api/v1/relationships/following/" + shy.id(), fan.token(), null));
        assertThat(withdrawn.path("requested").asBoolean()).isFalse();
        assertThat(incoming(shy)).isEmpty();

        // Only the target answers: someone else approving it, or approving a request that was never made, is 404.
        ok(follow(fan, shy.id()));
        assertError(answer(other, fan.id(), "approve"), 404, "follow_request_not_found");
        assertThat(incoming(shy)).containsExactly(fan.id());
        assertThat(followers(shy, shy.id())).isZero();

        List<JsonNode> removed = EventLog.await(platform.kafkaBootstrapServers(), Topics.USER_EVENTS,
                EventLog.ofType(EventTypes.USER_FOLLOW_REQUEST_REMOVED, "requester_id", fan.id()), 2,
                Duration.ofSeconds(60));
        assertThat(removed).extracting(event -> event.path("payload").path("reason").asText())
                .containsExactlyInAnyOrder("declined", "withdrawn");
    }

    @Test
    void aBlockEitherWayRemovesThePendingRequests() {
        TestUsers.User shy = users.register();
        TestUsers.User fan = users.register();
        TestUsers.User pest = users.register();
        makePrivate(shy, true);
        ok(follow(fan, shy.id()));
        ok(follow(pest, shy.id()));

        ok(http.send("PUT", "/api/v1/relationships/blocks/" + pest.id(), shy.token(), null));
        ok(http.send("PUT", "/api/v1/relationships/blocks/" + shy.id(), fan.token(), null));

        assertThat(incoming(shy)).isEmpty();
        assertThat(relation(pest, shy.id()).path("requested").asBoolean()).isFalse();
        assertError(answer(shy, fan.id(), "approve"), 404, "follow_request_not_found");
        assertError(follow(pest, shy.id()), 403, "forbidden");
    }

    @Test
    void turningPublicApprovesEveryPendingRequestAndOldFollowersStay() {
        TestUsers.User shy = users.register();
        TestUsers.User old = users.register();
        ok(follow(old, shy.id()));
        makePrivate(shy, true);
        assertThat(relation(old, shy.id()).path("following").asBoolean())
                .as("a follower from before the account turned private stays one").isTrue();
        List<TestUsers.User> fans = List.of(users.register(), users.register(), users.register());
        fans.forEach(fan -> ok(follow(fan, shy.id())));
        assertThat(followers(shy, shy.id())).isEqualTo(1);

        makePrivate(shy, false);

        assertThat(incoming(shy)).isEmpty();
        assertThat(followers(shy, shy.id())).isEqualTo(4);
        fans.forEach(fan -> assertThat(relation(fan, shy.id()).path("following").asBoolean()).isTrue());
        // Public now: a new follower follows at once.
        TestUsers.User late = users.register();
        assertThat(ok(follow(late, shy.id())).path("following").asBoolean()).isTrue();
    }

    /**
     * Requests made while the account turns public are either approved with the others or not requests at all (a
     * follow): none is left pending on a public account, whichever commits first.
     */
    @Test
    void requestsRacingTheAccountTurningPublicAreNeverLeftPending() throws Exception {
        TestUsers.User shy = privateAccount();
        List<TestUsers.User> fans = registered(16);
        ExecutorService pool = Executors.newFixedThreadPool(fans.size() + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> follows = new ArrayList<>();
            for (TestUsers.User fan : fans) {
                follows.add(pool.submit(() -> {
                    start.await();
                    return follow(fan, shy.id());
                }));
            }
            Future<?> opened = pool.submit(() -> {
                start.await();
                makePrivate(shy, false);
                return null;
            });
            start.countDown();
            for (Future<HttpResponse<String>> follow : follows) {
                assertThat(follow.get().statusCode()).as(follow.get().body()).isEqualTo(200);
            }
            opened.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(incoming(shy)).isEmpty();
        assertThat(followers(shy, shy.id())).isEqualTo(fans.size());
        for (TestUsers.User fan : fans) {
            JsonNode relation = relation(fan, shy.id());
            assertThat(relation.path("following").asBoolean()).isTrue();
            assertThat(relation.path("requested").asBoolean()).isFalse();
        }
    }

    /**
     * Everything that can touch a pending request or the counters beside it, at once with the account turning
     * public: requesters blocking it, withdrawing, the account approving some itself and following others back, the
     * requesters following each other. Nothing may deadlock (a 500 after PostgreSQL's deadlock timeout), and what is
     * left must be what each action means whatever the order: no request pending, no follow across a block or after
     * a withdrawal, approved ones following, counts equal to the edges.
     */
    @Test
    void answersBlocksAndFollowsRacingTheAccountTurningPublicNeitherDeadlockNorLeaveStrayEdges() throws Exception {
        TestUsers.User shy = privateAccount();
        List<TestUsers.User> fans = registered(12);
        fans.forEach(fan -> ok(follow(fan, shy.id())));
        List<java.util.concurrent.Callable<HttpResponse<String>>> actions = new ArrayList<>();
        actions.add(() -> http.send("PATCH", "/api/v1/users/me", shy.token(),
                ApiClient.body("private_account", false)));
        for (int i = 0; i < 12; i++) {
            TestUsers.User fan = fans.get(i);
            TestUsers.User next = fans.get((i + 1) % fans.size());
            switch (i % 4) {
                case 0 -> actions.add(() -> http.send("PUT", "/api/v1/relationships/blocks/" + shy.id(), fan.token(),
                        null));
                case 1 -> actions.add(() -> http.send("DELETE", "/api/v1/relationships/following/" + shy.id(),
                        fan.token(), null));
                case 2 -> actions.add(() -> answer(shy, fan.id(), "approve"));
                default -> actions.add(() -> follow(shy, fan.id()));
            }
            actions.add(() -> follow(fan, next.id()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(actions.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (var action : actions) {
                results.add(pool.submit(() -> {
                    start.await();
                    return action.call();
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> result : results) {
                assertThat(result.get().statusCode()).as(result.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(incoming(shy)).isEmpty();
        long following = 0;
        for (int i = 0; i < 12; i++) {
            JsonNode relation = relation(fans.get(i), shy.id());
            assertThat(relation.path("requested").asBoolean()).isFalse();
            switch (i % 4) {
                case 0 -> assertThat(relation.path("following").asBoolean() || relation.path("followed_by").asBoolean())
                        .as("no follow across a block").isFalse();
                case 1 -> assertThat(relation.path("following").asBoolean()).as("withdrawn").isFalse();
                default -> assertThat(relation.path("following").asBoolean()).as("approved").isTrue();
            }
            following += relation.path("following").asBoolean() ? 1 : 0;
        }
        assertThat(followers(shy, shy.id())).isEqualTo(following);
    }

    @Test
    void requestsArePagedNewestFirst() {
        TestUsers.User shy = users.register();
        makePrivate(shy, true);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestUsers.User fan = users.register();
            ok(follow(fan, shy.id()));
            expected.add(0, fan.id());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(http.get("/api/v1/relationships/follow-requests?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), shy.token()));
            page.path("items").forEach(item -> {
                seen.add(item.path("user").path("id").asText());
                assertThat(item.path("requested_at").asText()).endsWith("Z");
                assertThat(item.path("user").has("email")).isFalse();
            });
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void badAnswersAreClearErrors() {
        TestUsers.User shy = users.register();
        assertError(answer(shy, shy.id(), "approve"), 422, "cannot_follow_self");
        assertError(answer(shy, shy.id(), "decline"), 422, "cannot_follow_self");
        assertError(answer(shy, UUID.randomUUID().toString(), "approve"), 404, "not_found");
        assertError(answer(shy, UUID.randomUUID().toString(), "decline"), 404, "not_found");
        assertThat(answer(shy, "not-an-id", "approve").statusCode()).isEqualTo(404);
        assertError(http.get("/api/v1/relationships/follow-requests?cursor=bad", shy.token()), 400,
                "invalid_cursor");
        // Well-formed, but a time no row can have: PostgreSQL would refuse to bind it.
        String farPast = io.nova.kernel.paging.Cursor.of("-300000000000000000", UUID.randomUUID().toString()).encode();
        assertError(http.get("/api/v1/relationships/follow-requests?cursor=" + farPast, shy.token()), 400,
                "invalid_cursor");
        assertError(http.get("/api/v1/users/" + shy.id() + "/followers?cursor=" + farPast, shy.token()), 400,
                "invalid_cursor");
        assertThat(http.get("/api/v1/relationships/follow-requests", null).statusCode()).isEqualTo(401);
        assertThat(answer(new TestUsers.User(shy.id(), shy.username(), shy.email(), null), shy.id(), "approve")
                .statusCode()).isEqualTo(401);
    }
}
