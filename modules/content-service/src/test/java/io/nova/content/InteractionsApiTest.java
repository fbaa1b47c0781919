package io.nova.content;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.contracts.EventTypes;
import io.nova.contracts.Topics;
import io.nova.testing.People;
import io.nova.testing.EventLog;
import io.nova.testing.ApiClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Likes, comments and bookmarks, their exact counts under concurrency, and their events. */
class InteractionsApiTest extends RunningContentStack {

    private String post(People.Person author, Object... fields) {
        HttpResponse<String> response = http.send("POST", "/api/v1/posts", author.token(), ApiClient.body(fields));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).path("id").asText();
    }

    private HttpResponse<String> like(People.Person who, String post) {
        return http.send("PUT", "/api/v1/posts/" + post + "/like", who.token(), null);
    }

    private HttpResponse<String> comment(People.Person who, String post, Object... fields) {
        return http.send("POST", "/api/v1/posts/" + post + "/comments", who.token(), ApiClient.body(fields));
    }

    private JsonNode view(People.Person viewer, String post) {
        HttpResponse<String> response = http.get("/api/v1/posts/" + post, viewer.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(ApiClient.json(response).path("error").asText()).as(response.body()).isEqualTo(code);
    }

    private long count(String sql, String id) throws Exception {
        try (Connection db = platform.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Runs all calls at once (released together) and returns their responses. */
    private static List<HttpResponse<String>> together(List<Callable<HttpResponse<String>>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(calls.size(), 50));
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Callable<HttpResponse<String>> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    // --- likes ---

    @Test
    void likeAndUnlikeAreIdempotentAndShowInThePost() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String id = post(ann, "text", "like me");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = like(bob, id);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode state = ApiClient.json(response);
            assertThat(state.path("liked").asBoolean()).isTrue();
            assertThat(state.path("like_count").asLong()).isEqualTo(1);
        }
        assertThat(view(bob, id).path("liked_by_me").asBoolean()).isTrue();
        assertThat(view(ann, id).path("liked_by_me").asBoolean()).isFalse();
        assertThat(view(ann, id).path("like_count").asLong()).isEqualTo(1);

        JsonNode likers = ApiClient.json(http.get("/api/v1/posts/" + id + "/likes", ann.token()));
        assertThat(likers.path("items")).hasSize(1);
        assertThat(likers.path("items").get(0).path("user").path("username").asText()).isEqualTo(bob.username());
        assertThat(likers.path("items").get(0).path("liked_at").asText()).isNotEmpty();

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = http.send("DELETE", "/api/v1/posts/" + id + "/like", bob.token(), null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ApiClient.json(response).path("liked").asBoolean()).isFalse();
            assertThat(ApiClient.json(response).path("like_count").asLong()).isZero();
        }
        assertThat(view(bob, id).path("liked_by_me").asBoolean()).isFalse();
        assertError(like(bob, UUID.randomUUID().toString()), 404, "not_found");
        assertError(like(bob, "nope"), 404, "not_found");
        assertError(http.send("PUT", "/api/v1/posts/" + id + "/like", null, null), 401, "unauthorized");
    }

    @Test
    void aHundredUsersLikingAtOnceCountAHundred() throws Exception {
        People.Person ann = people.register();
        String id = post(ann, "text", "popular");
        List<People.Person> fans = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            fans.add(people.register());
        }
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        fans.forEach(fan -> calls.add(() -> like(fan, id)));
        for (HttpResponse<String> response : together(calls)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        assertThat(view(ann, id).path("like_count").asLong()).isEqualTo(100);
        assertThat(count("SELECT count(*) FROM likes WHERE post_id = ?::uuid", id)).isEqualTo(100);

        List<Callable<HttpResponse<String>>> unlikes = new ArrayList<>();
        fans.subList(0, 40).forEach(fan -> unlikes.add(() ->
                http.send("DELETE", "/api/v1/posts/" + id + "/like", fan.token(), null)));
        together(unlikes).forEach(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(view(ann, id).path("like_count").asLong()).isEqualTo(60);
    }

    @Test
    void oneUserLikingFiftyTimesAtOnceCountsOnce() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String id = post(ann, "text", "once");
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> like(bob, id));
        }
        for (HttpResponse<String> response : together(calls)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        assertThat(view(ann, id).path("like_count").asLong()).isEqualTo(1);
        List<JsonNode> liked = EventLog.await(platform.kafkaBootstrapServers(), Topics.CONTENT_EVENTS,
                EventLog.ofType(EventTypes.POST_LIKED, "post_id", id), 2, Duration.ofSeconds(5));
        assertThat(liked).hasSize(1);
        assertThat(liked.get(0).path("payload").path("user_id").asText()).isEqualTo(bob.id());
        assertThat(liked.get(0).path("payload").path("author_id").asText()).isEqualTo(ann.id());

        http.send("DELETE", "/api/v1/posts/" + id + "/like", bob.token(), null);
        List<JsonNode> unliked = EventLog.await(platform.kafkaBootstrapServers(), Topics.CONTENT_EVENTS,
                EventLog.ofType(EventTypes.POST_UNLIKED, "post_id", id), 1, Duration.ofSeconds(30));
        assertThat(unliked).hasSize(1);
    }

    @Test
    void followersOnlyPostsCannotBeLikedCommentedOrBookmarkedByStrangers() {
        People.Person ann = people.register();
        People.Person stranger = people.register();
        String id = post(ann, "text", "inner circle", "visibility", "followers");
        assertError(like(stranger, id), 404, "not_found");
        assertError(comment(stranger, id, "text", "hi"), 404, "not_found");
        assertError(http.send("PUT", "/api/v1/posts/" + id + "/bookmark", stranger.token(), null), 404, "not_found");
        assertError(http.get("/api/v1/posts/" + id + "/likes", stranger.token()), 404, "not_found");
        assertError(http.get("/api/v1/posts/" + id + "/comments", stranger.token()), 404, "not_found");
        people.follow(stranger, ann);
        assertThat(like(stranger, id).statusCode()).isEqualTo(200);
    }

    // --- comments ---

    @Test
    void commentsAreListedOldestFirstAndCounted() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String id = post(ann, "text", "discuss");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = comment(i % 2 == 0 ? bob : ann, id, "text", "comment " + i);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode comment = ApiClient.json(response);
            assertThat(response.headers().firstValue("Location").orElseThrow())
                    .endsWith("/api/v1/posts/" + id + "/comments/" + comment.path("id").asText());
            made.add(comment.path("id").asText());
        }
        JsonNode reply = ApiClient.json(comment(ann, id, "text", "answer", "reply_to_comment", made.get(0)));
        assertThat(reply.path("reply_to_comment").asText()).isEqualTo(made.get(0));
        assertThat(reply.path("author").path("username").asText()).isEqualTo(ann.username());
        made.add(reply.path("id").asText());

        JsonNode first = ApiClient.json(http.get("/api/v1/posts/" + id + "/comments?limit=3", bob.token()));
        List<String> seen = new ArrayList<>();
        first.path("items").forEach(item -> seen.add(item.path("id").asText()));
        JsonNode rest = ApiClient.json(http.get("/api/v1/posts/" + id + "/comments?limit=3&cursor="
                + first.path("next_cursor").asText(), bob.token()));
        rest.path("items").forEach(item -> seen.add(item.path("id").asText()));
        assertThat(seen).containsExactlyElementsOf(made);
        assertThat(rest.path("next_cursor").isNull()).isTrue();
        assertThat(view(bob, id).path("comment_count").asLong()).isEqualTo(4);
    }

    @Test
    void badCommentsAreRefusedWithReasons() {
        People.Person ann = people.register();
        String id = post(ann, "text", "rules");
        String other = post(ann, "text", "elsewhere");
        String foreign = ApiClient.json(comment(ann, other, "text", "there")).path("id").asText();
        assertError(comment(ann, id), 400, "validation_failed");
        assertError(comment(ann, id, "text", "  "), 400, "validation_failed");
        assertError(comment(ann, id, "text", "x".repeat(1001)), 400, "validation_failed");
        assertThat(comment(ann, id, "text", "x".repeat(1000)).statusCode()).isEqualTo(201);
        assertError(comment(ann, id, "text", "hi", "reply_to_comment", foreign), 422, "reply_to_comment_not_found");
        assertError(comment(ann, id, "text", "hi", "reply_to_comment", "nope"), 422, "reply_to_comment_not_found");
        assertError(comment(ann, id, "text", "hi", "extra", 1), 400, "unknown_field");
        assertError(comment(ann, UUID.randomUUID().toString(), "text", "hi"), 404, "not_found");
    }

    @Test
    void commentsAreDeletedByTheirAuthorOrThePostsAuthorOnly() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person eve = people.register();
        String id = post(ann, "text", "moderated");
        String bobs = ApiClient.json(comment(bob, id, "text", "bob was here")).path("id").asText();
        String bobs2 = ApiClient.json(comment(bob, id, "text", "again")).path("id").asText();
        String path = "/api/v1/posts/" + id + "/comments/";

        assertError(http.send("DELETE", path + bobs, eve.token(), null), 403, "forbidden");
        assertThat(http.send("DELETE", path + bobs, bob.token(), null).statusCode()).isEqualTo(204);
        assertThat(http.send("DELETE", path + bobs2, ann.token(), null).statusCode()).isEqualTo(204);
        assertError(http.send("DELETE", path + bobs, bob.token(), null), 404, "not_found");
        assertError(http.send("DELETE", path + UUID.randomUUID(), ann.token(), null), 404, "not_found");
        assertThat(view(ann, id).path("comment_count").asLong()).isZero();
        assertThat(ApiClient.json(http.get("/api/v1/posts/" + id + "/comments", ann.token())).path("items")).isEmpty();

        List<JsonNode> created = EventLog.await(platform.kafkaBootstrapServers(), Topics.CONTENT_EVENTS,
                EventLog.ofType(EventTypes.COMMENT_CREATED, "post_id", id), 2, Duration.ofSeconds(30));
        assertThat(created).hasSize(2);
        assertThat(created.get(0).path("payload").path("post_author_id").asText()).isEqualTo(ann.id());
        List<JsonNode> deleted = EventLog.await(platform.kafkaBootstrapServers(), Topics.CONTENT_EVENTS,
                EventLog.ofType(EventTypes.COMMENT_DELETED, "post_id", id), 2, Duration.ofSeconds(30));
        assertThat(deleted).extracting(event -> event.path("payload").path("deleted_by").asText())
                .containsExactlyInAnyOrder(bob.id(), ann.id());
    }

    @Test
    void concurrentCommentsAndDeletesKeepTheCountExact() throws Exception {
        People.Person ann = people.register();
        String id = post(ann, "text", "busy thread");
        List<People.Person> crowd = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            crowd.add(people.register());
        }
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        crowd.forEach(person -> calls.add(() -> comment(person, id, "text", "me too")));
        List<HttpResponse<String>> made = together(calls);
        made.forEach(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(201));
        assertThat(view(ann, id).path("comment_count").asLong()).isEqualTo(30);

        // Each of the first ten comments deleted five times at once, by its author and the post's author.
        List<Callable<HttpResponse<String>>> deletes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String commentId = ApiClient.json(made.get(i)).path("id").asText();
            People.Person author = crowd.get(i);
            for (int j = 0; j < 5; j++) {
                People.Person who = j % 2 == 0 ? author : ann;
                deletes.add(() -> http.send("DELETE", "/api/v1/posts/" + id + "/comments/" + commentId, who.token(),
                        null));
            }
        }
        List<HttpResponse<String>> results = together(deletes);
        assertThat(results.stream().filter(r -> r.statusCode() == 204).count()).isEqualTo(10);
        assertThat(results.stream().filter(r -> r.statusCode() == 404).count()).isEqualTo(40);
        assertThat(view(ann, id).path("comment_count").asLong()).isEqualTo(20);
        assertThat(count("SELECT count(*) FROM comments WHERE post_id = ?::uuid AND deleted_at IS NULL", id))
                .isEqualTo(20);
    }

    @Test
    void commentsOfPeopleBlockedEitherWayAreHidden() {
        People.Person ann = people.register();
        People.Person troll = people.register();
        People.Person reader = people.register();
        String id = post(ann, "text", "open thread");
        comment(troll, id, "text", "troll comment");
        comment(reader, id, "text", "nice");
        people.block(reader, troll);
        List<String> seen = new ArrayList<>();
        ApiClient.json(http.get("/api/v1/posts/" + id + "/comments", reader.token())).path("items")
                .forEach(item -> seen.add(item.path("text").asText()));
        assertThat(seen).containsExactly("nice");
        List<String> seenByAnn = new ArrayList<>();
        ApiClient.json(http.get("/api/v1/posts/" + id + "/comments", ann.token())).path("items")
                .forEach(item -> seenByAnn.add(item.path("text").asText()));
        assertThat(seenByAnn).containsExactly("troll comment", "nice");
    }

    // --- bookmarks ---

    @Test
    void bookmarksAreMineOnlyNewestFirstAndIdempotent() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String first = post(ann, "text", "keep 1");
        String second = post(ann, "text", "keep 2");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = http.send("PUT", "/api/v1/posts/" + first + "/bookmark", bob.token(), null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ApiClient.json(response).path("bookmarked").asBoolean()).isTrue();
        }
        http.send("PUT", "/api/v1/posts/" + second + "/bookmark", bob.token(), null);

        JsonNode mine = ApiClient.json(http.get("/api/v1/posts/bookmarks", bob.token()));
        List<String> ids = new ArrayList<>();
        mine.path("items").forEach(item -> ids.add(item.path("id").asText()));
        assertThat(ids).containsExactly(second, first);
        assertThat(mine.path("items").get(0).path("bookmarked_by_me").asBoolean()).isTrue();
        assertThat(ApiClient.json(http.get("/api/v1/posts/bookmarks", ann.token())).path("items")).isEmpty();
        assertThat(view(bob, first).path("bookmarked_by_me").asBoolean()).isTrue();
        assertThat(view(ann, first).path("bookmarked_by_me").asBoolean()).isFalse();

        JsonNode page = ApiClient.json(http.get("/api/v1/posts/bookmarks?limit=1", bob.token()));
        assertThat(page.path("items")).hasSize(1);
        JsonNode next = ApiClient.json(http.get("/api/v1/posts/bookmarks?limit=1&cursor="
                + page.path("next_cursor").asText(), bob.token()));
        assertThat(next.path("items").get(0).path("id").asText()).isEqualTo(first);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = http.send("DELETE", "/api/v1/posts/" + first + "/bookmark", bob.token(),
                    null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ApiClient.json(response).path("bookmarked").asBoolean()).isFalse();
        }
        JsonNode after = ApiClient.json(http.get("/api/v1/posts/bookmarks", bob.token()));
        assertThat(after.path("items")).hasSize(1);
        assertThat(after.path("items").get(0).path("id").asText()).isEqualTo(second);
    }

    @Test
    void bookmarksOfPostsNoLongerVisibleDropOut() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String id = post(ann, "text", "soon hidden");
        http.send("PUT", "/api/v1/posts/" + id + "/bookmark", bob.token(), null);
        people.block(ann, bob);
        assertThat(ApiClient.json(http.get("/api/v1/posts/bookmarks", bob.token())).path("items")).isEmpty();
        // Still one's own to remove.
        HttpResponse<String> removed = http.send("DELETE", "/api/v1/posts/" + id + "/bookmark", bob.token(), null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        people.unblock(ann, bob);
        assertThat(ApiClient.json(http.get("/api/v1/posts/bookmarks", bob.token())).path("items")).isEmpty();
    }
}
