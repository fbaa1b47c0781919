package io.nova.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.messaging.realtime.SocketClient;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import org.junit.jupiter.api.AfterEach;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of the calls tests: the real stack ({@link RunningMessagingStack}) with this class's own realtime keys
 * and fan-out consumer group, real sockets for real users (closed after each test), and the calls API.
 */
abstract class RunningCallStack extends RunningMessagingStack {

    static final String OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
    static final String ANSWER = "v=0\r\no=- 1902427263 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
    /** How long a frame may take: through the outbox, Kafka and Redis on a busy machine. */
    static final Duration FRAME_WAIT = Duration.ofSeconds(20);

    private final List<SocketClient> sockets = new ArrayList<>();

    /** The class's calls settings (keys under {@code calls.}). */
    protected Map<String, String> callSettings() {
        return Map.of();
    }

    @Override
    protected final Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        String prefix = getClass().getSimpleName().toLowerCase() + "-" + ProcessHandle.current().pid();
        settings.put("realtime.keyPrefix", "test:" + prefix + ":rt:");
        settings.put("realtime.fanOutConsumer", "fanout-" + prefix);
        callSettings().forEach((key, value) -> settings.put("calls." + key, value));
        return settings;
    }

    @AfterEach
    final void closeSockets() throws InterruptedException {
        for (SocketClient socket : sockets) {
            socket.shutdown();
        }
        sockets.clear();
    }

    /** A socket of {@code person}'s, connected and resumed from now: it gets every event from here on. */
    protected SocketClient socket(People.Person person) throws InterruptedException {
        SocketClient socket = SocketClient.withHeader(URI.create("ws://127.0.0.1:" + messaging.httpPort() + "/ws"),
                person.token());
        sockets.add(socket);
        socket.openFromNow();
        return socket;
    }

    /** The next frame of {@code type} about {@code call} (others are passed over). */
    protected static JsonNode frame(SocketClient socket, String type, String call) throws InterruptedException {
        List<JsonNode> found = socket.collect(frame -> type.equals(frame.path("type").asText())
                && call.equals(callIdOf(frame)), 1, FRAME_WAIT);
        assertThat(found).as(type + " of call " + call).hasSize(1);
        return found.get(0).path("data");
    }

    private static String callIdOf(JsonNode frame) {
        JsonNode data = frame.path("data");
        return data.has("call") ? data.path("call").path("id").asText() : data.path("call_id").asText();
    }

    protected HttpResponse<String> startCall(People.Person caller, String conversation, String kind, String sdp) {
        return http.send("POST", "/api/v1/calls", caller.token(),
                ApiClient.body("conversation_id", conversation, "kind", kind, "sdp", sdp));
    }

    /** Starts a call and returns it (201). */
    protected JsonNode call(People.Person caller, String conversation) {
        HttpResponse<String> response = startCall(caller, conversation, "audio", OFFER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response);
    }

    protected HttpResponse<String> act(People.Person who, String call, String action) {
        return http.send("POST", "/api/v1/calls/" + call + "/" + action, who.token(), null);
    }

    protected HttpResponse<String> answer(People.Person who, String call, String sdp) {
        return http.send("POST", "/api/v1/calls/" + call + "/answer", who.token(), ApiClient.body("sdp", sdp));
    }

    protected HttpResponse<String> candidates(People.Person who, String call, Object candidates) {
        return http.send("POST", "/api/v1/calls/" + call + "/candidates", who.token(),
                ApiClient.body("candidates", candidates));
    }

    /** One ICE candidate as a browser's {@code RTCIceCandidate.toJSON()} gives it. */
    protected static Map<String, Object> candidate(int port) {
        return Map.of("candidate", "candidate:1 1 udp 2122260223 192.0.2.1 " + port + " typ host",
                "sdpMid", "0", "sdpMLineIndex", 0);
    }

    protected static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }
}
