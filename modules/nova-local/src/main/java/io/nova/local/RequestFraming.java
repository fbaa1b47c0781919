package io.nova.local;

import java.io.IOException;
import java.util.List;

/**
 * How a request's body is framed (RFC 9112 §6.3), decided strictly. A request whose framing two parsers could read
 * differently — two {@code Content-Length}s, {@code Content-Length} beside {@code Transfer-Encoding}, a length that
 * is not a plain decimal number, a transfer coding other than a single {@code chunked} — is refused by the gateway
 * with 400, as ingress-nginx refuses it, instead of being passed on. Passing it on would let a client make the
 * gateway and a service disagree on where the request ends (request smuggling).
 */
final class RequestFraming {

    private RequestFraming() {
    }

    /** The framing, or {@link Refused} with the reason to tell the client. */
    static HttpBody.Framing of(HttpHead head) throws Refused {
        List<String> lengths = head.values("Content-Length");
        List<String> codings = head.values("Transfer-Encoding");
        if (!codings.isEmpty()) {
            if (!lengths.isEmpty()) {
                throw new Refused("a request must not carry both Content-Length and Transfer-Encoding");
            }
            if (codings.size() != 1 || !codings.get(0).trim().equalsIgnoreCase("chunked")) {
                throw new Refused("the only request transfer coding accepted is a single \"chunked\"");
            }
            if (!head.startLine.endsWith("HTTP/1.1")) {
                throw new Refused("Transfer-Encoding needs HTTP/1.1");
            }
            return HttpBody.Framing.CHUNKED;
        }
        if (lengths.isEmpty()) {
            return HttpBody.Framing.NONE;
        }
        if (lengths.size() > 1) {
            throw new Refused("a request must not carry more than one Content-Length");
        }
        length(lengths.get(0));
        return HttpBody.Framing.LENGTH;
    }

    /** A Content-Length value: 1 to 18 decimal digits and nothing else (no sign, no list, no spaces inside). */
    static long length(String value) throws Refused {
        String digits = value.trim();
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refused("Content-Length must be a non-negative decimal number");
        }
        return Long.parseLong(digits);
    }

    /** A request the gateway refuses for its framing; the message is for the client. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }
}
