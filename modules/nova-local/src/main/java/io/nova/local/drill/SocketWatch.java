package io.nova.local.drill;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One member's realtime socket, held through the drills the way an app holds it: {@code resume} from the last event
 * it processed after every reconnect, a ping well inside the heartbeat interval. It counts each
 * {@code message.created} it receives by message id — the check wants every acknowledged message exactly once — and
 * notes what would make that impossible to promise: an event id that did not increase, or {@code resync_required}
 * (the server saying plainly that the client must reload).
 */
final class SocketWatch implements AutoCloseable {

    private static final long RECONNECT_MILLIS = 500;
    private static final long PING_SECONDS = 10;

    private final URI endpoint;
    private final Supplier<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drill-socket");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Integer> messages = new HashMap<>();
    private String lastEventId;
    private long lastMillis = -1;
    private long lastSequence = -1;
    private int connections;
    private int resyncs;
    private int outOfOrder;
    private volatile WebSocket socket;
    private volatile boolean closed;

    SocketWatch(URI gateway, Supplier<String> token) {
        this.endpoint = URI.create(gateway.toString().replaceFirst("^http", "ws") + "/ws");
        this.token = token;
        connect();
        timer.scheduleAtFixedRate(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    private void connect() {
        if (closed) {
            return;
        }
        http.newWebSocketBuilder().header("Authorization", "Bearer " + token.get())
                .buildAsync(endpoint, new Listener())
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        timer.schedule(this::connect, RECONNECT_MILLIS, TimeUnit.MILLISECONDS);
                    } else {
                        socket = ws;
                    }
                });
    }

    private void ping() {
        WebSocket current = socket;
        if (current != null && !current.isOutputClosed()) {
            current.sendText("{\"type\":\"ping\"}", true);
        }
    }

    private synchronized void onFrame(WebSocket ws, JsonNode frame) {
        String type = frame.path("type").asText();
        switch (type) {
            case "hello" -> {
                connections++;
                String after = lastEventId != null ? lastEventId : frame.path("data").path("last_event_id").asText();
                ws.sendText("{\"type\":\"resume\",\"after_event_id\":\"" + after + "\"}", true);
            }
            case "resync_required" -> resyncs++;
            default -> {
                if (!frame.path("id").isTextual()) {
                    return;
                }
                String id = frame.path("id").asText();
                String[] parts = id.split("-");
                long millis = Long.parseLong(parts[0]);
                long sequence = Long.parseLong(parts[1]);
                if (millis < lastMillis || (millis == lastMillis && sequence <= lastSequence)) {
                    outOfOrder++;
                    return;
                }
                lastMillis = millis;
                lastSequence = sequence;
                lastEventId = id;
                if (type.equals("message.created")) {
                    messages.merge(frame.path("data").path("id").asText(), 1, Integer::sum);
                }
            }
        }
    }

    /** How many times the message came over the socket. */
    synchronized int timesReceived(String messageId) {
        return messages.getOrDefault(messageId, 0);
    }

    synchronized int connections() {
        return connections;
    }

    /** {@code resync_required} frames since the last {@link #nextDrill}. */
    synchronized int resyncs() {
        return resyncs;
    }

    synchronized void nextDrill() {
        resyncs = 0;
    }

    synchronized int outOfOrder() {
        return outOfOrder;
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    onFrame(ws, DrillClient.JSON.readTree(partial.toString()));
                } catch (java.io.IOException e) {
                    // Not JSON: the server never sends that; nothing to count.
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            timer.schedule(SocketWatch.this::connect, RECONNECT_MILLIS, TimeUnit.MILLISECONDS);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            timer.schedule(SocketWatch.this::connect, RECONNECT_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
