package io.nova.bench.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** The few REST calls the benchmark makes, through the gateway like any client. */
final class NovaApi {

    /** A signed-up user: the id others address and the access token its sockets and sends carry. */
    record Account(String id, String token) {
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    /** Where messages are sent and sockets opened: the gateway too by default, or messaging-service itself. */
    private final URI messagingBase;
    private final HttpClient http;
    /**
     * Requests in flight at once. The JDK client opens a connection for every request in flight; unbounded, a
     * slowing server is answered with thousands of new connections until descriptors run out. A send that waits
     * here is late, and its latency still runs from its intended time.
     */
    private final Semaphore inFlight;
    private final LeanPoster poster;

    NovaApi(URI base, URI messagingBase, int maxInFlight) {
        this.base = base;
        this.messagingBase = messagingBase;
        this.inFlight = new Semaphore(maxInFlight);
        this.poster = new LeanPoster(messagingBase, maxInFlight);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpClient http() {
        return http;
    }

    URI base() {
        return base;
    }

    URI messagingBase() {
        return messagingBase;
    }

    Account register(String run, int n) throws IOException, InterruptedException {
        String name = "mb" + run + "_" + n;
        ObjectNode body = JSON.createObjectNode().put("email", name + "@bench.example").put("username", name)
                .put("password", "bench password " + run);
        JsonNode registered = call("POST", "/api/v1/auth/register", null, body, 201);
        return new Account(registered.path("user").path("id").asText(), registered.path("access_token").asText());
    }

    /** The direct conversation of two users (created, or the existing one). */
    String directConversation(Account from, Account to) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("member_ids").add(to.id());
        JsonNode conversation = call("POST", "/api/v1/conversations", from.token(), body, 0);
        return conversation.path("id").asText();
    }

    /**
     * Sends without waiting: the fixed-rate schedule must not wait for answers (coordinated omission). The answer's
     * status; sent on {@link LeanPoster}'s connections (as many as requests may be in flight).
     */
    CompletableFuture<Integer> send(Account from, String conversationId, String text) {
        ObjectNode body = JSON.createObjectNode().put("text", text);
        return poster.post(messagingBase.resolve("/api/v1/conversations/" + conversationId + "/messages").getRawPath(),
                body.toString(), "Authorization", "Bearer " + from.token(),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    /** bench/floor's messaging floor: {@code pairs} new conversations, each {conversation, a, b}. */
    JsonNode floorSetup(int pairs) throws IOException, InterruptedException {
        return call("POST", "/floor/setup?pairs=" + pairs, null, JSON.createObjectNode(), 200);
    }

    /** A public post of {@code author}'s (content-service, through the gateway); its id. */
    String post(Account author, String text) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("text", text).put("visibility", "public");
        return call("POST", "/api/v1/posts", author.token(), body, 201).path("id").asText();
    }

    /** Likes a post without waiting, like {@link #send}: the schedule must not wait for answers. */
    CompletableFuture<HttpResponse<String>> like(Account who, String postId) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/posts/" + postId + "/like"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + who.token())
                .PUT(HttpRequest.BodyPublishers.noBody()).build();
        return bounded(request);
    }

    private CompletableFuture<HttpResponse<String>> bounded(HttpRequest request) {
        inFlight.acquireUninterruptibly();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> inFlight.release());
    }

    /** A blocking call for setup; {@code expected} 0 accepts any 2xx. */
    private JsonNode call(String method, String path, String token, JsonNode body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        boolean ok = expected == 0 ? response.statusCode() / 100 == 2 : response.statusCode() == expected;
        if (!ok) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
