package io.nova.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The world the fuzzer attacks, made through the public API only: the owner ("A") with a public post, a
 * followers-only post, a comment, a group conversation with a peer ("C") holding a message and a ringing call, a
 * pending upload and the notifications C's activity gives A; and the attackers ("B…"), who own none of it.
 */
final class FuzzTargets {

    /** A signed-up user and their tokens. */
    record Account(String label, String id, String username, String accessToken, String refreshToken) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final Account owner;
    final Account peer;
    final List<Account> attackers;
    /** Signs out on the fuzzer's logout requests, so the attackers keep their sessions. */
    final Account sacrificial;
    /** A's ids (and the users') by kind: post, comment, conversation, message, call, upload, user, emoji. */
    final Map<String, List<String>> idsByKind = new LinkedHashMap<>();
    /**
     * Ids of A's that nobody else may see, with their kind: naming one where that kind is asked for must never
     * succeed, and no answer to another may hold one. (A conversation's id where a post's is expected names no
     * post: an idempotent unbookmark of it answers 200 as for any unknown id, and that is no trespass.)
     */
    final Map<String, String> privateKinds = new LinkedHashMap<>();
    final Set<String> privateIds = privateKinds.keySet();
    /** Texts only A's private resources hold. */
    final List<String> secrets = List.of("fuzz-secret-message-7f3a", "fuzz-secret-group-91c2");
    final String publicPost;
    final String followersPost;
    final String comment;

    private final HttpClient http;
    private final URI gateway;

    private FuzzTargets(HttpClient http, URI gateway, int attackerCount) throws Exception {
        this.http = http;
        this.gateway = gateway;
        String run = Long.toString(System.nanoTime(), 36);
        owner = register("A", "fz_a_" + run);
        peer = register("C", "fz_c_" + run);
        sacrificial = register("S", "fz_s_" + run);
        List<Account> list = new ArrayList<>();
        for (int i = 0; i < attackerCount; i++) {
            list.add(register("B" + i, "fz_b" + i + "_" + run));
        }
        attackers = List.copyOf(list);

        publicPost = create(owner, "/api/v1/posts", "{\"text\":\"hello from A #fuzz\"}").path("id").asText();
        followersPost = create(owner, "/api/v1/posts", "{\"text\":\"for followers\",\"visibility\":\"followers\"}")
                .path("id").asText();
        comment = create(owner, "/api/v1/posts/" + publicPost + "/comments", "{\"text\":\"A's own comment\"}")
                .path("id").asText();
        String conversation = create(owner, "/api/v1/conversations",
                "{\"member_ids\":[\"" + peer.id() + "\"],\"name\":\"" + secrets.get(1) + "\"}").path("id").asText();
        String message = create(owner, "/api/v1/conversations/" + conversation + "/messages",
                "{\"text\":\"" + secrets.get(0) + "\"}").path("id").asText();
        String call = create(owner, "/api/v1/calls", "{\"conversation_id\":\"" + conversation
                + "\",\"kind\":\"audio\",\"sdp\":\"v=0\\r\\no=- 1 1 IN IP4 127.0.0.1\\r\\n\"}").path("id").asText();
        String upload = create(owner, "/api/v1/uploads",
                "{\"filename\":\"a.png\",\"content_type\":\"image/png\",\"size_bytes\":1024,\"purpose\":\"image\"}")
                .path("upload_id").asText();

        // C's activity gives A notifications (a like, a comment, a message while A is away).
        send("PUT", "/api/v1/relationships/following/" + owner.id(), peer, null);
        send("PUT", "/api/v1/posts/" + publicPost + "/like", peer, null);
        create(peer, "/api/v1/posts/" + publicPost + "/comments", "{\"text\":\"C was here\"}");
        create(peer, "/api/v1/conversations/" + conversation + "/messages", "{\"text\":\"reply from C\"}");

        // Opens user-service's channel to media-service (the avatar check) before the fuzzing does: its first call
        // on a cold JVM can miss the 2 s deadline, which is an outage answer (503), not one about the input.
        for (int attempt = 0; attempt < 10; attempt++) {
            HttpResponse<String> warm = http.send(request("/api/v1/users/me", sacrificial).method("PATCH",
                    HttpRequest.BodyPublishers.ofString("{\"avatar_media_id\":\"" + java.util.UUID.randomUUID()
                            + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (warm.statusCode() != 503) {
                break;
            }
            Thread.sleep(1000);
        }

        idsByKind.put("post", List.of(publicPost, followersPost));
        idsByKind.put("comment", List.of(comment));
        idsByKind.put("conversation", List.of(conversation));
        idsByKind.put("message", List.of(message));
        idsByKind.put("call", List.of(call));
        idsByKind.put("upload", List.of(upload));
        List<String> users = new ArrayList<>(List.of(owner.id(), peer.id(), sacrificial.id()));
        attackers.forEach(attacker -> users.add(attacker.id()));
        idsByKind.put("user", List.copyOf(users));
        idsByKind.put("emoji", List.of("👍", "❤️", "😂"));
        privateKinds.put(conversation, "conversation");
        privateKinds.put(message, "message");
        privateKinds.put(call, "call");
        privateKinds.put(upload, "upload");
        notificationIds().forEach(id -> privateKinds.put(id, "notification"));
    }

    static FuzzTargets create(HttpClient http, URI gateway, int attackerCount) throws Exception {
        return new FuzzTargets(http, gateway, attackerCount);
    }

    /** Whether {@code id} is one of A's private ids of that kind. */
    boolean isPrivate(String id, String kind) {
        return kind.equals(privateKinds.get(id));
    }

    /** Every id of A's, of whatever kind. */
    List<String> allIds() {
        List<String> all = new ArrayList<>();
        idsByKind.forEach((kind, ids) -> {
            if (!kind.equals("emoji")) {
                all.addAll(ids);
            }
        });
        all.addAll(privateIds);
        return all;
    }

    /** A's notifications arrive through Kafka: wait a little for them, and take what is there. */
    private List<String> notificationIds() throws Exception {
        List<String> ids = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode page = send("GET", "/api/v1/notifications", owner, null);
            ids.clear();
            page.path("items").forEach(item -> ids.add(item.path("id").asText()));
            if (ids.size() >= 2) {
                break;
            }
            Thread.sleep(500);
        }
        System.out.printf("fuzz: A has %d notification(s) to protect%n", ids.size());
        return ids;
    }

    private Account register(String label, String username) throws Exception {
        HttpResponse<String> response = http.send(request("/api/v1/auth/register", null)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + username + "@example.com\",\"username\":\""
                        + username + "\",\"password\":\"correct horse battery staple\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("register %s: %s", username, response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        return new Account(label, body.path("user").path("id").asText(), username,
                body.path("access_token").asText(), body.path("refresh_token").asText());
    }

    /**
     * Creates with an Idempotency-Key, retried while a service just started answers 503 (its first gRPC calls can
     * miss their deadline before the JIT warms up): the same key makes the retry create nothing twice.
     */
    private JsonNode create(Account caller, String path, String json) throws Exception {
        String key = "fuzz-setup-" + System.nanoTime();
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            response = http.send(request(path, caller).header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 503) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(response.statusCode()).as("POST %s as %s: %s", path, caller.label(), response.body())
                .isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    private JsonNode send(String method, String path, Account caller, String json) throws Exception {
        HttpResponse<String> response = http.send(request(path, caller).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, caller.label(), response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path, Account caller) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        return caller == null ? builder : builder.header("Authorization", "Bearer " + caller.accessToken());
    }

}
