package io.nova.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of user-service behind the gateway (JDK HTTP servers standing in, the real route table): requests
 * alternate between them; a replica that is gone (connection refused) is skipped; one that dies under a request has
 * its GET resent to the other, while a POST is answered 502 for its client to retry — never sent twice.
 */
class GatewayReplicasTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<HttpServer> servers = new ArrayList<>();
    private Gateway gateway;
    private ServerSocket dying;

    private HttpServer replica(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/api/v1/users", exchange -> answer(exchange, name));
        server.start();
        servers.add(server);
        return server;
    }

    private static void answer(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        byte[] reply = name.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    private void start(List<InetSocketAddress> users) throws IOException {
        InetSocketAddress nobody = new InetSocketAddress("127.0.0.1", LocalPlatform.freePort());
        IngressFragments fragments = IngressFragments.read(Repository.root());
        Map<String, List<InetSocketAddress>> backends = new LinkedHashMap<>();
        backends.put("user-service", users);
        backends.put("messaging-service", List.of(nobody));
        backends.put("content-service", List.of(nobody));
        backends.put("media-service", List.of(nobody));
        gateway = Gateway.start(fragments.routes(), fragments.policy(List.of("*")), new Backends(backends), 0);
    }

    @AfterEach
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        servers.forEach(s -> s.stop(0));
        if (dying != null) {
            dying.close();
        }
    }

    private HttpResponse<String> send(String method) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/users/me"))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static InetSocketAddress address(HttpServer server) {
        return new InetSocketAddress("127.0.0.1", server.getAddress().getPort());
    }

    @Test
    void requestsAlternateAndAGoneReplicaIsSkipped() throws Exception {
        HttpServer a = replica("a");
        HttpServer b = replica("b");
        start(List.of(address(a), address(b)));
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answered.add(send("GET").body());
        }
        assertThat(answered).containsOnly("a", "b").contains("a", "b");

        a.stop(0);
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = send(i % 2 == 0 ? "GET" : "POST");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("b");
        }

        b.stop(0);
        HttpResponse<String> none = send("GET");
        assertThat(none.statusCode()).isEqualTo(503);
        assertThat(none.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void aReplicaDyingUnderARequestGetsItsGetResentButItsPostAnswered502() throws Exception {
        HttpServer b = replica("b");
        AtomicInteger cut = new AtomicInteger();
        dying = new ServerSocket(0, 16, java.net.InetAddress.getLoopbackAddress());
        Thread killer = new Thread(() -> {
            // Takes each request and hangs up without a word, as a replica killed mid-request does.
            while (!dying.isClosed()) {
                try (Socket s = dying.accept()) {
                    s.getInputStream().read(new byte[8192]);
                    cut.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        killer.setDaemon(true);
        killer.start();
        start(List.of(new InetSocketAddress("127.0.0.1", dying.getLocalPort()), address(b)));

        // Turns alternate between the two: of six requests of one method, three are sent to the dying replica first.
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> get = send("GET");
            assertThat(get.statusCode()).as("a GET cut by the dying replica is resent to the live one")
                    .isEqualTo(200);
            assertThat(get.body()).isEqualTo("b");
        }
        int cutBeforePosts = cut.get();
        int posts502 = 0;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> post = send("POST");
            if (post.statusCode() == 502) {
                posts502++;
                assertThat(post.body()).contains("bad_gateway");
            } else {
                assertThat(post.body()).isEqualTo("b");
            }
        }
        assertThat(posts502).as("a POST cut by it is answered 502, not sent again").isEqualTo(3);
        assertThat(cut.get() - cutBeforePosts).as("each cut POST reached the dying replica once").isEqualTo(3);
        assertThat(cut.get()).isPositive();
    }
}
