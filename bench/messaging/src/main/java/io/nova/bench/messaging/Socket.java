package io.nova.bench.messaging;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One client socket on /ws (the JDK's WebSocket client: one selector for thousands of sockets, where a
 * thread-per-socket client could not hold 10,000 on this machine). Hands every server frame to a consumer and
 * keeps itself alive with the protocol's ping.
 */
final class Socket implements WebSocket.Listener {

    private final Consumer<JsonNode> frames;
    private final CompletableFuture<JsonNode> hello = new CompletableFuture<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile CompletableFuture<WebSocket> lastPing = CompletableFuture.completedFuture(null);

    private Socket(Consumer<JsonNode> frames) {
        this.frames = frames;
    }

    static CompletableFuture<Socket> open(HttpClient http, URI ws, String token, Consumer<JsonNode> frames) {
        Socket socket = new Socket(frames);
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .buildAsync(ws, socket)
                .thenCompose(webSocket -> socket.hello)
                .thenApply(hello -> socket);
    }

    JsonNode hello() {
        return hello.join();
    }

    boolean isOpen() {
        return !closed.isDone();
    }

    String closeReason() {
        return closed.getNow(null);
    }

    /** Sends the protocol's ping unless the previous one is still on its way. */
    void ping() {
        WebSocket webSocket = socket;
        if (webSocket != null && isOpen() && lastPing.isDone()) {
            lastPing = webSocket.sendText("{\"type\":\"ping\"}", true);
        }
    }

    /** Asks for the live events from now on (after the hello's last event id); nothing flows before a resume. */
    void resumeFromNow() {
        String last = hello().path("data").path("last_event_id").asText("0-0");
        socket.sendText("{\"type\":\"resume\",\"after_event_id\":\"" + last + "\"}", true).join();
    }

    void close() {
        WebSocket webSocket = socket;
        if (webSocket != null && isOpen()) {
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                JsonNode frame = NovaApi.JSON.readTree(text);
                if ("hello".equals(frame.path("type").asText())) {
                    // Nothing flows until the client says where to start (docs/api-realtime.md): from now.
                    String newest = frame.path("data").path("last_event_id").asText("0-0");
                    webSocket.sendText("{\"type\":\"resume\",\"after_event_id\":\"" + newest + "\"}", true);
                    hello.complete(frame);
                } else {
                    frames.accept(frame);
                }
            } catch (IOException e) {
                System.err.println("bench: a frame that is not JSON: " + text);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        hello.completeExceptionally(new IOException("closed before hello: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete("error " + error);
        hello.completeExceptionally(error);
    }
}
