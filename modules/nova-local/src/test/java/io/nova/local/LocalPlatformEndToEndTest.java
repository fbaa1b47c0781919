package io.nova.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local platform as {@code ./nova local} runs it — embedded servers, the four real service jars as child
 * processes, the gateway — but on free ports and in a temporary data directory, so it never collides with a
 * running {@code ./nova local} or another build.
 */
class LocalPlatformEndToEndTest {

    @TempDir
    static Path data;

    private static LocalPlatform platform;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> STATUS = new ArrayList<>();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @BeforeAll
    static void start() {
        platform = LocalPlatform.start(LocalOptions.forTests(Repository.root(), data), STATUS::add);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyServiceIsReadyThroughTheGateway() throws Exception {
        HttpResponse<String> all = get("/_gateway/health");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).startsWith("{\"status\":\"ready\"");

        for (String service : List.of("user-service", "content-service", "media-service", "messaging-service")) {
            HttpResponse<String> ready = get("/_gateway/health/" + service);
            assertThat(ready.statusCode()).as(service + ": " + ready.body()).isEqualTo(200);
            assertThat(platform.services().get(service).httpPort())
                    .as("free ports, not the fixed ones").isNotEqualTo(ServiceJar.of(Repository.root(), service).httpPort());
        }
        System.out.printf("local platform ready in %d ms (embedded servers: %s)%n", platform.startMillis(),
                platform.platform().startMillis());
    }

    @Test
    void routesReachTheirService() throws Exception {
        // Without a token each service answers 401 in the kernel's error format, which the gateway never sends
        // (it has no notion of tokens): the request got to the service.
        for (String path : List.of("/api/v1/posts/p1", "/api/v1/users/u1", "/api/v1/uploads/m1")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(401);
            assertThat(response.body()).as(path).contains("\"error\":\"unauthorized\"").doesNotContain("no route");
            assertThat(response.headers().firstValue("Date")).as(path).isPresent();
        }
    }

    @Test
    void corsPreflightIsAnsweredLikeTheIngress() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/posts"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("GET, POST, PUT, PATCH, DELETE, OPTIONS");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
                .contains("Authorization", "Content-Type", "Idempotency-Key");
    }

    @Test
    void aDeclaredBodyOverOneHundredMegabytesIs413() throws Exception {
        // A raw socket: only the head is sent; the gateway must refuse on the declared length alone.
        try (Socket socket = new Socket("127.0.0.1", platform.gateway().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/uploads HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + (100L * 1024 * 1024 + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            String response = readAll(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 413 ");
            assertThat(response).endsWith("{\"error\":\"payload_too_large\",\"message\":\"request bodies are limited to 104857600 bytes\"}");
        }
    }

    @Test
    void anUnknownPathIsA404InTheApiErrorFormat() throws Exception {
        HttpResponse<String> response = get("/nowhere");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"not_found\",\"message\":\"no route for /nowhere\"}");
    }

    @Test
    void theRealtimeSocketIsServedByMessagingServiceThroughTheGateway() throws Exception {
        String name = "ws_" + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + name + "@example.com\",\"username\":\""
                        + name + "\",\"password\":\"correct horse battery\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String token = JSON.readTree(registered.body()).path("access_token").asText();

        // Without a token the service itself refuses the upgrade, and the gateway relays its answer.
        try (Socket raw = new Socket("127.0.0.1", platform.gateway().port())) {
            raw.setSoTimeout(10_000);
            raw.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\n"
                    + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(readAll(raw.getInputStream())).startsWith("HTTP/1.1 401 ")
                    .contains("{\"error\":\"unauthorized\"");
        }

        // A browser's way in: the token in a subprotocol beside nova.v1.
        java.util.concurrent.BlockingQueue<String> frames = new java.util.concurrent.LinkedBlockingQueue<>();
        org.java_websocket.client.WebSocketClient socket = new org.java_websocket.client.WebSocketClient(
                URI.create("ws://127.0.0.1:" + platform.gateway().port() + "/ws"),
                new org.java_websocket.drafts.Draft_6455(List.of(), List.of(
                        new org.java_websocket.protocols.Protocol("nova.v1"),
                        new org.java_websocket.protocols.Protocol("bearer." + token)))) {
            @Override
            public void onOpen(org.java_websocket.handshake.ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String message) {
                frames.add(message);
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
            }

            @Override
            public void onError(Exception ex) {
            }
        };
        try {
            assertThat(socket.connectBlocking(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(socket.getProtocol().getProvidedProtocol()).isEqualTo("nova.v1");
            var hello = JSON.readTree(frames.poll(10, java.util.concurrent.TimeUnit.SECONDS));
            assertThat(hello.path("type").asText()).isEqualTo("hello");
            socket.send("{\"type\":\"resume\",\"after_event_id\":\""
                    + hello.path("data").path("last_event_id").asText() + "\"}");
            assertThat(JSON.readTree(frames.poll(10, java.util.concurrent.TimeUnit.SECONDS)).path("type").asText())
                    .isEqualTo("resumed");
            socket.send("{\"type\":\"ping\"}");
            assertThat(JSON.readTree(frames.poll(10, java.util.concurrent.TimeUnit.SECONDS)).path("type").asText())
                    .isEqualTo("pong");
        } finally {
            socket.closeBlocking();
        }
    }

    @Test
    void theServicesCallEachOtherOnTheirFreeGrpcPorts() throws Exception {
        // A comment is answered with its author, which content-service asks user-service for over gRPC: on free
        // ports that call reached nothing (503 dependency_unavailable) until each service was told the others' ports.
        String name = "gr_" + Long.toString(System.nanoTime(), 36);
        String token = JSON.readTree(post("/api/v1/auth/register", null, "{\"email\":\"" + name
                + "@example.com\",\"username\":\"" + name + "\",\"password\":\"correct horse battery\"}").body())
                .path("access_token").asText();
        String postId = JSON.readTree(post("/api/v1/posts", token, "{\"text\":\"hello\"}").body()).path("id").asText();

        HttpResponse<String> comment = post("/api/v1/posts/" + postId + "/comments", token, "{\"text\":\"hi\"}");

        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
        assertThat(JSON.readTree(comment.body()).path("author").path("username").asText()).isEqualTo(name);
    }

    @Test
    void aSecondStartOnTheSameDataIsRefused() {
        assertThatThrownBy(() -> LocalPlatform.start(LocalOptions.forTests(Repository.root(), data), s -> { }))
                .isInstanceOf(InstanceLock.AlreadyRunningException.class)
                .hasMessageContaining("already running");
    }

    @Test
    void theServicesGetTheirDatabasesKeysAndLogs() throws Exception {
        assertThat(Files.readString(data.resolve("jwt/public.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");
        for (ServiceProcess process : platform.processes()) {
            assertThat(process.isAlive()).isTrue();
            assertThat(process.log()).isEqualTo(data.resolve("logs").resolve(process.service().name() + ".log"));
            assertThat(Files.size(process.log())).isPositive();
        }
        assertThat(platform.platform().s3().bucketExists(LocalOptions.MEDIA_BUCKET)).isTrue();
        try (var connection = platform.platform().postgres().connect("postgres");
             var rows = connection.createStatement().executeQuery(
                     "SELECT datname FROM pg_database WHERE datname LIKE 'nova_%' ORDER BY datname")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            assertThat(names).containsExactly("nova_content", "nova_media", "nova_messaging", "nova_users");
        }
    }

    @Test
    void theServicesListenOnLoopbackOnly() throws Exception {
        for (String service : List.of("user-service", "content-service", "media-service", "messaging-service")) {
            ServiceJar jar = platform.services().get(service);
            for (int port : new int[] {jar.httpPort(), jar.adminPort(), jar.grpcPort()}) {
                try (java.net.Socket socket = new java.net.Socket()) {
                    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2000);
                }
                // 127.0.0.2 reaches this machine too, but not a socket bound to 127.0.0.1 only.
                assertThatThrownBy(() -> {
                    try (java.net.Socket socket = new java.net.Socket()) {
                        socket.connect(new java.net.InetSocketAddress("127.0.0.2", port), 2000);
                    }
                }).as("%s port %d on 127.0.0.2", service, port).isInstanceOf(java.net.ConnectException.class);
            }
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + platform.gateway().port() + path);
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
