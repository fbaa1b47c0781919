package io.nova.local;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket.Listener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's part of the WebSocket upgrade on /ws, with the real route table: the frames relayed both ways as
 * they are, and the forwarding headers the backend sees. The backend here is a tiny echo server (Java-WebSocket)
 * because only it can say which headers arrived; the real /ws of messaging-service through the gateway is proven
 * by {@link LocalPlatformEndToEndTest}. The other services point at a port nothing listens on, which also shows
 * the answer for a backend that is down.
 */
class GatewayWebSocketTest {

    private static EchoServer echo;
    private static Gateway gateway;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        echo = new EchoServer(new InetSocketAddress("127.0.0.1", LocalPlatform.freePort()));
        echo.start();
        assertThat(echo.started.await(10, TimeUnit.SECONDS)).isTrue();
        InetSocketAddress nobody = new InetSocketAddress("127.0.0.1", LocalPlatform.freePort());
        IngressFragments fragments = IngressFragments.read(Repository.root());
        gateway = Gateway.start(fragments.routes(), fragments.policy(List.of("*")), Map.of(
                "messaging-service", new InetSocketAddress("127.0.0.1", echo.getPort()),
                "user-service", nobody, "content-service", nobody, "media-service", nobody), 0);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        echo.stop(1000);
    }

    @Test
    void relaysTheUpgradeAndFramesBothWays() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        java.net.http.WebSocket socket = HTTP.newWebSocketBuilder()
                .header("Origin", "http://app.test")
                .buildAsync(URI.create("ws://127.0.0.1:" + gateway.port() + "/ws"), new Listener() {
                    @Override
                    public CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                        received.add(data.toString());
                        ws.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);

        socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("echo: hello");
        // The server speaks first too: a push that did not answer anything.
        socket.sendText("push", true).get(5, TimeUnit.SECONDS);
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("echo: push");
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("pushed by the server");

        assertThat(echo.path.get()).isEqualTo("/ws");
        assertThat(echo.forwardedFor.get()).isEqualTo("127.0.0.1");
        assertThat(echo.realIp.get()).isEqualTo("127.0.0.1");
        socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    @Test
    void aBackendThatIsDownIsAJson503() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/posts")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).contains("\"error\":\"service_unavailable\"").contains("content-service");
    }

    @Test
    void onlyTheExactPathIsTheSocket() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + "/ws/other")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"not_found\",\"message\":\"no route for /ws/other\"}");
    }

    static final class EchoServer extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicReference<String> path = new AtomicReference<>();
        final AtomicReference<String> forwardedFor = new AtomicReference<>();
        final AtomicReference<String> realIp = new AtomicReference<>();

        EchoServer(InetSocketAddress address) {
            super(address);
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            path.set(handshake.getResourceDescriptor());
            forwardedFor.set(handshake.getFieldValue("X-Forwarded-For"));
            realIp.set(handshake.getFieldValue("X-Real-IP"));
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            conn.send("echo: " + message);
            if (message.equals("push")) {
                conn.send("pushed by the server");
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
