package io.nova.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.testing.ApiClient;
import io.nova.testing.People;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Posts through content-service and reads home feeds through user-service, as a client would. */
final class FeedClient {

    /** How long an event may take to reach the timelines (outbox relay, Kafka, the consumer). */
    static final Duration EVENTUAL = Duration.ofSeconds(30);

    final ApiClient users;
    final ApiClient content;

    FeedClient(FeedStack stack) {
        this.users = new ApiClient(stack.users);
        this.content = new ApiClient(stack.content);
    }

    String post(People.Person author, String text, String visibility) {
        HttpResponse<String> response = content.send("POST", "/api/v1/posts", author.token(),
                ApiClient.body("text", text, "visibility", visibility));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).path("id").asText();
    }

    String post(People.Person author, String text) {
        return post(author, text, "public");
    }

    /** One page: the raw answer. */
    HttpResponse<String> page(People.Person viewer, int limit, String cursor) {
        return users.get("/api/v1/feed?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor),
                viewer.token());
    }

    /** Every page of the viewer's feed, walked with {@code limit}: the posts in order. */
    List<JsonNode> all(People.Person viewer, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> response = page(viewer, limit, cursor);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = ApiClient.json(response);
            assertThat(body.path("items").size()).isLessThanOrEqualTo(limit);
            body.path("items").forEach(items::add);
            cursor = body.path("next_cursor").isTextual() ? body.path("next_cursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    List<String> ids(People.Person viewer) {
        return all(viewer, 100).stream().map(item -> item.path("id").asText()).toList();
    }

    /** Reads the feed until it satisfies {@code done}, and returns its ids. */
    List<String> await(People.Person viewer, Predicate<List<String>> done) throws InterruptedException {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        List<String> now = ids(viewer);
        while (!done.test(now)) {
            assertThat(System.nanoTime() < deadline).as("feed of " + viewer.username() + " in time: " + now)
                    .isTrue();
            Thread.sleep(50);
            now = ids(viewer);
        }
        return now;
    }
}
