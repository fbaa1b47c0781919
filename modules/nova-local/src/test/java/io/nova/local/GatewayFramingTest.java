package io.nova.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway does with request framing: it relays a service's early answer even though the service closed
 * while the body was still arriving, and it refuses ambiguous or malformed framing itself (400, Nova's error
 * format) without passing the request on. The backend is a real socket that answers like Jetty does.
 */
class GatewayFramingTest {

    private static final String EARLY_ANSWER = "{\"error\":\"payload_too_large\",\"message\":\"from the service\"}";

    private static ServerSocket backend;
    private static Gateway gateway;
    private static final ExecutorService BACKEND_THREADS = Executors.newCachedThreadPool();
    /** Request heads the backend received. */
    private static final AtomicInteger REACHED = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        backend = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        BACKEND_THREADS.execute(() -> {
            while (!backend.isClosed()) {
                try {
                    Socket connection = backend.accept();
                    BACKEND_THREADS.execute(() -> answer(connection));
                } catch (IOException e) {
                    return;
                }
            }
        });
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", backend.getLocalPort());
        IngressFragments fragments = IngressFragments.read(Repository.root());
        gateway = Gateway.start(fragments.routes(), fragments.policy(List.of("*")), Map.of(
                "user-service", address, "messaging-service", address, "content-service", address,
                "media-service", address), 0);
    }

    @AfterAll
    static void stop() throws IOException {
        gateway.close();
        backend.close();
        BACKEND_THREADS.shutdownNow();
    }

    /** Like Jetty with a body over its cap: answers 413 on the head, then closes without reading the body. */
    private static void answer(Socket connection) {
        try (connection) {
            if (HttpHead.read(connection.getInputStream()).isEmpty()) {
                return;
            }
            REACHED.incrementAndGet();
            byte[] body = EARLY_ANSWER.getBytes(StandardCharsets.UTF_8);
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // The gateway went away first.
        }
    }

    @Test
    void anEarlyAnswerFromAServiceThatClosedIsRelayed() throws Exception {
        int size = 1_100_000;
        for (String path : List.of("/api/v1/posts", "/api/v1/auth/refresh", "/api/v1/uploads")) {
            try (Socket socket = connect()) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: local\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                byte[] part = new byte[64 * 1024];
                java.util.Arrays.fill(part, (byte) 'x');
                out.write(part);
                out.flush();
                Thread.sleep(300); // the service has answered and closed by now; the body is still coming
                try {
                    for (int sent = part.length; sent < size; sent += part.length) {
                        out.write(part, 0, Math.min(part.length, size - sent));
                    }
                    out.flush();
                } catch (IOException e) {
                    // The gateway may stop reading once it has the answer; the answer is what counts.
                }
                String response = readAll(socket.getInputStream());
                assertThat(response).as(path).startsWith("HTTP/1.1 413");
                assertThat(response.toLowerCase(Locale.ROOT)).as(path).contains("connection: close");
                assertThat(response).as(path).endsWith(EARLY_ANSWER);
            }
        }
    }

    @Test
    void aMalformedChunkSizeIs400() throws Exception {
        String response = exchange("POST /api/v1/posts HTTP/1.1\r\nHost: local\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/json\r\n\r\nzz\r\n");
        assertRefused(response, "chunk");
    }

    @Test
    void aNegativeContentLengthIs400AndNeverReachesTheService() throws Exception {
        int before = REACHED.get();
        assertRefused(exchange("POST /api/v1/posts HTTP/1.1\r\nHost: local\r\nContent-Length: -1\r\n\r\n"),
                "Content-Length");
        assertThat(REACHED.get()).isEqualTo(before);
    }

    @Test
    void twoContentLengthsAre400AndNeverReachTheService() throws Exception {
        int before = REACHED.get();
        assertRefused(exchange("POST /api/v1/posts HTTP/1.1\r\nHost: local\r\nContent-Length: 2\r\n"
                + "Content-Length: 2\r\n\r\n{}"), "Content-Length");
        assertThat(REACHED.get()).isEqualTo(before);
    }

    @Test
    void contentLengthWithTransferEncodingIs400AndNeverReachesTheService() throws Exception {
        int before = REACHED.get();
        assertRefused(exchange("POST /api/v1/posts HTTP/1.1\r\nHost: local\r\nContent-Length: 4\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"), "Transfer-Encoding");
        assertThat(REACHED.get()).isEqualTo(before);
    }

    @Test
    void aTransferCodingOtherThanChunkedIs400AndNeverReachesTheService() throws Exception {
        int before = REACHED.get();
        assertRefused(exchange("POST /api/v1/posts HTTP/1.1\r\nHost: local\r\nTransfer-Encoding: gzip, chunked\r\n"
                + "\r\n0\r\n\r\n"), "chunked");
        assertThat(REACHED.get()).isEqualTo(before);
    }

    private static void assertRefused(String response, String reason) {
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("Content-Type: application/json");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(body).startsWith("{\"error\":\"bad_request\",\"message\":\"").contains(reason).endsWith("\"}");
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", gateway.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String exchange(String request) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    /** Everything until the gateway closes: each answer here ends the connection. */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
