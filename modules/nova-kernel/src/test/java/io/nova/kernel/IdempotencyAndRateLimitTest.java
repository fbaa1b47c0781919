package io.nova.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key replays the first result (per caller) and rate limits answer with headers and 429. */
class IdempotencyAndRateLimitTest extends RunningKernelApp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpResponse<String> create(String user, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.getLocalPort() + "/probe/things"))
                .header("Authorization", "Bearer " + TestTokens.access(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstResultAndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = CreateProbeResource.CREATED.get();
        HttpResponse<String> first = create("alice", key, "{\"name\":\"lamp\"}");
        HttpResponse<String> retry = create("alice", key, "{\"name\":\"lamp\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        JsonNode created = JSON.readTree(first.body());
        assertThat(JSON.readTree(retry.body()).path("id").asText()).isEqualTo(created.path("id").asText());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(CreateProbeResource.CREATED.get() - before).isEqualTo(1);
    }

    @Test
    void theSameKeyForADifferentBodyIs422() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(create("bob", key, "{\"name\":\"lamp\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> reused = create("bob", key, "{\"name\":\"chair\"}");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("idempotency_key_reused");
    }

    @Test
    void keysBelongToTheirCaller() throws Exception {
        String key = UUID.randomUUID().toString();
        String mine = JSON.readTree(create("carol", key, "{\"name\":\"lamp\"}").body()).path("id").asText();
        HttpResponse<String> theirs = create("dave", key, "{\"name\":\"lamp\"}");
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(theirs.body()).path("id").asText()).isNotEqualTo(mine);
        assertThat(JSON.readTree(theirs.body()).path("owner").asText()).isEqualTo("dave");
    }

    @Test
    void withoutAKeyEveryRequestCreates() throws Exception {
        String a = JSON.readTree(create("erin", null, "{\"name\":\"lamp\"}").body()).path("id").asText();
        String b = JSON.readTree(create("erin", null, "{\"name\":\"lamp\"}").body()).path("id").asText();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void invalidKeysAndInvalidBodiesAreRejectedWithoutBeingRemembered() throws Exception {
        assertThat(create("frank", "x".repeat(300), "{\"name\":\"lamp\"}").statusCode()).isEqualTo(400);
        String key = UUID.randomUUID().toString();
        assertThat(create("frank", key, "{\"name\":\"\"}").statusCode()).isEqualTo(400);
        assertThat(create("frank", key, "{\"name\":\"lamp\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void rateLimitCountsDownThenAnswers429() throws Exception {
        String client = "203.0.113." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID();
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> ok = limited(client);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
            assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(remaining));
            assertThat(ok.headers().firstValue("X-RateLimit-Reset")).isPresent();
        }
        HttpResponse<String> limited = limited(client);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("rate_limited");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        // Another client still has its own budget.
        assertThat(limited(client + "-other").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> limited(String clientAddress) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + "/probe/limited"))
                .header("X-Real-IP", clientAddress).build(), HttpResponse.BodyHandlers.ofString());
    }
}
