package io.nova.bench.messaging;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The load generator's HTTP/1.1 sender for the measured requests: a fixed number of keep-alive connections, each
 * worked by one thread that writes a request and reads its answer. The JDK's asynchronous client spent 1.4 ms of
 * CPU per message sent here (thread hand-offs between its selector and executor) — on a two-core machine that
 * shares the cores with what it measures, the generator itself was a fifth of the load. This one costs a write
 * and a read per request.
 *
 * <p>Requests wait in an unbounded queue for a free connection; their latency still runs from their intended time.
 */
final class LeanPoster {

    private final URI base;
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();

    private record Job(String path, String[] headers, byte[] body, CompletableFuture<Integer> status) {
    }

    LeanPoster(URI base, int connections) {
        if (!"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("plain http only: " + base);
        }
        this.base = base;
        for (int i = 0; i < connections; i++) {
            Thread worker = new Thread(this::work, "lean-poster-" + i);
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** POSTs {@code body} (JSON) to {@code path}; the answer's status, or the failure. */
    CompletableFuture<Integer> post(String path, String body, String... headerPairs) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        jobs.add(new Job(path, headerPairs, body.getBytes(StandardCharsets.UTF_8), status));
        return status;
    }

    private void work() {
        Connection connection = null;
        while (true) {
            Job job;
            try {
                job = jobs.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (connection == null) {
                    connection = new Connection(base);
                }
                int status = connection.exchange(job);
                if (!connection.keepAlive) {
                    connection.close();
                    connection = null;
                }
                job.status().complete(status);
            } catch (IOException | RuntimeException e) {
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
                job.status().completeExceptionally(e);
            }
        }
    }

    /** One keep-alive connection: a request written, its answer read to the end. */
    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final String host;
        private boolean keepAlive = true;

        Connection(URI base) throws IOException {
            int port = base.getPort() == -1 ? 80 : base.getPort();
            socket = new Socket(base.getHost(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            host = base.getHost() + ":" + port;
        }

        int exchange(Job job) throws IOException {
            StringBuilder head = new StringBuilder(256).append("POST ").append(job.path()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append("\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Content-Length: ").append(job.body().length).append("\r\n");
            for (int i = 0; i + 1 < job.headers().length; i += 2) {
                head.append(job.headers()[i]).append(": ").append(job.headers()[i + 1]).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(job.body());
            out.flush();
            return readResponse();
        }

        private int readResponse() throws IOException {
            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            keepAlive = !parts[0].equals("HTTP/1.0");
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                keepAlive = false; // the body runs to the end of the connection
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed mid-answer");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        /**
         * Reads past {@code bytes} of an answer's body. Not a way to ignore a failure: the generator counts only
         * the status (the answer's body is the message it sent, checked when the other member's socket receives
         * it), but the body must leave the stream so the next answer on this keep-alive connection starts at its
         * status line. A body cut short is an IOException, which fails the send and closes the connection.
         */
        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                // skip() may move less than asked, or 0 with data still to come: then one blocking read decides.
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // going anyway
            }
        }
    }
}
