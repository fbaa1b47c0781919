package io.nova.messaging.realtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** An upgrade request written by hand, to read exactly how the server refuses one (status, headers, body). */
final class RawUpgrade {

    private RawUpgrade() {
    }

    /** The whole response to {@code GET /ws} with the upgrade headers plus {@code extraHeaders} (CRLF-ended). */
    static String send(int port, String extraHeaders) throws IOException {
        return sendHead(port, "Connection: Upgrade, close\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" + extraHeaders);
    }

    /** The whole response to {@code GET /ws} with exactly {@code headers} (CRLF-ended) besides Host. */
    static String sendHead(int port, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            in.transferTo(bytes);
        } catch (java.net.SocketTimeoutException e) {
            // A response kept open: what came is what there is.
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
