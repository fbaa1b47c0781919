package io.nova.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP/1.1 keep-alive through the gateway: several requests on one client connection, bodies framed by length or
 * chunks in both directions, backend connections reused — with the real route table and a JDK HTTP server standing
 * in for user-service.
 */
class GatewayKeepAliveTest {

    private static HttpServer backend;
    private static Gateway gateway;
    /** Remote ports the backend saw: one per backend connection the gateway opened. */
    private static final Set<Integer> BACKEND_CONNECTIONS = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        backend.setExecutor(Executors.newFixedThreadPool(4));
        backend.createContext("/api/v1/users", GatewayKeepAliveTest::answer);
        backend.start();
        InetSocketAddress nobody = new InetSocketAddress("127.0.0.1", LocalPlatform.freePort());
        IngressFragments fragments = IngressFragments.read(Repository.root());
        gateway = Gateway.start(fragments.routes(), fragments.policy(List.of("*")), Map.of(
                "user-service", new InetSocketAddress("127.0.0.1", backend.getAddress().getPort()),
                "messaging-service", nobody, "content-service", nobody, "media-service", nobody), 0);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        backend.stop(0);
    }

    /** Echoes method, path and body; {@code /chunked} answers with a chunked body, {@code /close} closes. */
    private static void answer(HttpExchange exchange) throws IOException {
        BACKEND_CONNECTIONS.add(exchange.getRemoteAddress().getPort());
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        byte[] reply = (exchange.getRequestMethod() + " " + path + " " + body.length + " "
                + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        if (path.endsWith("/close")) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(200, path.endsWith("/chunked") ? 0 : reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    @Test
    void manyRequestsShareOneClientConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 5; i++) {
                String body = "{\"n\":" + i + "}";
                out.write(("POST /api/v1/users/item" + i + " HTTP/1.1\r\nHost: local\r\nContent-Type: application/json"
                        + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                assertThat(readResponse(in)).isEqualTo("POST /api/v1/users/item" + i + " " + body.length() + " " + body);
            }
        }
    }

    @Test
    void chunkedBodiesPassBothWaysAndTheConnectionStaysUsable() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            out.write(("PUT /api/v1/users/chunked HTTP/1.1\r\nHost: local\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readResponse(in)).isEqualTo("PUT /api/v1/users/chunked 11 hello world");
            out.write("GET /api/v1/users/after HTTP/1.1\r\nHost: local\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readResponse(in)).isEqualTo("GET /api/v1/users/after 0 ");
        }
    }

    @Test
    void backendConnectionsAreReused() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        int before = BACKEND_CONNECTIONS.size();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/users/seq" + i)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("GET /api/v1/users/seq" + i + " 0 ");
        }
        assertThat(BACKEND_CONNECTIONS.size() - before).as("new backend connections for 20 sequential requests")
                .isLessThanOrEqualTo(2);
    }

    @Test
    void aBackendThatClosesIsNotReusedAndTheNextRequestStillWorks() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/api/v1/users/close", "/api/v1/users/next", "/api/v1/users/close",
                "/api/v1/users/last")) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("GET " + path + " 0 ");
        }
    }

    @Test
    void connectionCloseFromTheClientEndsTheConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.getOutputStream().write("GET /api/v1/users/bye HTTP/1.1\r\nHost: local\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(all).startsWith("HTTP/1.1 200").contains("Connection: close").endsWith("GET /api/v1/users/bye 0 ");
        }
    }

    /** Reads one response: head, then a Content-Length or chunked body, leaving the connection at the next one. */
    private static String readResponse(BufferedReader in) throws IOException {
        String status = in.readLine();
        assertThat(status).startsWith("HTTP/1.1 200");
        int length = -1;
        boolean chunked = false;
        String line;
        while (!(line = in.readLine()).isEmpty()) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            assertThat(lower).doesNotStartWith("connection: close");
        }
        StringBuilder body = new StringBuilder();
        if (chunked) {
            int size;
            while ((size = Integer.parseInt(in.readLine().split(";")[0].trim(), 16)) > 0) {
                char[] chunk = new char[size];
                int read = 0;
                while (read < size) {
                    read += in.read(chunk, read, size - read);
                }
                body.append(chunk);
                in.readLine();
            }
            in.readLine();
        } else {
            char[] chars = new char[length];
            int read = 0;
            while (read < length) {
                read += in.read(chars, read, length - read);
            }
            body.append(chars);
        }
        return body.toString();
    }
}
