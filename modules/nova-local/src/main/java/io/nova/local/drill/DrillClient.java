package io.nova.local.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The drills' HTTP client: talks to the gateway as an app would and never throws for what the server answers.
 * Every exchange is counted in the {@link Tally} — a drill's verdict on "never a 500" is made from these counts.
 * A request that got no answer at all (refused, reset, timed out) has status 0.
 */
final class DrillClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** One exchange's outcome. */
    record Answer(int status, JsonNode body, String text, Optional<String> retryAfter) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Worth sending again unchanged: no answer, a dependency outage, a limit, or the key still in use. */
        boolean retryable() {
            return status == 0 || status == 503 || status == 429 || status == 409 || status == 502
                    || status == 504;
        }

        String excerpt() {
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }

    private final URI base;
    private final Tally tally;
    private final HttpClient http;

    DrillClient(URI base, Tally tally) {
        this.base = base;
        this.tally = tally;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    Answer get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    Answer put(String path, String token) {
        return send("PUT", path, token, null, null);
    }

    Answer delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    Answer post(String path, String token, Object body, String idempotencyKey) {
        return send("POST", path, token, body, idempotencyKey);
    }

    private Answer send(String method, String path, String token, Object body, String idempotencyKey) {
        long begin = System.nanoTime();
        Answer answer = exchange(method, path, token, body, idempotencyKey);
        tally.record(method, path, answer, (System.nanoTime() - begin) / 1_000_000);
        return answer;
    }

    private Answer exchange(String method, String path, String token, Object body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response.body(),
                    response.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            return new Answer(0, MissingNode.getInstance(), e.toString(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, MissingNode.getInstance(), "interrupted", Optional.empty());
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
    }
}
