package io.nova.kernel;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A response sent before the request body was read to its end says {@code Connection: close}, so that a client
 * never pools a connection the server is about to close (the cause of "header parser received no bytes" in a
 * test that followed a 413). Raw sockets, so the body can be left unfinished on the wire.
 */
class EarlyAnswerConnectionTest extends RunningKernelApp {

    @Override
    protected Map<String, String> settings() {
        return Map.of("maxRequestBody", "1KiB");
    }

    @Test
    void a413ForAChunkedBodyStillArrivingClosesTheConnection() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            String chunk = "{\"text\":\"" + "x".repeat(2048);
            out.write(("POST /probe/notes HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(chunk.length()) + "\r\n" + chunk
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush(); // no last chunk: the body is still "arriving"
            String head = head(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 413");
            assertThat(head.toLowerCase(Locale.ROOT)).contains("connection: close");
        }
    }

    /**
     * A 413 decided on the declared length reaches a client that is still sending the body: closing a connection
     * with unread bytes resets it, and a client still writing never reads the answer.
     */
    @Test
    void a413ForADeclaredLengthReachesAClientStillSendingTheBody() throws Exception {
        byte[] rest = "x".repeat(256 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /probe/notes HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (1 + rest.length) + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
            out.write(rest);
            String head = head(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 413");
            assertThat(head.toLowerCase(Locale.ROOT)).contains("connection: close");
        }
    }

    /**
     * A client that asks before sending ({@code Expect: 100-continue}) a body over the cap gets the 413 at once, and
     * no {@code 100 Continue} after it: the server reading on for the rest of the body must not invite it.
     */
    @Test
    void aClientExpecting100ContinueGetsThe413AndNoInvitation() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /probe/notes HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: 4096\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = head(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 413");
            skipBody(socket.getInputStream(), head);
            // Nothing follows the answer: the server closes once its lingering read gives up on the silent client.
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void a401BeforeTheBodyIsReadClosesTheConnection() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /probe/things HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 900\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = head(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 401");
            assertThat(head.toLowerCase(Locale.ROOT)).contains("connection: close");
        }
    }

    @Test
    void aBodyReadToItsEndKeepsTheConnectionForTheNextRequest() throws Exception {
        try (Socket socket = connect()) {
            String body = "{\"text\":\"hi\",\"stars\":9,\"tags\":[]}";
            for (int i = 0; i < 2; i++) {
                socket.getOutputStream().write(("POST /probe/notes HTTP/1.1\r\nHost: test\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                String head = head(socket.getInputStream());
                assertThat(head).startsWith("HTTP/1.1 400"); // stars over 5: read in full, then refused
                assertThat(head.toLowerCase(Locale.ROOT)).doesNotContain("connection: close");
                skipBody(socket.getInputStream(), head);
            }
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", app.getLocalPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + bytes.toString(StandardCharsets.ISO_8859_1));
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
                return;
            }
        }
        throw new IOException("no Content-Length in " + head);
    }
}
