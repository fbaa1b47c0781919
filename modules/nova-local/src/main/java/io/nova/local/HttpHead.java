package io.nova.local;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The head of an HTTP/1.1 message — start line and header fields — which is all the gateway needs to parse: it
 * decides on the head and relays the body as bytes. Header order and spelling are kept, since the backend sees
 * what the client sent.
 */
final class HttpHead {

    static final int MAX_BYTES = 64 * 1024;

    final String startLine;
    final List<String[]> headers;

    HttpHead(String startLine, List<String[]> headers) {
        this.startLine = startLine;
        this.headers = headers;
    }

    /** Reads one head; empty at a clean end of stream before any byte (a client that connected and left). */
    static Optional<HttpHead> read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (bytes.size() == 0) {
                    return Optional.empty();
                }
                throw new EOFException("the connection closed inside an HTTP head");
            }
            bytes.write(b);
            if (bytes.size() > MAX_BYTES) {
                throw new HeadTooLargeException();
            }
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        // Line by line without String.split: a two-character separator would compile a regex for every request.
        String head = bytes.toString(StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n");
        String startLine = head.substring(0, end);
        List<String[]> headers = new ArrayList<>();
        for (int start = end + 2; start < head.length(); start = end + 2) {
            end = head.indexOf("\r\n", start);
            int colon = head.indexOf(':', start);
            if (colon > start && colon < end) {
                headers.add(new String[] {head.substring(start, colon).trim(), head.substring(colon + 1, end).trim()});
            }
        }
        return Optional.of(new HttpHead(startLine, headers));
    }

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
    }

    /** Every value of header {@code name}, one per field line, in order. */
    List<String> values(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
    }

    /** True when the comma-separated header {@code name} has the token {@code token} (case-insensitive). */
    boolean hasToken(String name, String token) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name))
                .flatMap(h -> java.util.Arrays.stream(h[1].split(",")))
                .anyMatch(t -> t.trim().equalsIgnoreCase(token));
    }

    void remove(String name) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
    }

    void set(String name, String value) {
        remove(name);
        headers.add(new String[] {name, value});
    }

    /** For a response head: the status code, or 0 when the status line is not HTTP. */
    int status() {
        String[] parts = startLine.split(" ", 3);
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    byte[] bytes() {
        StringBuilder out = new StringBuilder(startLine).append("\r\n");
        for (String[] h : headers) {
            out.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        return out.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static final class HeadTooLargeException extends IOException {
        HeadTooLargeException() {
            super("HTTP head larger than " + MAX_BYTES + " bytes");
        }
    }
}
