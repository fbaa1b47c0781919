package io.nova.local;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies one HTTP/1.1 message body from a stream to another exactly as framed (RFC 9112 §6): {@code Content-Length}
 * bytes, or chunks up to and including the last chunk and trailers — and not one byte more, so the connection can
 * carry the next message. The chunked encoding is relayed as is, not decoded.
 */
final class HttpBody {

    /** How a body ends. */
    enum Framing { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    private static final int MAX_CHUNK_LINE = 4096;

    private HttpBody() {
    }

    /** The body's framing of a response to {@code method}: none for HEAD, 1xx, 204 and 304. */
    static Framing ofResponse(String method, HttpHead head) {
        int status = head.status();
        if (method.equals("HEAD") || status < 200 || status == 204 || status == 304) {
            return Framing.NONE;
        }
        if (head.hasToken("Transfer-Encoding", "chunked")) {
            return Framing.CHUNKED;
        }
        return head.header("Content-Length").isPresent() ? Framing.LENGTH : Framing.UNTIL_CLOSE;
    }

    static long contentLength(HttpHead head) throws IOException {
        String value = head.header("Content-Length").orElse("0").trim();
        try {
            long length = Long.parseLong(value);
            if (length < 0) {
                throw new IOException("negative Content-Length");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("Content-Length is not a number: " + value);
        }
    }

    /**
     * Copies the body; returns the bytes copied. Past {@code limit} body bytes it stops and throws
     * {@link TooLargeException}.
     */
    static long copy(Framing framing, HttpHead head, InputStream in, OutputStream out, long limit) throws IOException {
        return switch (framing) {
            case NONE -> 0;
            case LENGTH -> copyExactly(in, out, contentLength(head), limit);
            case CHUNKED -> copyChunked(in, out, limit);
            case UNTIL_CLOSE -> in.transferTo(out);
        };
    }

    private static long copyExactly(InputStream in, OutputStream out, long length, long limit) throws IOException {
        if (length > limit) {
            throw new TooLargeException();
        }
        byte[] buffer = new byte[(int) Math.min(16 * 1024, Math.max(length, 1))];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("the body ended " + left + " bytes early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        return length;
    }

    private static long copyChunked(InputStream in, OutputStream out, long limit) throws IOException {
        long total = 0;
        while (true) {
            String line = line(in);
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int extension = line.indexOf(';');
            long size = chunkSize(extension < 0 ? line : line.substring(0, extension));
            if (size == 0) {
                // Trailer fields, then the empty line that ends the message.
                String trailer;
                do {
                    trailer = line(in);
                    out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                } while (!trailer.isEmpty());
                return total;
            }
            total += size;
            if (total > limit) {
                throw new TooLargeException();
            }
            copyExactly(in, out, size, Long.MAX_VALUE);
            String end = line(in);
            if (!end.isEmpty()) {
                throw new MalformedException("a chunk not followed by CRLF");
            }
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Hex digits only: Long.parseLong would also take a sign ("-5"), which no chunk size has. */
    private static long chunkSize(String text) throws MalformedException {
        String hex = text.trim();
        if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new MalformedException("not a chunk size: " + (hex.length() > 40 ? hex.substring(0, 40) : hex));
        }
        return Long.parseLong(hex, 16);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("the connection closed inside a chunked body");
            }
            if (bytes.size() >= MAX_CHUNK_LINE) {
                throw new MalformedException("a chunk line longer than " + MAX_CHUNK_LINE + " bytes");
            }
            bytes.write(b);
        }
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** A chunked body that breaks the chunked encoding: the sender's fault, answered with 400. */
    static final class MalformedException extends IOException {
        MalformedException(String message) {
            super(message);
        }
    }

    /** A body larger than the gateway's limit. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("body over the limit");
        }
    }
}
