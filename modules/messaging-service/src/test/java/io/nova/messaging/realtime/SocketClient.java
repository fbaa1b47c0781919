package io.nova.messaging.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** A test's WebSocket client (Java-WebSocket): every frame it receives, parsed, and how the socket closed. */
public class SocketClient extends WebSocketClient {

    static final ObjectMapper JSON = new ObjectMapper();

    final LinkedBlockingDeque<JsonNode> frames = new LinkedBlockingDeque<>();
    /** When each event frame arrived (System.nanoTime), by its id. */
    final java.util.Map<String, Long> arrivals = new java.util.concurrent.ConcurrentHashMap<>();
    /** The frames {@link #collect} passed over, in order. */
    public final List<JsonNode> skipped = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile int closeCode;
    volatile String closeReason;
    /** While set and not counted down, the client stops reading: a reader that cannot keep up. */
    volatile CountDownLatch gate;
    /** When false, the client ignores the server's WebSocket pings (a silent, half-dead client). */
    volatile boolean answerPings = true;

    private SocketClient(URI uri, Draft_6455 draft, Map<String, String> headers) {
        super(uri, draft, headers, 10_000);
        setConnectionLostTimeout(0);
    }

    /** Authenticated by the Authorization header. */
    public static SocketClient withHeader(URI uri, String token) {
        return new SocketClient(uri, new Draft_6455(), Map.of("Authorization", "Bearer " + token));
    }

    /** Authenticated the browser's way: subprotocols only. */
    static SocketClient withSubprotocols(URI uri, String... protocols) {
        List<IProtocol> offered = new ArrayList<>();
        for (String protocol : protocols) {
            offered.add(new Protocol(protocol));
        }
        return new SocketClient(uri, new Draft_6455(List.of(), offered), Map.of());
    }

    /** Connects and returns the hello frame, which must be the first. */
    public JsonNode open() throws InterruptedException {
        assertThat(connectBlocking(10, TimeUnit.SECONDS)).as("connected").isTrue();
        JsonNode hello = next(Duration.ofSeconds(5));
        assertThat(hello.path("type").asText()).as(hello.toString()).isEqualTo("hello");
        return hello;
    }

    /**
     * Connects, then resumes after the hello's last_event_id: from now on. An event that reached the user's log
     * between the hello and the resume (say, of a conversation the test just created) is replayed before
     * {@code resumed}, as the protocol says; such events stay queued, in order, ahead of everything later.
     */
    public JsonNode openFromNow() throws InterruptedException {
        JsonNode hello = open();
        resume(hello.path("data").path("last_event_id").asText());
        List<JsonNode> replayed = new ArrayList<>();
        for (JsonNode frame = next(Duration.ofSeconds(10)); !"resumed".equals(frame.path("type").asText());
             frame = next(Duration.ofSeconds(10))) {
            // Events carry their log id; control frames (hello, pong, resync_required …) have none.
            assertThat(frame.path("id").isTextual()).as("only replayed events before resumed: " + frame).isTrue();
            replayed.add(frame);
        }
        for (int i = replayed.size() - 1; i >= 0; i--) {
            frames.offerFirst(replayed.get(i));
        }
        return hello;
    }

    void resume(String afterEventId) {
        send("{\"type\":\"resume\",\"after_event_id\":\"" + afterEventId + "\"}");
    }

    /** The next frame, failing the test if none comes in time. */
    public JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(frame).as("a frame within " + timeout + " (closed: " + closeCode + " " + closeReason + ")")
                .isNotNull();
        return frame;
    }

    /** The next frame, which must be of {@code type}. */
    public JsonNode expect(String type) throws InterruptedException {
        JsonNode frame = next(Duration.ofSeconds(10));
        assertThat(frame.path("type").asText()).as(frame.toString()).isEqualTo(type);
        return frame;
    }

    /** Frames matching {@code which} until {@code count} have come or {@code timeout} passed (others: skipped). */
    public List<JsonNode> collect(Predicate<JsonNode> which, int count, Duration timeout) throws InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (found.size() < count) {
            long left = deadline - System.nanoTime();
            JsonNode frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            if (frame == null) {
                break;
            }
            if (which.test(frame)) {
                found.add(frame);
            } else {
                skipped.add(frame);
            }
        }
        return found;
    }

    /** Nothing at all arrives for {@code quiet}. */
    public void assertQuietFor(Duration quiet) throws InterruptedException {
        JsonNode frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(frame).as("no frame expected").isNull();
    }

    /** Lets a held reader go and closes, waiting at most a few seconds: a test's clean-up must never hang. */
    public void shutdown() throws InterruptedException {
        CountDownLatch held = gate;
        if (held != null) {
            held.countDown();
        }
        if (closed.getCount() > 0) {
            close();
            if (!closed.await(5, TimeUnit.SECONDS)) {
                closeConnection(1006, "test over");
            }
        }
    }

    int awaitClose(Duration timeout) throws InterruptedException {
        assertThat(closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("closed within " + timeout).isTrue();
        return closeCode;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    /** A client whose socket takes little at a time: the server's writes block soon once it stops reading. */
    SocketClient withSmallReceiveBuffer() {
        setSocketFactory(new javax.net.SocketFactory() {
            @Override
            public java.net.Socket createSocket() throws java.net.SocketException {
                java.net.Socket socket = new java.net.Socket();
                socket.setReceiveBufferSize(8 * 1024);
                return socket;
            }

            @Override
            public java.net.Socket createSocket(String host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.Socket createSocket(java.net.InetAddress host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress local,
                                                int localPort) {
                throw new UnsupportedOperationException();
            }
        });
        return this;
    }

    /** Every event frame already received, without waiting. */
    List<JsonNode> drainEvents() {
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode frame = frames.poll(); frame != null; frame = frames.poll()) {
            if (Frames.events().test(frame)) {
                events.add(frame);
            }
        }
        return events;
    }

    @Override
    public void onMessage(String message) {
        CountDownLatch closedGate = gate;
        if (closedGate != null) {
            try {
                closedGate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long now = System.nanoTime();
        try {
            JsonNode frame = JSON.readTree(message);
            if (frame.path("id").isTextual()) {
                arrivals.put(frame.path("id").asText(), now);
            }
            frames.add(frame);
        } catch (IOException e) {
            throw new UncheckedIOException("the server sent a frame that is not JSON: " + message, e);
        }
    }

    @Override
    public void onWebsocketPing(org.java_websocket.WebSocket conn, Framedata ping) {
        if (answerPings) {
            super.onWebsocketPing(conn, ping);
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeCode = code;
        closeReason = reason;
        closed.countDown();
    }

    @Override
    public void onError(Exception ex) {
    }
}
