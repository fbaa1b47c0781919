package io.nova.messaging.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.testing.TestIdentity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nova.messaging.realtime.Frames.assertWellFormedAndIncreasing;
import static io.nova.messaging.realtime.Frames.events;
import static io.nova.messaging.realtime.Frames.numbers;
import static io.nova.messaging.realtime.Frames.range;
import static org.assertj.core.api.Assertions.assertThat;

/** The socket's protocol on one replica: authentication, hello, delivery, resume, typing. */
class RealtimeSocketTest extends RealtimeServiceTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @Override
    protected Map<String, String> realtimeSettings() {
        return Map.of("heartbeatInterval", "1s");
    }

    @Test
    void anUpgradeWithoutATokenIsRefused401InTheErrorFormat() throws Exception {
        String response = RawUpgrade.send(service.httpPort(), "");

        assertThat(response).startsWith("HTTP/1.1 401 ");
        assertThat(response).containsIgnoringCase("WWW-Authenticate: Bearer");
        assertThat(response).contains("{\"error\":\"unauthorized\",\"message\":\"A valid access token is required\"}");
    }

    @Test
    void badExpiredAndForeignTokensAreRefused401() throws Exception {
        String user = UUID.randomUUID().toString();
        for (String token : List.of("not-a-token", TestIdentity.accessToken(user, Duration.ofMinutes(-5)),
                TestIdentity.accessToken(user) + "x")) {
            assertThat(RawUpgrade.send(service.httpPort(), "Authorization: Bearer " + token + "\r\n"))
                    .startsWith("HTTP/1.1 401 ");
            assertThat(RawUpgrade.send(service.httpPort(),
                    "Sec-WebSocket-Protocol: nova.v1, bearer." + token + "\r\n")).startsWith("HTTP/1.1 401 ");
        }
    }

    @Test
    void aTokenSubprotocolWithoutNovaV1IsRefused400() throws Exception {
        String token = TestIdentity.accessToken(UUID.randomUUID().toString());
        String response = RawUpgrade.send(service.httpPort(), "Sec-WebSocket-Protocol: bearer." + token + "\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 ").contains("\"error\":\"unsupported_subprotocol\"");
    }

    @Test
    void aPlainGetIs400() {
        var response = service.get("/ws");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"upgrade_required\"");
    }

    @Test
    void aMalformedUpgradeIs400NotAServerError() throws Exception {
        String token = TestIdentity.accessToken(UUID.randomUUID().toString());
        for (String head : List.of(
                "Connection: Upgrade, close\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n",
                "Connection: Upgrade, close\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 8\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n",
                "Connection: close\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n")) {
            String response = RawUpgrade.sendHead(service.httpPort(), head + "Authorization: Bearer " + token + "\r\n");
            assertThat(response).as(head).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/json")
                    .containsPattern("\\{\"error\":\"(invalid_upgrade|bad_request)\",\"message\":\"[^\"]+\"}");
        }
    }

    @Test
    void theHeaderTokenOpensASocketThatSaysHelloFirst() throws Exception {
        JsonNode hello = client(UUID.randomUUID().toString()).open();

        assertThat(hello.path("id").isNull()).isTrue();
        assertThat(hello.path("data").path("heartbeat_interval_ms").asLong()).isEqualTo(1000);
        assertThat(hello.path("data").path("last_event_id").asText()).isEqualTo("0-0");
    }

    @Test
    void theSubprotocolTokenOpensASocketAndTheServerSelectsNovaV1() throws Exception {
        String token = TestIdentity.accessToken(UUID.randomUUID().toString());
        SocketClient browser = track(SocketClient.withSubprotocols(socketUri(service.httpPort()),
                "nova.v1", "bearer." + token));

        browser.open();

        assertThat(browser.getProtocol().getProvidedProtocol()).isEqualTo("nova.v1");
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
        SocketClient socket = client(UUID.randomUUID().toString());
        socket.open();

        socket.send("{\"type\":\"ping\"}");

        JsonNode pong = socket.expect("pong");
        assertThat(pong.has("id")).isTrue();
        assertThat(pong.path("data").isObject()).isTrue();
    }

    @Test
    void eventsReachEachRecipientOnceInOrderAndNobodyElse() throws Exception {
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        SocketClient first = client(one.toString());
        SocketClient second = client(other.toString());
        SocketClient outsider = client(UUID.randomUUID().toString());
        first.openFromNow();
        second.openFromNow();
        outsider.openFromNow();

        outbox.raise(UUID.randomUUID(), List.of(one, other), 1, 25);

        for (SocketClient socket : List.of(first, second)) {
            List<JsonNode> received = socket.collect(events(), 25, DELIVERY);
            assertThat(numbers(received)).isEqualTo(range(1, 25));
            assertWellFormedAndIncreasing(received);
            assertThat(received.get(0).path("data").has("conversation_id")).isTrue();
        }
        first.assertQuietFor(Duration.ofMillis(500));
        outsider.assertQuietFor(Duration.ofMillis(200));
    }

    @Test
    void nothingFlowsBeforeResumeAndResumeAfterHelloMissesNothing() throws Exception {
        UUID user = UUID.randomUUID();
        UUID watcher = UUID.randomUUID();
        SocketClient late = client(user.toString());
        SocketClient live = client(watcher.toString());
        JsonNode hello = late.open();
        live.openFromNow();

        outbox.raise(UUID.randomUUID(), List.of(user, watcher), 1, 3);
        assertThat(numbers(live.collect(events(), 3, DELIVERY))).isEqualTo(range(1, 3));
        late.assertQuietFor(Duration.ofMillis(300));

        late.resume(hello.path("data").path("last_event_id").asText());
        assertThat(numbers(late.collect(events(), 3, DELIVERY))).isEqualTo(range(1, 3));
        late.expect("resumed");
    }

    @Test
    void aResumeAfterADropReplaysExactlyWhatWasMissed() throws Exception {
        UUID user = UUID.randomUUID();
        UUID watcher = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        SocketClient live = client(watcher.toString());
        live.openFromNow();
        SocketClient before = client(user.toString());
        before.openFromNow();
        outbox.raise(conversation, List.of(user, watcher), 1, 10);
        List<JsonNode> seen = before.collect(events(), 10, DELIVERY);
        assertThat(numbers(seen)).isEqualTo(range(1, 10));
        before.closeBlocking();

        outbox.raise(conversation, List.of(user, watcher), 11, 20);
        assertThat(live.collect(events(), 20, DELIVERY)).hasSize(20);

        SocketClient after = client(user.toString());
        after.open();
        after.resume(seen.get(9).path("id").asText());
        List<JsonNode> replayed = after.collect(events(), 10, DELIVERY);
        assertThat(numbers(replayed)).isEqualTo(range(11, 20));
        assertWellFormedAndIncreasing(replayed);
        JsonNode resumed = after.expect("resumed");
        assertThat(resumed.path("data").path("last_event_id").asText()).isEqualTo(replayed.get(9).path("id").asText());

        // A second resume on the same socket, from the middle: the rest again, in order, then resumed.
        after.resume(seen.get(4).path("id").asText());
        assertThat(numbers(after.collect(events(), 15, DELIVERY))).isEqualTo(range(6, 20));
        after.expect("resumed");
        after.assertQuietFor(Duration.ofMillis(300));
    }

    @Test
    void typingReachesTheOtherMembersOnlyAndIsNotLogged() throws Exception {
        UUID typist = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID outsider = UUID.randomUUID();
        UUID former = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        members(conversation, typist, member, former);
        left(conversation, former);
        SocketClient typing = client(typist.toString());
        SocketClient listening = client(member.toString());
        SocketClient stranger = client(outsider.toString());
        SocketClient gone = client(former.toString());
        typing.openFromNow();
        listening.openFromNow();
        stranger.openFromNow();
        gone.openFromNow();

        typing.send("{\"type\":\"typing\",\"conversation_id\":\"" + conversation + "\"}");

        JsonNode signal = listening.expect("typing");
        assertThat(signal.path("id").isNull()).isTrue();
        assertThat(signal.path("data").path("conversation_id").asText()).isEqualTo(conversation.toString());
        assertThat(signal.path("data").path("user_id").asText()).isEqualTo(typist.toString());
        typing.assertQuietFor(Duration.ofMillis(300));
        gone.assertQuietFor(Duration.ofMillis(300)); // a member who left is no longer told

        gone.send("{\"type\":\"typing\",\"conversation_id\":\"" + conversation + "\"}");
        assertThat(gone.expect("error").path("data").path("error").asText()).isEqualTo("not_found");
        stranger.send("{\"type\":\"typing\",\"conversation_id\":\"" + conversation + "\"}");
        JsonNode refused = stranger.expect("error");
        assertThat(refused.path("data").path("error").asText()).isEqualTo("not_found");
        listening.assertQuietFor(Duration.ofMillis(300));

        // Typing has no place in the log: a resume from the start replays nothing.
        SocketClient again = client(member.toString());
        again.open();
        again.resume("0-0");
        again.expect("resumed");
    }

    @Test
    void deliveryLatencyFromCommitToSocket() throws Exception {
        UUID user = UUID.randomUUID();
        SocketClient socket = client(user.toString());
        socket.openFromNow();

        outbox.raisePaced(UUID.randomUUID(), List.of(user), 1, 100, Duration.ofMillis(10));

        List<JsonNode> received = socket.collect(events(), 100, DELIVERY);
        assertThat(numbers(received)).isEqualTo(range(1, 100));
        List<Long> millis = received.stream().map(frame -> (socket.arrivals.get(frame.path("id").asText())
                - frame.path("data").path("raised_nanos").asLong()) / 1_000_000).sorted().toList();
        System.out.printf("commit-to-socket latency of 100 events, one every 10 ms (the relay woken by each commit): "
                + "p50 %d ms, p99 %d ms, max %d ms%n", millis.get(49), millis.get(98), millis.get(99));
    }

    @Test
    void metricsCountSocketsFramesAndResumes() throws Exception {
        SocketClient socket = client(UUID.randomUUID().toString());
        socket.openFromNow();

        assertThat(metric("io_nova_messaging_realtime_sockets_open")).isGreaterThanOrEqualTo(1);
        assertThat(metric("io_nova_messaging_realtime_frames_in_total")).isGreaterThanOrEqualTo(1);
        assertThat(metric("io_nova_messaging_realtime_frames_out_total")).isGreaterThanOrEqualTo(1);
        assertThat(metric("io_nova_messaging_realtime_resumes_total")).isGreaterThanOrEqualTo(1);
        assertThat(service.get("/metrics").body()).contains("io_nova_messaging_realtime_fanout_lag");
    }
}
